import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  generateTransactions,
  inferBody,
  startServe
} from "./chunk-X7B3O75X.js";
import {
  loadConfig
} from "./chunk-V4KZY5W7.js";
import {
  createGit
} from "./chunk-FGOFSWAX.js";
import {
  exportBinaryLogisticRegression,
  trainLogisticModel
} from "./chunk-UXGBGAPA.js";
import {
  readTables
} from "./chunk-WBPJ563D.js";
import "./chunk-YXYFBNYD.js";
import "./chunk-B2QWUM32.js";
import "./chunk-ET2GZXVJ.js";
import {
  UserError
} from "./chunk-G5TKV47H.js";
import "./chunk-O7XNMCZ6.js";

// demo/canary-revert.ts
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
var BRANCH = "canary/fraud-v3";
var CANARY_PERCENT = 20;
var AFTER_REVERT = 400;
var MAX_REQUESTS = 6e3;
async function runCanaryRevert(options) {
  const { repo, say } = options;
  const name = options.model ?? "fraud";
  const git = createGit(repo);
  const config = await loadConfig(join(repo, "modelkeeper.yml"), repo);
  const model = config.models.find((m) => m.name === name);
  if (!model) throw new UserError(`demo: no model ${name} in ${config.relativePath}`);
  const features = model.features ?? [];
  say(
    `[v3] A canary that is fast and error-free but predicts badly: v2's fit with its intercept off by +4, rolled out at ${CANARY_PERCENT}% by \`modelkeeper serve --canary\``
  );
  const { summary } = trainLogisticModel({
    table: await readTables(model.data.train.map((f) => join(repo, f))),
    label: model.label,
    features
  });
  const bad = exportBinaryLogisticRegression({
    featureNames: features,
    categories: summary.categories,
    inputLayout: "per-feature",
    standardization: { mean: summary.coefficients.map((c) => c.mean), scale: summary.coefficients.map((c) => c.scale) },
    weights: summary.coefficients.map((c) => c.weight),
    intercept: summary.intercept + 4,
    docString: "fraud v3: the intercept off by +4"
  });
  const before = (await git.run(["rev-parse", "--abbrev-ref", "HEAD"])).trim();
  await git.run(["checkout", "--quiet", "-B", BRANCH]);
  let commit;
  try {
    await writeFile(join(repo, model.artifact), bad);
    await git.run(["commit", "--quiet", "-m", "fraud v3: faster export", "--", model.artifact]);
    commit = (await git.run(["rev-parse", "HEAD"])).trim();
    await cli(options, ["record", "--push"], 0);
    await git.run(["push", "--quiet", "--force", "origin", BRANCH]);
  } finally {
    await git.run(["checkout", "--quiet", before]);
  }
  say(`      committed v3 on ${BRANCH} (${commit.slice(0, 12)}), recorded, pushed`);
  const argv = [
    "serve",
    "--model",
    name,
    "--port",
    "0",
    "--poll-seconds",
    "0",
    "--canary",
    commit,
    "--canary-percent",
    String(CANARY_PERCENT),
    "--json"
  ];
  say(`      $ modelkeeper ${argv.join(" ")} &`);
  const server = await startServe(repo, options.env, argv, "serve --canary");
  const { url } = server;
  try {
    for (const line2 of server.stderr().trim().split("\n")) say(`      ${line2}`);
    const revertLine = () => server.stderr().split("\n").find((l) => / reverted after /.test(l));
    const traffic = generateTransactions({ rows: 2e3, seed: 106, scenario: "baseline" });
    const infer = `${url}/v2/models/${encodeURIComponent(name)}/infer`;
    const ask = async (row, id) => {
      const response = await fetch(infer, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(inferBody(traffic, features, row % traffic.rowCount, 1, id))
      });
      const body = await response.json();
      if (response.status !== 200)
        throw new UserError(`demo: request ${id} was answered ${response.status}: ${JSON.stringify(body)}`);
      return body.model_version ?? "?";
    };
    const versions = [];
    let next = 0;
    const client = async () => {
      while (!revertLine() && next < MAX_REQUESTS) {
        const i = next++;
        versions[i] = await ask(i, `v3-${i}`);
      }
    };
    await Promise.all(Array.from({ length: 4 }, client));
    const line = revertLine();
    if (!line)
      throw new UserError(`demo: the bad canary was not reverted after ${MAX_REQUESTS} requests:
${server.stderr()}`);
    const stableVersion = (/back to stable (\S+)\./.exec(line) ?? [])[1] ?? "v2";
    const answered = versions.filter(Boolean);
    const beforeRevert = { requests: answered.length, byCanary: answered.filter((v) => v !== stableVersion).length };
    say(
      `      sent ${beforeRevert.requests} one-row requests (4 clients); ${beforeRevert.byCanary} were answered by the canary (${answered.find((v) => v !== stableVersion) ?? "?"}), the rest by ${stableVersion}; then the server, on its own:`
    );
    say(`      ${line}`);
    const afterRevert = {};
    for (let i = 0; i < AFTER_REVERT; i++) {
      const version = await ask(i, `after-${i}`);
      afterRevert[version] = (afterRevert[version] ?? 0) + 1;
    }
    say(
      `      the next ${AFTER_REVERT} requests: ${Object.entries(afterRevert).map(([v, n]) => `${n} answered by ${v}`).join(", ")}`
    );
    const verdict = await (await fetch(`${url}/v2/models/${encodeURIComponent(name)}/rollout`)).json();
    const gate = await fetch(`${url}/v2/models/${encodeURIComponent(name)}/rollout/gate`);
    await gate.arrayBuffer();
    say(
      `      $ curl ${url}/v2/models/${name}/rollout   # state ${verdict.state}, verdict ${verdict.verdict}, at ${verdict.percent}%; /rollout/gate answers ${gate.status}`
    );
    for (const e of verdict.evidence) say(`        ${e.breached ? "BREACH" : "ok    "} ${e.detail}`);
    await server.stop();
    const rolloutStatus = await cli(options, ["rollout", "status", "--model", name], 0);
    return { commit, beforeRevert, afterRevert, verdict, revertLine: line, rolloutStatus };
  } finally {
    server.kill();
  }
}
async function cli(options, argv, expect) {
  options.say(`      $ modelkeeper ${argv.join(" ")}`);
  let stdout = "";
  let stderr = "";
  const code = await options.runCli(
    argv,
    { stdout: (t) => stdout += t, stderr: (t) => stderr += t },
    options.env,
    options.repo
  );
  if (stdout.trim())
    options.say(
      stdout.trimEnd().split("\n").map((l) => `      ${l}`).join("\n")
    );
  if (code !== expect)
    throw new UserError(`demo: modelkeeper ${argv.join(" ")} exited ${code}, expected ${expect}:
${stderr}${stdout}`);
  return stdout;
}
export {
  runCanaryRevert
};
