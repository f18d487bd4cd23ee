// A fraud repository with a promoted v1 and canary commits made as a user makes them (artifact
// committed, `modelkeeper record`), the canary models (real ONNX files from the exporter), and
// traffic: one transaction per OIP v2 request, with request ids, several in flight.
import { spawn, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import {
  generateTransactions,
  FRAUD_LABEL,
  TRANSACTION_FEATURES,
  CATEGORICAL_TRANSACTION_FEATURES,
} from "../../src/demo/transactions.ts";
import { trainLogisticModel } from "../../src/trainer/index.ts";
import { exportBinaryLogisticRegression } from "../../src/model/export/logistic-regression.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import type { Table } from "../../src/data/table.ts";
import { fraudRepo } from "../support/fraud-repo.ts";
import type { TestRepo } from "../support/git-repo.ts";
import { tagChampion } from "../serve/support.ts";
import { loadConfig } from "../../src/config/load.ts";
import { startServe, type RunningServer, type ServeOptions } from "../../src/serve/serve-app.ts";
import { DEFAULT_SETTINGS, type ServeSettings } from "../../src/serve/settings.ts";
import { rolloutPlan, type RolloutFlags } from "../../src/rollout/plan.ts";

const TRAIN_ROWS = 3000;

/** The repository of test/support/fraud-repo.ts (trained on 3,000 rows, seed 1), its model promoted as v1. */
export async function promotedRepo(): Promise<TestRepo> {
  const repo = await fraudRepo({ trainRows: TRAIN_ROWS });
  await tagChampion(repo, "fraud", 1, "models/fraud.onnx");
  await repo.git.run(["push", "--quiet", "origin", "main", "--tags"]);
  return repo;
}

function train(description?: string) {
  const table = generateTransactions({ rows: TRAIN_ROWS, seed: 1, scenario: "baseline" });
  return trainLogisticModel({
    table,
    label: FRAUD_LABEL,
    features: [...TRANSACTION_FEATURES],
    categorical: [...CATEGORICAL_TRANSACTION_FEATURES],
    l2: 1,
    ...(description ? { description } : {}),
  });
}

/** v1's weights fitted again, with another doc_string: the same behaviour in other bytes. */
export function sameWeightsOtherBytes(): Uint8Array {
  return train("the same fit, rebuilt").model;
}

/** Fast, error-free, and P(fraud) ≈ 0.9997 for every transaction: v1's inputs, zero weights, intercept 8. */
export function positiveForEveryone(): Uint8Array {
  const { summary } = train();
  return exportBinaryLogisticRegression({
    featureNames: [...TRANSACTION_FEATURES],
    categories: summary.categories,
    inputLayout: "per-feature",
    standardization: { mean: summary.coefficients.map((c) => c.mean), scale: summary.coefficients.map((c) => c.scale) },
    weights: summary.coefficients.map(() => 0),
    intercept: 8,
    docString: "predicts fraud for everyone",
  });
}

/**
 * v1's weights negated, its intercept lowered by 0.5 so its scores have nearly v1's distribution
 * (KS distance about 0.07 on the seed-7 traffic, under prediction_ks 0.1): the prediction mix looks
 * like stable's, but it ranks the frauds last (AUC about 0.1 where v1 has about 0.9).
 */
export function rankedBackwards(): Uint8Array {
  const { summary } = train();
  return exportBinaryLogisticRegression({
    featureNames: [...TRANSACTION_FEATURES],
    categories: summary.categories,
    inputLayout: "per-feature",
    standardization: { mean: summary.coefficients.map((c) => c.mean), scale: summary.coefficients.map((c) => c.scale) },
    weights: summary.coefficients.map((c) => -c.weight),
    intercept: summary.intercept - 0.5,
    docString: "ranks the frauds backwards",
  });
}

/** The truth of each request `${prefix}${i}` as POST /v2/models/{model}/labels takes it (the row's is_fraud). */
export function labelsFor(
  table: Table,
  prefix: string,
  from: number,
  to: number,
): Array<{ id: string; label: number }> {
  const column = table.columns.find((c) => c.name === FRAUD_LABEL)!;
  const value = (row: number) =>
    column.kind === "numeric" ? column.values[row] : Number(column.categories[column.codes[row]]);
  return Array.from({ length: to - from }, (_, k) => ({
    id: `${prefix}${from + k}`,
    label: value((from + k) % table.rowCount),
  }));
}

export async function postLabels(url: string, model: string, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${url}/v2/models/${model}/labels`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** Commits `bytes` as the artifact on a branch off main, records it, and returns to main: the commit a canary PR builds. */
export async function commitCanary(
  repo: TestRepo,
  bytes: Uint8Array,
  branch: string,
  options: { record?: boolean } = {},
): Promise<string> {
  await repo.git.run(["checkout", "--quiet", "-b", branch, "main"]);
  await writeFile(join(repo.dir, "models/fraud.onnx"), bytes);
  const commit = await repo.commit(`canary ${branch}`);
  if (options.record !== false) {
    let out = "";
    const code = await runCli(
      ["record"],
      { stdout: (t) => (out += t), stderr: (t) => (out += t) },
      { ...process.env, GITHUB_TOKEN: "", GITHUB_EVENT_NAME: "", GITHUB_EVENT_PATH: "", GITHUB_ACTIONS: "" },
      repo.dir,
    );
    if (code !== 0) throw new Error(`record exited ${code}: ${out}`);
  }
  await repo.git.run(["checkout", "--quiet", "main"]);
  return commit;
}

/** Row `i` of a stream of baseline transactions (seed 7), as one OIP v2 request with one tensor per feature. */
function requestBody(table: Table, i: number, id: string): string {
  const row = i % table.rowCount;
  const inputs = TRANSACTION_FEATURES.map((name) => {
    const column = table.columns.find((c) => c.name === name)!;
    if (column.kind === "numeric") return { name, shape: [1], datatype: "FP64", data: [column.values[row]] };
    return { name, shape: [1], datatype: "BYTES", data: [column.categories[column.codes[row]]] };
  });
  return JSON.stringify({ id, inputs });
}

export function trafficRows(rows = 2000): Table {
  return generateTransactions({ rows, seed: 7, scenario: "baseline" });
}

export interface Answer {
  id: string;
  status: number;
  version?: string;
}

/**
 * Sends requests `first`, `first + 1`, … with `concurrency` in flight until `stop()` says so (checked
 * after each answer) or `max` were sent; ids are `${prefix}${i}`. Returns the answers in the order
 * they were sent.
 */
export async function sendTraffic(
  url: string,
  model: string,
  table: Table,
  options: {
    prefix: string;
    max: number;
    concurrency?: number;
    first?: number;
    stop?: (answers: Answer[]) => boolean | Promise<boolean>;
  },
): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = options.first ?? 0;
  const end = next + options.max;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < end) {
      const i = next++;
      const id = `${options.prefix}${i}`;
      const response = await fetch(`${url}/v2/models/${model}/infer`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: requestBody(table, i, id),
      });
      const json = (await response.json()) as { model_version?: string };
      answers[i - (options.first ?? 0)] = {
        id,
        status: response.status,
        ...(json.model_version ? { version: json.model_version } : {}),
      };
      if (options.stop && (await options.stop(answers))) stopped = true;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return answers.filter(Boolean);
}

/** serve with a rollout, in-process, as the serve command starts it (flags through rolloutPlan). */
export async function serveWithRollout(
  repo: TestRepo,
  flags: RolloutFlags,
  settings: Partial<ServeSettings> = {},
  extra: Partial<ServeOptions> = {},
): Promise<RunningServer & { lines: string[] }> {
  const config = await loadConfig(join(repo.dir, "modelkeeper.yml"), repo.dir);
  const model = config.models.find((m) => m.name === "fraud")!;
  const lines: string[] = [];
  const plan = rolloutPlan(model.rollout, flags);
  const server = await startServe({
    git: repo.git,
    config,
    model,
    settings: {
      ...DEFAULT_SETTINGS,
      port: 0,
      pollMs: 0,
      ...settings,
      log: { ...DEFAULT_SETTINGS.log, ...settings.log },
    },
    ...(plan ? { rollout: plan } : {}),
    cwd: repo.dir,
    env: { ...process.env, GITHUB_TOKEN: "" },
    log: (line) => lines.push(line),
    warn: (line) => lines.push(line),
    ...extra,
  });
  return Object.assign(server, { lines });
}

const BIN = fileURLToPath(new URL("../../bin/modelkeeper.js", import.meta.url));

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `modelkeeper serve --canary <canary> --canary-percent 20` (or other rollout flags) as its own process (from the sources), once it is ready. */
export async function serveProcess(
  repo: TestRepo,
  canary: string | string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ServeProcess> {
  const rollout = typeof canary === "string" ? ["--canary", canary, "--canary-percent", "20"] : canary;
  const child = spawn(
    process.execPath,
    [BIN, "serve", "--model", "fraud", "--port", "0", "--poll-seconds", "0", ...rollout],
    {
      cwd: repo.dir,
      env: {
        ...process.env,
        MODELKEEPER_FROM_SOURCE: "1",
        GITHUB_TOKEN: "",
        GITHUB_EVENT_NAME: "",
        GITHUB_EVENT_PATH: "",
        GITHUB_ACTIONS: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on("data", (chunk) => {
      stderr += chunk;
      const match = /ready on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]);
    });
    child.once("exit", () => reject(new Error(`serve exited before it was ready:\n${stderr}`)));
  });
  return { child, url, stderr: () => stderr, exited };
}

export async function killed(served: ServeProcess): Promise<void> {
  served.child.kill("SIGKILL");
  await served.exited;
}

export const rolloutOf = async (url: string) => (await (await fetch(`${url}/v2/models/fraud/rollout`)).json()) as any;
