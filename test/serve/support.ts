import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fraudRepo } from "../support/fraud-repo.ts";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { loadConfig } from "../../src/config/load.ts";
import { startServe, type RunningServer } from "../../src/serve/serve-app.ts";
import { DEFAULT_SETTINGS, type ServeSettings } from "../../src/serve/settings.ts";

export const FIXTURES = new URL("../fixtures/models/", import.meta.url);

/** Tags HEAD as modelkeeper's promote does: annotated, its message carrying promote's claim on the artifact. */
export async function tagChampion(repo: TestRepo, model: string, version: number, artifact: string): Promise<void> {
  const tag = `modelkeeper/${model}/v${version}`;
  const sha256 = createHash("sha256")
    .update(await readFile(join(repo.dir, artifact)))
    .digest("hex");
  const claim = JSON.stringify({ event: "promote", model, version, tag, artifact: { path: artifact, sha256 } });
  await repo.git.run(["tag", "-a", "-m", `modelkeeper: ${model} v${version}\n\n${claim}`, tag]);
}

/** The fixture logistic regression (matrix input "input" [N, 3]: amount, hour, distance), promoted as v1. */
export async function matrixModelRepo(): Promise<TestRepo> {
  const repo = await createTestRepo({
    "modelkeeper.yml": [
      "models:",
      "  risk:",
      "    task: binary",
      "    artifact: models/risk.onnx",
      "    label: y",
      "    features: [amount, hour, distance]",
      "    data:",
      "      train: data/train.csv",
      "      holdout: data/train.csv",
      "",
    ].join("\n"),
    "data/train.csv": "amount,hour,distance,y\n1,2,3,0\n",
    "models/risk.onnx": await readFile(new URL("binary-probabilities.onnx", FIXTURES)),
  });
  await repo.commit("risk v1");
  await tagChampion(repo, "risk", 1, "models/risk.onnx");
  return repo;
}

export async function promotedFraudRepo(): Promise<TestRepo> {
  const repo = await fraudRepo({ trainRows: 3000 });
  await tagChampion(repo, "fraud", 1, "models/fraud.onnx");
  return repo;
}

export async function serveRepo(
  repo: TestRepo,
  model: string,
  settings: Partial<ServeSettings> = {},
  champion?: string,
): Promise<RunningServer & { warnings: string[] }> {
  const config = await loadConfig(join(repo.dir, "modelkeeper.yml"), repo.dir);
  const warnings: string[] = [];
  const server = await startServe({
    git: repo.git,
    config,
    model: config.models.find((m) => m.name === model)!,
    settings: {
      ...DEFAULT_SETTINGS,
      port: 0,
      pollMs: 0,
      ...settings,
      log: { ...DEFAULT_SETTINGS.log, ...settings.log },
    },
    ...(champion ? { champion } : {}),
    cwd: repo.dir,
    env: process.env,
    log: () => {},
    warn: (line) => warnings.push(line),
  });
  return Object.assign(server, { warnings });
}

export async function post(url: string, body: unknown): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

/** P(class 1) of the fixture logistic regression, computed here from its parameters (params.json). */
export async function fixtureProbability(row: number[]): Promise<number> {
  const params = JSON.parse(await readFile(new URL("params.json", FIXTURES), "utf8")).binary;
  let z = params.intercept;
  row.forEach(
    (x, i) => (z += (params.weights[i] * (x - params.standardization.mean[i])) / params.standardization.scale[i]),
  );
  return 1 / (1 + Math.exp(-z));
}
