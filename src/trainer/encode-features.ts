/**
 * Turns the feature columns of a table into the numeric design matrix the logistic regression is
 * fitted on, exactly as the exported ONNX graph encodes them (src/model/export/one-hot.ts): a
 * numeric feature stays one column; a categorical one becomes a 0/1 column per known category,
 * named "feature=category", and a value outside the list (or missing) is all zeros.
 *
 * Example: device = ["chip", "online", "virtual_card"] with categories ["chip", "online"] →
 * device=chip [1, 0, 0], device=online [0, 1, 0].
 */
import { UserError } from "../errors.ts";
import type { Column, NumericColumn, Table } from "../data/table.ts";
import { encodedColumnNames, type CategoryLists } from "../model/export/one-hot.ts";

export function encodeFeatures(table: Table, features: readonly string[], categories: CategoryLists): Table {
  const columns: NumericColumn[] = [];
  for (const feature of features) {
    const column = findColumn(table, feature);
    if (!Object.hasOwn(categories, feature)) {
      if (column.kind !== "numeric")
        throw new Error(`internal: feature "${feature}" holds text but has no category list`);
      columns.push(column);
      continue;
    }
    const names = encodedColumnNames([feature], categories);
    const position = new Map(categories[feature].map((category, i) => [category, i]));
    const indicators = names.map(() => new Float64Array(table.rowCount));
    const valueIndex = valueIndexer(column, position);
    for (let row = 0; row < table.rowCount; row++) {
      const index = valueIndex(row);
      if (index >= 0) indicators[index][row] = 1;
    }
    names.forEach((name, i) => columns.push({ kind: "numeric", name, values: indicators[i] }));
  }
  return { source: table.source, rowCount: table.rowCount, columns };
}

/** Row → index of its category in the list, −1 when the value is missing or not listed. */
function valueIndexer(column: Column, position: ReadonlyMap<string, number>): (row: number) => number {
  if (column.kind === "categorical") {
    const byCode = Int32Array.from(column.categories, (category) => position.get(category) ?? -1);
    return (row) => (column.codes[row] < 0 ? -1 : byCode[column.codes[row]]);
  }
  return (row) => (Number.isNaN(column.values[row]) ? -1 : (position.get(String(column.values[row])) ?? -1));
}

export function findColumn(table: Table, name: string): Column {
  const found = table.columns.find((column) => column.name === name);
  if (!found) {
    throw new UserError(
      `column "${name}" is not in ${table.source} (columns: ${table.columns.map((c) => c.name).join(", ")}); fix the feature list or the data`,
      {
        file: table.source,
        column: name,
      },
    );
  }
  return found;
}
