/**
 * What the rollout remembers of recent requests so that labels coming back later can be joined to
 * them by request id: the step each request was answered in and what the stable model and the
 * challenger predicted for its rows (in a shadow step both score the same request). At most
 * `capacity` requests; the oldest is forgotten first (a Map keeps insertion order), so memory stays
 * flat whatever the traffic and however late the labels are. A label that comes before the
 * challenger's prediction (a shadow scores after the answer) is kept on the entry and joined when
 * the prediction arrives. Pure.
 */

export type Side = "stable" | "challenger";

export interface Remembered {
  /** The rollout step (its index) the request was answered in: labels join only the current step's window. */
  step: number;
  stable?: Float64Array;
  challenger?: Float64Array;
  /** The labels, once they came (encoded; one per row). */
  labels?: Float64Array;
}

/** What became of one label. */
export type LabelOutcome = "joined" | "unknown" | "outside_window" | "duplicate" | "rows_mismatch";

/** Requests remembered for labels by default: ~150 bytes each, so ~15 MB. */
const DEFAULT_REMEMBERED_REQUESTS = 100_000;

export class LabelMemory {
  private readonly entries = new Map<string, Remembered>();

  constructor(readonly capacity = DEFAULT_REMEMBERED_REQUESTS) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * What `side` predicted for request `id` in `step`; returns the labels to join now when they came
   * first. A request answered again under the same id (a client retry) keeps its first prediction.
   */
  predicted(id: string, step: number, side: Side, predictions: ArrayLike<number>): Float64Array | undefined {
    let entry = this.entries.get(id);
    if (!entry || entry.step !== step) {
      if (entry) this.entries.delete(id);
      entry = { step };
      this.entries.set(id, entry);
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    if (entry[side]) return undefined;
    entry[side] = Float64Array.from(predictions);
    return entry.labels && entry.labels.length === entry[side]!.length ? entry.labels : undefined;
  }

  /** Labels for request `id`: the sides to join them to now, or why they are not joined. */
  label(
    id: string,
    step: number,
    labels: Float64Array,
  ): { outcome: LabelOutcome; join: Array<{ side: Side; predictions: Float64Array }> } {
    const entry = this.entries.get(id);
    if (!entry) return { outcome: "unknown", join: [] };
    if (entry.step !== step) return { outcome: "outside_window", join: [] };
    if (entry.labels) return { outcome: "duplicate", join: [] };
    const sides = (["stable", "challenger"] as const).filter((side) => entry[side]);
    if (sides.some((side) => entry[side]!.length !== labels.length)) return { outcome: "rows_mismatch", join: [] };
    entry.labels = labels;
    return { outcome: "joined", join: sides.map((side) => ({ side, predictions: entry[side]! })) };
  }
}
