import type { Table } from "../data/table.ts";
import type { Task } from "../config/types.ts";
import { UserError } from "../errors.ts";

/**
 * The label column as numbers the metrics take: binary 0/1, multiclass class indices, regression
 * targets. Categorical labels are mapped the way scikit-learn orders classes (sorted), so an
 * exported classifier's probability columns line up. Missing labels are an error naming the column.
 */
export function labelsOf(table: Table, label: string, task: Task): { values: Float64Array; classes?: string[] } {
  const column = table.columns.find((c) => c.name === label);
  if (!column) {
    throw new UserError(`${table.source}: no label column "${label}". Columns there: ${table.columns.map((c) => c.name).join(", ")}. Fix models.<name>.label in the config.`, { file: table.source, column: label });
  }
  const values = new Float64Array(table.rowCount);
  const missing: number[] = [];
  let classes: string[] | undefined;
  if (column.kind === "numeric") {
    for (let i = 0; i < table.rowCount; i++) {
      const v = column.values[i];
      if (!Number.isFinite(v)) missing.push(i);
      values[i] = v;
    }
  } else {
    classes = [...column.categories].sort();
    const index = column.categories.map((c) => classes!.indexOf(c));
    for (let i = 0; i < table.rowCount; i++) {
      const code = column.codes[i];
      if (code < 0) missing.push(i);
      values[i] = code < 0 ? NaN : index[code];
    }
    if (task === "binary" && classes.length === 2 && classes[0] === "false" && classes[1] === "true") classes = ["false", "true"];
  }
  if (missing.length) {
    throw new UserError(
      `${table.source}: column "${label}" has ${missing.length} missing or non-finite label(s) (first at data row ${missing[0] + 1}). Remove those rows from the held-out set or fill the labels.`,
      { file: table.source, column: label },
    );
  }
  if (task === "regression" && column.kind !== "numeric") {
    throw new UserError(`${table.source}: label "${label}" must be numeric for a regression model.`, { file: table.source, column: label });
  }
  if (task === "binary") {
    const bad = values.findIndex((v) => v !== 0 && v !== 1);
    if (bad >= 0) {
      throw new UserError(
        `${table.source}: label "${label}" must be 0/1 (or true/false) for a binary model; data row ${bad + 1} has ${column.kind === "numeric" ? values[bad] : `"${classes![values[bad]]}"`}.`,
        { file: table.source, column: label },
      );
    }
  }
  return { values, classes };
}

/** The configured features, or every column but the label in file order. */
export function featuresOf(table: Table, label: string, configured: string[] | undefined): string[] {
  return configured ?? table.columns.map((c) => c.name).filter((name) => name !== label);
}
