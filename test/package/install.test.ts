// The package a user installs (issue 13 items 1 and 3): `npm pack` of this checkout, installed into
// an empty folder exactly as the README says (`npm install --save-dev modelkeeper`, here the
// tarball), with no flag and no .npmrc; then `npx modelkeeper demo` and an evaluation there, the
// evaluation on a simulated linux-arm64 runner. HOME is an empty folder (no user .npmrc, an empty
// npm cache) and the registry a closed local port, so any download at install would fail the test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const simulatePlatform = fileURLToPath(new URL("./support/simulate-platform.mjs", import.meta.url));

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment of a fresh machine: this process's, minus npm's own variables (npm test sets them). */
function cleanEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^npm_/i.test(key) && key !== "NODE_OPTIONS" && key !== "MODELKEEPER_ORT") env[key] = value;
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    npm_config_registry: "http://127.0.0.1:9/",
    npm_config_fund: "false",
    npm_config_audit: "false",
    npm_config_update_notifier: "false",
  };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const metrics = (evaluation: any) =>
  evaluation.models.flatMap((m: any) =>
    m.holdouts.flatMap((h: any) =>
      h.metrics.map((x: any) => ({ name: `${h.name}/${x.name}`, challenger: x.challenger, champion: x.champion })),
    ),
  );

test(
  "npm install of the packed tarball works offline with no flag; npx modelkeeper demo and evaluate (simulated linux-arm64) run there",
  { timeout: 180_000 },
  async () => {
    const root = await mkdtemp(join(tmpdir(), "modelkeeper-package-"));
    try {
      const home = join(root, "home");
      const app = join(root, "app");
      await run("mkdir", ["-p", home, app], root, process.env);
      const env = cleanEnv(home);

      const packed = await run("npm", ["pack", "--json", "--pack-destination", root], projectRoot, env);
      assert.equal(packed.code, 0, packed.stderr);
      const [manifest] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
      const shipped = manifest.files.map((f) => f.path);
      // Compiled JavaScript only: no TypeScript sources, no tests, no bot.
      assert.deepEqual(
        shipped.filter((p) => /\.ts$|^(src|test|bot)\//.test(p)),
        [],
      );
      assert.ok(
        shipped.includes("dist/cli.js") &&
          shipped.includes("dist/index.js") &&
          shipped.includes("dist/licenses.txt") &&
          shipped.includes("LICENSE"),
        shipped.join(" "),
      );
      const packageJson = JSON.parse(await readFile(join(projectRoot, "package.json"), "utf8"));
      assert.deepEqual(
        Object.keys(packageJson.dependencies ?? {}),
        [],
        "everything the shipped code imports is bundled",
      );
      // Not even an optional peer: npm would look its metadata up at every install (a minute of retries offline).
      assert.deepEqual(
        Object.keys({ ...packageJson.peerDependencies, ...packageJson.optionalDependencies }),
        [],
        "the native runtime is the user's opt-in",
      );

      await writeFile(
        join(app, "package.json"),
        JSON.stringify({ name: "app", version: "1.0.0", private: true }) + "\n",
      );
      const installed = await run("npm", ["install", "--save-dev", join(root, manifest.filename)], app, env);
      assert.equal(installed.code, 0, installed.stderr);
      assert.deepEqual(
        (await readdir(join(app, "node_modules"))).filter((n) => !n.startsWith(".")),
        ["modelkeeper"],
      );
      const bytes = await folderBytes(join(app, "node_modules"));
      assert.ok(bytes <= 150e6, `node_modules is ${(bytes / 1e6).toFixed(1)} MB`);

      const demoDir = join(root, "demo");
      const demo = await run("npx", ["modelkeeper", "demo", "--dir", demoDir], app, env);
      assert.equal(demo.code, 0, demo.stderr + demo.stdout);
      assert.match(demo.stdout, /Demo finished in .*drift → retrain → promote/);
      assert.match(demo.stderr + demo.stdout, /promoted to modelkeeper\/fraud\/v2/);

      // v1 against v2 on the demo's held-out data, once on a simulated arm64 runner with the shipped
      // WebAssembly runtime, once here from the checkout (the native runtime): the same metrics. Both
      // compute in float32 with different kernels, so a near-tie may order differently: one flipped
      // pair moves the AUC by 1/(129 x 3871) = 2e-6, hence 1e-5.
      const repo = join(demoDir, "fraud-model");
      await writeFile(
        join(root, "v1.onnx"),
        execFileSync("git", ["show", "modelkeeper/fraud/v1:models/fraud.onnx"], { cwd: repo }),
      );
      const args = [
        "evaluate",
        "--champion",
        join(root, "v1.onnx"),
        "--challenger",
        "models/fraud.onnx",
        "--no-comment",
        "--json",
      ];
      const arm64 = await run(join(app, "node_modules", ".bin", "modelkeeper"), args, repo, {
        ...env,
        NODE_OPTIONS: `--import ${simulatePlatform}`,
        MODELKEEPER_SIMULATE_PLATFORM: "linux-arm64",
      });
      assert.equal(arm64.code, 0, arm64.stderr);
      const checkout = await run(process.execPath, [join(projectRoot, "bin/modelkeeper.js"), ...args], repo, env);
      assert.equal(checkout.code, 0, checkout.stderr);
      const wasm = metrics(JSON.parse(arm64.stdout));
      const native = metrics(JSON.parse(checkout.stdout));
      assert.ok(wasm.length >= 8);
      assert.deepEqual(
        wasm.map((m: any) => m.name),
        native.map((m: any) => m.name),
      );
      for (const [i, m] of wasm.entries()) {
        for (const side of ["challenger", "champion"] as const) {
          assert.ok(
            Math.abs(m[side] - native[i][side]) <= 1e-5,
            `${m.name} ${side}: ${m[side]} (wasm) vs ${native[i][side]} (native)`,
          );
        }
      }
      assert.equal(JSON.parse(arm64.stdout).verdict, "promote");
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
);
