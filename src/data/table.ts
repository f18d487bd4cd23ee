/**
 * The in-memory shape every data reader produces and every consumer (evaluate, drift) reads:
 * columns, not rows, so statistics run over typed arrays without per-row objects.
 */

/** A numeric column; NaN marks a missing value. */
export interface NumericColumn {
  readonly kind: "numeric";
  readonly name: string;
  readonly values: Float64Array;
}

/** A categorical column, dictionary-encoded; code -1 marks a missing value. */
export interface CategoricalColumn {
  readonly kind: "categorical";
  readonly name: string;
  readonly codes: Int32Array;
  readonly categories: readonly string[];
}

export type Column = NumericColumn | CategoricalColumn;

export interface Table {
  /** Where the rows came from (a path, or a description), for error messages. */
  readonly source: string;
  readonly rowCount: number;
  /** Columns in file order. */
  readonly columns: readonly Column[];
}
