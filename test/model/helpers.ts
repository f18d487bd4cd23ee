/** Shared by the model tests: fixture paths, small tables, a seeded PRNG and the reference formulas. */
import { fileURLToPath } from "node:url";
import type { Column, Table } from "../../src/data/table.ts";
import { seededRandom } from "../support/seeded-random.ts";

export { seededRandom };

export const FIXTURES = fileURLToPath(new URL("../fixtures/models/", import.meta.url));
export const fixture = (name: string): string => FIXTURES + name;

/** A table from plain arrays: numbers become numeric columns (null = missing), strings categorical. */
export function makeTable(
  columns: Record<string, Array<number | null> | Array<string | null>>,
  source = "test-table.csv",
): Table {
  const built: Column[] = Object.entries(columns).map(([name, values]) => {
    if (values.some((value) => typeof value === "string")) {
      const categories: string[] = [];
      const codes = Int32Array.from(values as Array<string | null>, (value) => {
        if (value === null) return -1;
        let code = categories.indexOf(value);
        if (code < 0) code = categories.push(value) - 1;
        return code;
      });
      return { kind: "categorical", name, codes, categories };
    }
    return {
      kind: "numeric",
      name,
      values: Float64Array.from(values as Array<number | null>, (value) => (value === null ? NaN : value)),
    };
  });
  const rowCount = Object.values(columns)[0]?.length ?? 0;
  return { source, rowCount, columns: built };
}

/** Rows of amount ~ U(0, 100), hour ~ U{0..23}, distance ~ U(0, 10). */
export function featureRows(count: number, seed = 7): { amount: number[]; hour: number[]; distance: number[] } {
  const random = seededRandom(seed);
  const rows = { amount: [] as number[], hour: [] as number[], distance: [] as number[] };
  for (let i = 0; i < count; i++) {
    rows.amount.push(Math.round(random() * 10000) / 100);
    rows.hour.push(Math.floor(random() * 24));
    rows.distance.push(Math.round(random() * 1000) / 100);
  }
  return rows;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Σ w_f · (x_f − mean_f) / scale_f + b in float64, on float32-rounded inputs as onnxruntime sees them. */
export function standardizedLinear(
  x: readonly number[],
  weights: readonly number[],
  intercept: number,
  standardization?: { mean: readonly number[]; scale: readonly number[] },
): number {
  let z = intercept;
  x.forEach((value, f) => {
    const v = Math.fround(value);
    z += weights[f] * (standardization ? (v - standardization.mean[f]) / standardization.scale[f] : v);
  });
  return z;
}

export function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
  what: string,
): void {
  if (actual.length !== expected.length) throw new Error(`${what}: length ${actual.length} != ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    const scale = Math.max(1, Math.abs(expected[i]));
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance * scale)) {
      throw new Error(
        `${what}[${i}]: ${actual[i]} differs from ${expected[i]} by more than ${tolerance} (relative to max(1, |expected|))`,
      );
    }
  }
}

/** Runs model bytes in onnxruntime on float32 inputs and returns every output as plain numbers. */
export async function runOnnx(
  bytes: Uint8Array,
  inputs: Record<string, { data: number[]; dims: number[] }>,
): Promise<Record<string, { dims: readonly number[]; data: number[] }>> {
  const { loadOrt } = await import("../../src/model/ort.ts");
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(bytes);
  try {
    const feeds = Object.fromEntries(
      Object.entries(inputs).map(([name, { data, dims }]) => [
        name,
        new ort.Tensor("float32", Float32Array.from(data), dims),
      ]),
    );
    const results = await session.run(feeds);
    return Object.fromEntries(
      Object.entries(results).map(([name, tensor]) => [
        name,
        { dims: tensor.dims, data: Array.from(tensor.data as ArrayLike<number | bigint>, Number) },
      ]),
    );
  } finally {
    await session.release();
  }
}
