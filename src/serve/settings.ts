import { resolve } from "node:path";
/**
 * The server's settings: every limit with a safe default, from the `serve:` section of
 * modelkeeper.yml, overridden by command-line flags. One typed object, read in one place
 * (commands/serve.ts); the server never reads flags or config itself.
 */
import { UserError } from "../errors.ts";
import { DEFAULT_MAX_VALUES } from "../stats/drift/window-profile.ts";

export interface ServeSettings {
  host: string;
  port: number;
  /** Largest request body in bytes; larger ones get 413 before they are parsed. */
  maxBodyBytes: number;
  /** Most rows in one infer request; more get 413. */
  maxRows: number;
  /** Budget for one request from arrival to answer: 503 if it is still queued then, 504 if the model is still running. */
  timeoutMs: number;
  /** Model runs at once; onnxruntime runs each on its own thread. */
  concurrency: number;
  /** Requests waiting for a run slot; one more gets 429 with Retry-After. */
  maxQueue: number;
  /** Seconds a client is told to wait after a 429. */
  retryAfterSeconds: number;
  /** After SIGTERM, how long in-flight requests may take before the process exits anyway. */
  gracePeriodMs: number;
  /** How often to look for a new champion tag; 0 = only on SIGHUP. */
  pollMs: number;
  log: LogSettings;
  /** Window profiles beside the log (serve.profile); undefined = none. */
  profile?: ProfileSettings;
  labels: LabelSettings;
}

export interface ProfileSettings {
  /** Length of a window; windows start at multiples of it since the epoch, so replicas' line up. */
  windowMs: number;
  /** How often the open window's profile is rewritten. */
  writeMs: number;
  /** Distinct values per column counted exactly (window-profile.ts). */
  maxValues: number;
}

/** POST /v2/models/{model}/labels: labels that come back, for the rollout's live-quality signal. */
interface LabelSettings {
  /** Most labels in one body; more get 413. */
  maxPerRequest: number;
  /** Requests remembered (id, step, predictions) for labels to join; the oldest is forgotten first. */
  rememberedRequests: number;
}

export interface LogSettings {
  /** Folder of the prediction log; undefined = no log. */
  dir?: string;
  /** Start a new file when the current one reaches this size. */
  maxFileBytes: number;
  /** ... or when it is this old. */
  maxFileAgeMs: number;
  /** Fraction of rows logged (1 = every row), drawn per row. */
  sampleRate: number;
  /** Rows waiting to be written; rows beyond it are dropped and counted, never block a request. */
  queueRows: number;
}

export const DEFAULT_SETTINGS: ServeSettings = {
  host: "127.0.0.1",
  port: 8080,
  maxBodyBytes: 8 * 1024 * 1024,
  maxRows: 10_000,
  timeoutMs: 5_000,
  concurrency: 2,
  maxQueue: 64,
  retryAfterSeconds: 1,
  gracePeriodMs: 30_000,
  pollMs: 30_000,
  log: { maxFileBytes: 64 * 1024 * 1024, maxFileAgeMs: 3_600_000, sampleRate: 1, queueRows: 50_000 },
  labels: { maxPerRequest: 10_000, rememberedRequests: 100_000 },
};

/** The `serve:` section of modelkeeper.yml, as the schema validated it (snake_case, seconds). */
export interface ServeConfig {
  host?: string;
  port?: number;
  max_body_mb?: number;
  max_rows?: number;
  timeout_ms?: number;
  concurrency?: number;
  max_queue?: number;
  retry_after_seconds?: number;
  grace_seconds?: number;
  poll_seconds?: number;
  log?: { dir?: string; max_file_mb?: number; max_file_minutes?: number; sample_rate?: number; queue_rows?: number };
  profile?: { window_minutes?: number; write_seconds?: number; max_values?: number };
  labels?: { max_per_request?: number; remembered_requests?: number };
}

/** Flags as the CLI parsed them (strings); each overrides its config key. */
export type ServeFlags = Partial<
  Record<
    | "host"
    | "port"
    | "log"
    | "max-body-mb"
    | "max-rows"
    | "timeout-ms"
    | "concurrency"
    | "max-queue"
    | "grace-seconds"
    | "poll-seconds"
    | "log-sample-rate",
    string
  >
