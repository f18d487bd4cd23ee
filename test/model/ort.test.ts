import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** Every path under `dir`, relative, for a readable failure message. */
function listTree(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? [`${prefix}${entry.name}/`, ...listTree(join(dir, entry.name), `${prefix}${entry.name}/`)]
      : [`${prefix}${entry.name}`],
  );
}

test("running a model through the runner leaves nothing under ~/.cache/Microsoft (telemetry is off)", () => {
  const home = mkdtempSync(join(tmpdir(), "modelkeeper-home-"));
  try {
    mkdirSync(join(home, "work"));
    const script = join(home, "work", "run.mts");
    // The child imports the runner statically, as commands do; ort.ts must still win the race.
    writeFileSync(
      script,
      `import { loadModel, predict, closeModel } from ${JSON.stringify(join(REPO, "src/model/runner.ts"))};
const before = process.env.ORT_DISABLE_TELEMETRY ?? "unset";
const handle = await loadModel(${JSON.stringify(join(REPO, "test/fixtures/models/binary-label-probabilities.onnx"))});
const table = { source: "t", rowCount: 2, columns: ["amount", "hour", "distance"].map((name) => ({ kind: "numeric", name, values: new Float64Array([1, 2]) })) };
const prediction = await predict(handle, table, ["amount", "hour", "distance"], "binary");
await closeModel(handle);
console.log(JSON.stringify({ before, after: process.env.ORT_DISABLE_TELEMETRY, rows: prediction.scores.length }));
`,
    );
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      XDG_CACHE_HOME: join(home, ".cache"),
      TMPDIR: join(home, "work"),
    };
    const child = spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: REPO,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(child.status, 0, child.stderr);
    // The variable was unset in the child's environment: only src/model/ort.ts can have set it.
    assert.deepEqual(JSON.parse(child.stdout.trim().split("\n").pop()!), { before: "1", after: "1", rows: 2 });
    assert.equal(existsSync(join(home, ".cache", "Microsoft")), false, `files written: ${listTree(home).join(", ")}`);
    assert.deepEqual(
      listTree(home).filter((path) => !path.startsWith("work/")),
      [],
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
