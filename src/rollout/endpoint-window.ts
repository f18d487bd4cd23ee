/**
 * What one endpoint (stable, canary or shadow) did during a rollout step: requests, failures, and
 * bounded uniform samples (Vitter's Algorithm R) of latencies and of every row's score, so memory stays flat
 * however long a step lasts. The score is the binary or regression score, or the predicted class
 * index for multiclass. Randomness is injected so a replay is repeatable. Pure (mutates only the window).
 */

export interface EndpointWindow {
  requests: number;
  errors: number;
  /** A uniform sample of the latencies in ms (every request, failed or not). */
  latencyMs: number[];
  latencySeen: number;
  /** A uniform sample of the scores of the requests that succeeded. */
  scores: number[];
  scoresSeen: number;
  /** A uniform sample of the rows whose labels came back (live quality): each label and what this endpoint predicted. */
  labelled: { labels: number[]; predictions: number[]; seen: number };
}

export interface Observation {
  ok: boolean;
  latencyMs: number;
  /** Each row's score (binary, regression) or predicted class index (multiclass); absent when it failed. */
  scores?: ArrayLike<number>;
  /** The request id, so labels that come back later find what this endpoint predicted. */
  id?: string;
}

/** Samples kept per endpoint and step: enough for a median CI and a KS test, small enough to test in microseconds. */
const WINDOW_CAPACITY = 2000;
/** Labelled rows kept per endpoint and step: rare positives (2.5% fraud) need thousands of rows for an AUC. */
const LABELLED_CAPACITY = 20_000;

export function emptyWindow(): EndpointWindow {
  return {
    requests: 0,
    errors: 0,
    latencyMs: [],
    latencySeen: 0,
    scores: [],
    scoresSeen: 0,
    labelled: { labels: [], predictions: [], seen: 0 },
  };
}

export function addObservation(
  window: EndpointWindow,
  observation: Observation,
  random: () => number,
  capacity = WINDOW_CAPACITY,
): void {
  window.requests += 1;
  if (!observation.ok) window.errors += 1;
  if (Number.isFinite(observation.latencyMs))
    window.latencySeen = offer(window.latencyMs, window.latencySeen, observation.latencyMs, random, capacity);
  if (observation.ok && observation.scores) {
    for (let i = 0; i < observation.scores.length; i++) {
      const score = observation.scores[i];
      if (Number.isFinite(score)) window.scoresSeen = offer(window.scores, window.scoresSeen, score, random, capacity);
    }
  }
}

/** Rows of one request whose labels came back: `labels[i]` is the truth for what it predicted as `predictions[i]`. */
export function addLabelled(
  window: EndpointWindow,
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  random: () => number,
  capacity = LABELLED_CAPACITY,
): void {
  const sample = window.labelled;
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isFinite(predictions[i])) continue;
    const slot = sample.labels.length < capacity ? sample.labels.length : Math.floor(random() * (sample.seen + 1));
    if (slot < capacity) {
      sample.labels[slot] = labels[i];
      sample.predictions[slot] = predictions[i];
    }
    sample.seen += 1;
  }
}

/** Algorithm R: value number `seen` (0-based) replaces a random slot with probability capacity / (seen + 1). */
function offer(sample: number[], seen: number, value: number, random: () => number, capacity: number): number {
  if (sample.length < capacity) sample.push(value);
  else {
    const slot = Math.floor(random() * (seen + 1));
    if (slot < capacity) sample[slot] = value;
  }
  return seen + 1;
}
