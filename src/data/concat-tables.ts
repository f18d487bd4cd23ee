import type { CategoricalColumn, Column, NumericColumn, Table } from "./table.ts";

/**
 * Stacks tables row-wise under the union of their columns (in order of first appearance). A column
 * a table lacks is missing in its rows. A column that is categorical anywhere is categorical in the
 * result: numbers from numeric parts become the text String(x) (readTables re-reads CSV parts first
 * so that their own text is kept). Categories: the first part's, then new ones of each later part.
 */
export function concatTables(tables: readonly Table[], source: string): Table {
  const rowCount = tables.reduce((sum, table) => sum + table.rowCount, 0);
  const kinds = new Map<string, Column["kind"]>();
  for (const table of tables) {
    for (const column of table.columns) {
      if (kinds.get(column.name) !== "categorical") kinds.set(column.name, column.kind);
    }
  }
  const columns: Column[] = [];
  for (const [name, kind] of kinds) {
    const parts = tables.map((table) => ({ rows: table.rowCount, column: table.columns.find((c) => c.name === name) }));
    columns.push(kind === "numeric" ? stackNumeric(name, parts, rowCount) : stackCategorical(name, parts, rowCount));
  }
  return { source, rowCount, columns };
}

interface Part {
  readonly rows: number;
  readonly column: Column | undefined;
}

function stackNumeric(name: string, parts: readonly Part[], rowCount: number): NumericColumn {
  const values = new Float64Array(rowCount);
  let offset = 0;
  for (const { rows, column } of parts) {
    if (column?.kind === "numeric") values.set(column.values, offset);
    else values.fill(NaN, offset, offset + rows);
    offset += rows;
  }
  return { kind: "numeric", name, values };
}

function stackCategorical(name: string, parts: readonly Part[], rowCount: number): CategoricalColumn {
  const codes = new Int32Array(rowCount);
  const categories: string[] = [];
  const index = new Map<string, number>();
  const code = (text: string): number => {
    let c = index.get(text);
    if (c === undefined) {
      c = categories.length;
      categories.push(text);
      index.set(text, c);
    }
    return c;
  };
  let offset = 0;
  for (const { rows, column } of parts) {
    if (column === undefined) {
      codes.fill(-1, offset, offset + rows);
    } else if (column.kind === "numeric") {
      for (let i = 0; i < rows; i++) {
        const x = column.values[i];
        codes[offset + i] = x === x ? code(String(x)) : -1;
      }
    } else {
      const remap = column.categories.map(code);
      for (let i = 0; i < rows; i++) {
        const c = column.codes[i];
        codes[offset + i] = c < 0 ? -1 : remap[c];
      }
    }
    offset += rows;
  }
  return { kind: "categorical", name, codes, categories };
}
