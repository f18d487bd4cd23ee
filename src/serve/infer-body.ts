/**
 * The client side of the tabular form: rows of a table as an infer request body, one tensor per
 * feature (numbers as FP64, text as BYTES). Used by the demo's traffic and the benchmark.
 */
import type { Table } from "../data/table.ts";

export function inferBody(
  table: Table,
  features: readonly string[],
  start: number,
  count: number,
  id?: string,
): Record<string, unknown> {
  const inputs = features.map((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) throw new Error(`column ${name} is not in ${table.source}`);
    const data: Array<number | string> = [];
    for (let i = start; i < start + count; i++) {
      data.push(
        column.kind === "numeric" ? column.values[i] : column.codes[i] < 0 ? "" : column.categories[column.codes[i]],
      );
    }
    return { name, shape: [count], datatype: column.kind === "numeric" ? "FP64" : "BYTES", data };
  });
  return id === undefined ? { inputs } : { id, inputs };
}
