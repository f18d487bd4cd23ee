// Reference values from scripts/references/evaluate_references.py (scikit-learn / scipy / numpy),
// and the comparison helper the metric and paired-statistics tests share.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

type MetricValues = Record<string, number | null>;

interface BinaryCase {
  name: string;
  labels: number[];
  champion: number[];
  challenger: number[];
  metrics: { champion: MetricValues; challenger: MetricValues };
  delong: null | {
    championAuc: number;
    challengerAuc: number;
    difference: number;
    covariance: [[number, number], [number, number]];
    variance: number;
    z: number;
    pValue: number;
    ciLow: number;
    ciHigh: number;
  };
  mcnemar: { b: number; c: number; pValue: number; midP: number };
}

interface MulticlassCase {
  name: string;
  classCount: number;
  labels: number[];
  champion: number[];
  challenger: number[];
  metrics: { champion: MetricValues; challenger: MetricValues };
  mcnemar: { b: number; c: number; pValue: number; midP: number };
}

interface RegressionCase {
  name: string;
  targets: number[];
  champion: number[];
  challenger: number[];
  metrics: { champion: MetricValues; challenger: MetricValues };
}

export interface Reference {
  versions: Record<string, string>;
  binary: BinaryCase[];
  multiclass: MulticlassCase[];
  regression: RegressionCase[];
  mcnemarCounts: { b: number; c: number; pValue: number; midP: number }[];
  bca: {
    bootstrap: number[];
    estimate: number;
    jackknife: number[];
    confidence: number;
    biasCorrection: number;
    acceleration: number;
    low: number;
    high: number;
    percentileLow: number;
    percentileHigh: number;
  };
  distributions: {
    normalCdf: [number, number][];
    normalUpperTail: [number, number][];
    normalQuantile: [number, number][];
    binomialPmf: [number, number, number, number][];
    binomialCdf: [number, number, number, number][];
  };
}

export const reference: Reference = JSON.parse(
  readFileSync(new URL("../../fixtures/stats/evaluate.json", import.meta.url), "utf8"),
);

/** |actual - expected| <= rel * |expected| + abs. */
export function assertClose(actual: number, expected: number, what: string, rel = 1e-12, abs = 1e-15): void {
  if (Number.isNaN(expected)) {
    assert.ok(Number.isNaN(actual), `${what}: expected NaN, got ${actual}`);
    return;
  }
  const tolerance = rel * Math.abs(expected) + abs;
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: expected ${expected}, got ${actual} (difference ${actual - expected}, tolerance ${tolerance})`,
  );
}

export const f64 = (values: readonly number[]): Float64Array => Float64Array.from(values);
