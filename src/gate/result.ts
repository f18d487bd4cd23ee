import type { GuardrailResult, Verdict, VerdictDecision, Direction } from "./verdict.ts";
import type { HoldoutReason, Warning } from "./reasons.ts";

/** What evaluate found for one model: everything the reports render and the note records. */
export interface ModelEvaluation {
  model: string;
  task: "binary" | "multiclass" | "regression";
  metric: string;
  direction: Direction;
  /**
   * compared: champion vs challenger; first-model: no champion, absolute floors only;
   * unchanged: the challenger is the champion's artifact; error: nothing could be decided.
   */
  kind: "compared" | "first-model" | "unchanged" | "error";
  /** Undefined when kind is error or unchanged: a verdict is never claimed without computing it. */
  verdict?: Verdict;
  /** Structured; report/reason-text.ts renders them (the JSON carries both, see report/evaluate-json.ts). */
  reasons: HoldoutReason[];
  warnings: Warning[];
  /** Why nothing could be decided (kind error); a result with a verdict has none. */
  errors: string[];
  champion?: ArtifactInfo;
  challenger: ArtifactInfo;
  holdouts: HoldoutEvaluation[];
  seed: number;
  resamples: number;
  confidence: number;
  minImprovement: number;
  /** Said at the top of the report: the PR changed the held-out set, and the like. */
  notices?: Warning[];
  /** Tags named like a champion that were not trusted, and why (never used as the champion). */
  ignoredChampionTags?: Array<{ tag: string; reason: string }>;
  /** What the verdict was computed from, so a note line is self-describing. */
  inputs?: { configSha256: string; holdoutSha256: string };
}

interface ArtifactInfo {
  label: string;
  sha256: string;
  bytes: number;
  commit?: string;
}

export interface MetricRow {
  name: string;
  direction: Direction;
  champion?: number;
  challenger: number;
  delta?: number;
  undefinedReason?: string;
}

interface PairedInterval {
  metric: string;
  delta: number;
  ciLow: number;
  ciHigh: number;
  method: string;
  resamples: number;
  seed: number;
  confidence: number;
  standardError: number;
  /** The smallest difference this held-out set could detect (power 0.8). */
  detectable: number;
}

export interface SliceRow {
  column: string;
  value: string;
  rows: number;
  champion?: number;
  challenger?: number;
  delta?: number;
  gated: boolean;
  status: "pass" | "fail" | "not-gated";
}

export interface HoldoutEvaluation {
  /** "holdout", or "base holdout" / "PR holdout" when the PR changed the held-out set. */
  name: string;
  files: Record<string, string>;
  rows: number;
  positives?: number;
  metrics: MetricRow[];
  paired?: PairedInterval;
  delong?: {
    aucChampion: number;
    aucChallenger: number;
    delta: number;
    z: number;
    pValue: number;
    ciLow: number;
    ciHigh: number;
  };
  mcnemar?: { championOnlyCorrect: number; challengerOnlyCorrect: number; pExact: number; pMidP: number };
  guardrails: GuardrailResult[];
  slices: SliceRow[];
  confusion?: { labels: string[]; champion?: number[][]; challenger: number[][] };
  decision?: VerdictDecision;
}

/**
 * The verdict over the held-out sets: reject if any set rejects. With one set, its verdict.
 * When a PR changed the held-out set ([base set, PR set]) the base's set is the yardstick: promote
 * only when the base's set promotes (and the PR's does not reject); otherwise inconclusive.
 * Both are in the report. Pure.
 */
export function combineVerdicts(verdicts: Verdict[]): Verdict {
  if (verdicts.includes("reject")) return "reject";
  if (verdicts.length === 0) return "inconclusive";
  return verdicts[0] === "promote" ? "promote" : "inconclusive";
}