>;

/**
 * `bases` anchors a relative log folder: `--log` to the folder the command runs in, `serve.log.dir`
 * to the folder of the config file that names it (so both mean what a reader of each expects).
 */
export function resolveSettings(
  config: ServeConfig | undefined,
  flags: ServeFlags,
  bases: { cwd: string; configDir: string },
): ServeSettings {
  const c = config ?? {};
  const d = DEFAULT_SETTINGS;
  const num = (
    flag: keyof ServeFlags,
    configured: number | undefined,
    fallback: number,
    check: (n: number) => boolean,
    expected: string,
  ): number => {
    const text = flags[flag];
    if (text === undefined) return configured ?? fallback;
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value) || !check(value))
      throw new UserError(`--${flag} ${text}: expected ${expected}.`);
    return value;
  };
  const positiveInt = (n: number) => Number.isInteger(n) && n > 0;
  const nonNegative = (n: number) => n >= 0;
  const port = num(
    "port",
    c.port,
    d.port,
    (n) => Number.isInteger(n) && n >= 0 && n <= 65535,
    "a port number 0-65535 (0 picks a free one)",
  );
  const logDir =
    flags.log !== undefined
      ? resolve(bases.cwd, flags.log)
      : c.log?.dir !== undefined
        ? resolve(bases.configDir, c.log.dir)
        : undefined;
  if (c.profile && logDir === undefined)
    throw new UserError(
      "serve.profile: profiles are written beside the prediction log; set serve.log.dir (or pass --log DIR).",
      { key: "serve.profile" },
    );
  return {
    host: flags.host ?? c.host ?? d.host,
    port,
    maxBodyBytes: Math.round(
      num("max-body-mb", c.max_body_mb, d.maxBodyBytes / 2 ** 20, (n) => n > 0, "a positive number of MiB") * 2 ** 20,
    ),
    maxRows: num("max-rows", c.max_rows, d.maxRows, positiveInt, "a positive whole number of rows"),
    timeoutMs: num("timeout-ms", c.timeout_ms, d.timeoutMs, positiveInt, "a positive whole number of milliseconds"),
    concurrency: num("concurrency", c.concurrency, d.concurrency, positiveInt, "a positive whole number"),
    maxQueue: num("max-queue", c.max_queue, d.maxQueue, (n) => Number.isInteger(n) && n >= 0, "a whole number >= 0"),
    retryAfterSeconds: c.retry_after_seconds ?? d.retryAfterSeconds,
    gracePeriodMs: num("grace-seconds", c.grace_seconds, d.gracePeriodMs / 1000, nonNegative, "seconds >= 0") * 1000,
    pollMs:
      num("poll-seconds", c.poll_seconds, d.pollMs / 1000, nonNegative, "seconds >= 0 (0: only on SIGHUP)") * 1000,
    log: {
      dir: logDir,
      maxFileBytes: Math.round((c.log?.max_file_mb ?? d.log.maxFileBytes / 2 ** 20) * 2 ** 20),
      maxFileAgeMs: (c.log?.max_file_minutes ?? d.log.maxFileAgeMs / 60_000) * 60_000,
      sampleRate: num(
        "log-sample-rate",
        c.log?.sample_rate,
        d.log.sampleRate,
        (n) => n >= 0 && n <= 1,
        "a fraction between 0 and 1",
      ),
      queueRows: c.log?.queue_rows ?? d.log.queueRows,
    },
    ...(c.profile
      ? {
          profile: {
            windowMs: (c.profile.window_minutes ?? 60) * 60_000,
            writeMs: (c.profile.write_seconds ?? 60) * 1000,
            maxValues: c.profile.max_values ?? DEFAULT_MAX_VALUES,
          },
        }
      : {}),
    labels: {
      maxPerRequest: c.labels?.max_per_request ?? d.labels.maxPerRequest,
      rememberedRequests: c.labels?.remembered_requests ?? d.labels.rememberedRequests,
    },
  };
}
