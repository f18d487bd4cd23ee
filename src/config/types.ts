/** The validated, defaults-filled shape of modelkeeper.yml (see schema/modelkeeper.schema.json). */

export type Task = "binary" | "multiclass" | "regression";

export interface EvaluateConfig {
  metric?: string;
  min_improvement: number;
  confidence: number;
  resamples: number;
  seed: number;
  threshold: number;
  min_value: Record<string, number>;
  guardrails: {
    /** Limit on the median challenger/champion latency ratio (see gate/latency.ts). */
    latency_median_ratio: number;
    /** Deprecated alias of latency_median_ratio. */
    latency_p95_ratio?: number;
    max_size_mb?: number;
    max_size_ratio?: number;
    ece_margin: number;
    brier_margin: number;
    metrics: Record<string, number>;
  };
  slices: string[];
  min_slice_size: number;
  slice_margin: number;
}

interface DriftConfig {
  reference?: string[];
  features?: string[];
  types: Record<string, "numeric" | "categorical">;
  alpha: number;
  profile: boolean;
  thresholds: Record<string, number>;
  /** Who reads the current window (src/monitor/drift-engine.ts). */
  engine: "auto" | "js" | "duckdb";
}

/** How serve rolls a new version out (see src/rollout/). */
export interface RolloutConfig {
  steps: Array<"shadow" | number>;
  min_requests: number;
  min_minutes: number;
  alpha: number;
  error_rate_margin: number;
  latency_median_ratio: number;
  prediction_ks: number;
  /** Live quality (labels that came back): how much worse the canary may be, beyond doubt (see rollout/live-quality-signal.ts). */
  quality_margin: number;
}

export interface ModelConfig {
  name: string;
  task: Task;
  artifact: string;
  train?: string;
  label: string;
  /** The label value of each probability column, as text ("1" for the number 1). */
  classes?: string[];
  /** Binary: the label value of the positive class, as text. */
  positive?: string;
  features?: string[];
  data: { train: string[]; holdout: string[] };
  code: string[];
  config: string[];
  evaluate: EvaluateConfig;
  drift: DriftConfig;
  rollout: RolloutConfig;
  reproduce: { tolerance: number; timeout_minutes: number };
}

export interface Config {
  /** The `serve:` section: the server's limits and log (src/serve/settings.ts reads it). */
  serve?: import("../serve/settings.ts").ServeConfig;
  /** Absolute path of the file the config was read from. */
  path: string;
  /** Repository-relative path of the config file (it is hashed with each model's config). */
  relativePath: string;
  models: ModelConfig[];
}
