/**
 * A metric evaluated on both models for one resample at a time: the unit of work the paired
 * bootstrap hands to each thread. `prepare` runs once on the main thread (validation, sorting);
 * its `state` holds only typed arrays and numbers so it can be shared with worker threads, which
 * find the same kernel again by name (kernelFor) and evaluate each resample.
 *
 * Rows may be stored in any order the kernel likes (the "canonical" order): the bootstrap draws
 * rows uniformly, so it never needs to know which row is which. The generic kernel keeps the
 * input order; the ROC AUC kernel uses the champion's score order (roc-auc-kernel.ts).
 */
import { findMetric } from "../metrics/registry.ts";
import type {
  EvaluationData,
  MetricImplementation,
  PreparationCache,
  ResolvedMetricOptions,
  Task,
} from "../metrics/types.ts";
import { rocAucKernel } from "./roc-auc-kernel.ts";

export interface KernelId {
  readonly metric: string;
  readonly task: Task;
}

export interface PreparedPair<State> {
  readonly state: State;
  readonly rowCount: number;
  /** The metric on all rows: [champion, challenger]. */
  readonly full: readonly [number, number];
  /** Exact leave-one-out values in canonical order, or null when only a grouped jackknife applies. */
  leaveOneOut(): { champion: Float64Array; challenger: Float64Array } | null;
}

export interface PairedKernel<State> {
  prepare(
    champion: EvaluationData,
    challenger: EvaluationData,
    options: ResolvedMetricOptions,
    cache?: PreparationCache,
  ): PreparedPair<State>;
  /**
   * Writes the champion's value with canonical row i counted weights[i] times to out[0], the
   * challenger's to out[1].
   */
  evaluate(state: State, weights: Uint8Array, out: Float64Array): void;
  /**
   * Optional fast path for the bootstrap: the GROUP_LANES resamples of the group with these keys
   * (poisson-weights.ts), lane k's values at out[2k] and out[2k + 1], with exactly the result of
   * fillPoissonWeights + evaluate for each lane, but without storing the weights.
   */
  resampleGroup?(state: State, key1: number, key2: number, out: Float64Array): void;
}

interface GenericState {
  readonly champion: unknown;
  readonly challenger: unknown;
}

/** Any registered metric: two independent weighted passes over rows in input order. */
export function genericKernel(implementation: MetricImplementation<any>): PairedKernel<GenericState> {
  return {
    prepare(champion, challenger, options, cache) {
      const state = {
        champion: implementation.prepare(champion, options, cache),
        challenger: implementation.prepare(challenger, options, cache),
      };
      return {
        state,
        rowCount: rowCount(champion),
        full: [implementation.weighted(state.champion, null), implementation.weighted(state.challenger, null)],
        leaveOneOut() {
          if (!implementation.leaveOneOut) return null;
          return {
            champion: implementation.leaveOneOut(state.champion),
            challenger: implementation.leaveOneOut(state.challenger),
          };
        },
      };
    },
    evaluate(state, weights, out) {
      out[0] = implementation.weighted(state.champion, weights);
      out[1] = implementation.weighted(state.challenger, weights);
    },
  };
}

export function rowCount(data: EvaluationData): number {
  return data.task === "regression" ? data.targets.length : data.labels.length;
}

/** The kernel for a metric and task: the fused ROC AUC kernel where it applies, else the generic one. */
export function kernelFor(id: KernelId): PairedKernel<any> {
  if (id.metric === "roc_auc" && id.task === "binary") return rocAucKernel;
  return genericKernel(findMetric(id.metric, id.task).implementation);
}
