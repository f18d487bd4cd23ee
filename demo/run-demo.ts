import { mkdtemp, mkdir, readFile, writeFile, symlink, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { createExampleRepo } from "./example-repo.ts";
import { packageRoot } from "./package-root.ts";
import { generateTransactions, toCsv, FRAUD_LABEL, TRANSACTION_FEATURES } from "../src/demo/transactions.ts";
import { startLoopbackGitHub } from "./loopback-github.ts";
import type { DemoOptions, DemoResult } from "../src/commands/command.ts";
import { createGit } from "../src/git/git.ts";
import { runShellCommand } from "../src/provenance/run-command.ts";
import { serveTraffic } from "./serve-traffic.ts";
import type { Table } from "../src/data/table.ts";
import { UserError } from "../src/errors.ts";

const projectRoot = packageRoot();
const EXAMPLE_FILES = ["modelkeeper.yml", "params.yaml", "train.mjs", "README.md"];
// examples/fraud/.gitignore's content: npm never packs a file named .gitignore.
const EXAMPLE_GITIGNORE = "node_modules/\n";

/**
 * The whole loop on the built-in fraud example, offline and deterministic. Every step runs the
 * real command as a user would type it, against a real git repository with a bare origin and a
 * loopback GitHub (the stand-in the tests use) where the retrain bot runs in-process.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { runCli } = options;
  const started = Date.now();
  const dir = options.dir ? resolve(options.dir) : await mkdtemp(join(tmpdir(), "modelkeeper-demo-"));
  await mkdir(dir, { recursive: true });
  const reports = join(dir, "reports");
  const logs = join(dir, "production-logs");
  await mkdir(reports, { recursive: true });
  await mkdir(logs, { recursive: true });
  const steps: DemoResult["steps"] = [];
  const say = (line: string) => options.log(line);
  const indent = (text: string) =>
    text
      .split("\n")
      .map((l) => `      ${l}`)
      .join("\n");

  // 1. The example repository, as examples/fraud/ keeps it, with data from the built-in generator.
  say(`[1/7] Creating the example repository (card transactions, label is_fraud) with a bare origin in ${dir}`);
  const files: Record<string, string> = {};
  for (const name of EXAMPLE_FILES) files[name] = await readFile(join(projectRoot, "examples/fraud", name), "utf8");
  files[".gitignore"] = EXAMPLE_GITIGNORE;
  files["data/train.csv"] = toCsv(generateTransactions({ rows: 8000, seed: 101, scenario: "baseline" }));
  files["data/holdout.csv"] = toCsv(generateTransactions({ rows: 4000, seed: 102, scenario: "baseline" }));
  const { repo } = await createExampleRepo(dir, files);
  await linkDependencies(repo);
  const git = createGit(repo);
  const github = await startLoopbackGitHub({
    "modelkeeper.yml": files["modelkeeper.yml"],
    "README.md": files["README.md"],
  });
  const apiEnv = {
    GITHUB_TOKEN: "ghs_demo_workflow_token",
    GITHUB_API_URL: github.apiUrl,
    GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
    GITHUB_ACTIONS: "",
    GITHUB_EVENT_NAME: "",
    GITHUB_EVENT_PATH: "",
  };
  const baseEnv = { ...options.env, ...apiEnv, GITHUB_TOKEN: "", MODELKEEPER_DEMO: "1" };

  const run = async (
    title: string,
    argv: string[],
    expect: number,
    env: NodeJS.ProcessEnv = baseEnv,
  ): Promise<string> => {
    say(`      $ modelkeeper ${argv.join(" ")}   # ${title}`);
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, env, repo);
    steps.push({ step: title, exitCode: code });
    if (stdout.trim()) say(indent(stdout.trimEnd()));
    if (code !== expect)
      throw new UserError(`demo step "${title}" exited ${code}, expected ${expect}:\n${stderr}${stdout}`);
    return stdout;
  };
  const shell = async (command: string) => {
    const result = await runShellCommand(command, { cwd: repo, env: options.env, timeoutMs: 120_000 });
    if (result.code !== 0) throw new UserError(`demo: \`${command}\` failed:\n${result.tail}`);
    say(indent(result.tail.trimEnd()));
  };

  try {
    // 2. v1: trained by the example's own train command, recorded, gated on its floors, promoted.
    say(
      "[2/7] Training v1 with the example's train command, then record, evaluate (first model: absolute floors) and promote",
    );
    await shell("node train.mjs");
    await git.run(["add", "models/fraud.onnx"]);
    await git.run(["commit", "--quiet", "-m", "Train fraud v1"]);
    await git.run(["push", "--quiet", "origin", "main"]);
    await run("record v1's inputs and artifact in a git note", ["record", "--push"], 0);
    await run(
      "evaluate v1: no champion yet, so its absolute floors decide",
      ["evaluate", "--push", "--report-md", join(reports, "evaluate-v1.md")],
      0,
    );
    await run("promote v1", ["promote"], 0);

    // 3. Production: a new scam pattern appears; v1, served by `modelkeeper serve`, scores it and logs every row.
    say(
      "[3/7] A day of production traffic through `modelkeeper serve` on the champion v1, in which a new scam pattern appears (card testing on virtual cards)",
    );
    const window = generateTransactions({ rows: 5000, seed: 103, scenario: "new_scam" });
    const served = await serveTraffic({
      repo,
      model: "fraud",
      features: TRANSACTION_FEATURES,
      window,
      logDir: logs,
      env: baseEnv,
      say,
    });
    const logFile = logs; // drift reads the folder: every file the server's log rotated through
    const missed = missedFraud(window);
    say(
      `      the server answered ${served.requests.toLocaleString("en-US")} requests with ${served.version} and logged ${served.loggedRows.toLocaleString("en-US")} rows to ${served.logFiles.map((f) => relative(dir, f)).join(", ")}; every check stayed green, yet ${missed.newPattern} of the ${missed.fraud} frauds follow a pattern v1 never saw`,
    );

    // 4. drift finds it, writes the report, opens the drift issue.
    say("[4/7] Checking the window for drift; on drift, open the drift issue and notify the bot");
    await run(
      "input and prediction drift against the training data",
      [
        "drift",
        "--current",
        logFile,
        "--issue",
        "--dispatch",
        "--report-html",
        join(reports, "drift-report.html"),
        "--report-md",
        join(reports, "drift-report.md"),
      ],
      1,
      { ...baseEnv, ...apiEnv },
    );

    // 5. The bot opens the retrain PR.
    say("[5/7] The retrain bot (Probot, in-process) receives the drift issue and the dispatch");
    await github.deliverEvents();
    const remote = github.standIn.state.repo(`${github.owner}/${github.repo}`);
    const pull = [...remote.pulls.values()].find((p: any) => p.head.ref === "modelkeeper/retrain/fraud");
    if (!pull) throw new UserError("demo: the bot did not open the retrain pull request");
    say(
      `      the bot opened pull request #${pull.number} "${remote.issue(pull.number).title}" from modelkeeper/retrain/fraud`,
    );
    const request = remote.readFile(".modelkeeper/retrain/fraud.json", "modelkeeper/retrain/fraud");
    if (request === undefined) throw new UserError("demo: the bot's retrain PR has no .modelkeeper/retrain/fraud.json");

    // 6. The retrain workflow: fresh labelled data arrives, retrain trains v2, evaluate compares.
    say(
      "[6/7] On the retrain branch: fresh labelled data, then retrain (train → record → commit → evaluate → PR comment)",
    );
    // The labels for the drifted window come back: a maintainer refreshes main's held-out set first,
    // because a pull request is judged on the base's held-out set (a PR cannot choose its own yardstick).
    await writeFile(
      join(repo, "data/holdout.csv"),
      toCsv(generateTransactions({ rows: 4000, seed: 105, scenario: "new_scam" })),
    );
    await git.run(["commit", "--quiet", "-am", "Held-out set: labelled transactions from the drifted window"]);
    await git.run(["push", "--quiet", "origin", "main"]);
    say(
      "      on main: the held-out set is refreshed with labelled transactions from the drifted window (a PR is judged on the base's set)",
    );
    await git.run(["checkout", "--quiet", "-b", "modelkeeper/retrain/fraud"]);
    await mkdir(join(repo, ".modelkeeper/retrain"), { recursive: true });
    await writeFile(join(repo, ".modelkeeper/retrain/fraud.json"), request);
    const fresh = toCsv(generateTransactions({ rows: 8000, seed: 104, scenario: "new_scam" }));
    await appendFile(join(repo, "data/train.csv"), fresh.slice(fresh.indexOf("\n") + 1));
    await git.run(["add", "-A"]);
    await git.run(["commit", "--quiet", "-m", `Fresh labelled traffic for the retrain requested in #${pull.number}`]);
    await git.run(["push", "--quiet", "origin", "modelkeeper/retrain/fraud"]);
    const eventPath = join(dir, "pull_request.json");
    const head = (await git.run(["rev-parse", "HEAD"])).trim();
    await writeFile(
      eventPath,
      JSON.stringify({
        action: "opened",
        number: pull.number,
        pull_request: {
          number: pull.number,
          head: { sha: head, ref: "modelkeeper/retrain/fraud" },
          base: { ref: "main", sha: (await git.run(["rev-parse", "main"])).trim() },
        },
      }),
    );
    const prEnv = {
      ...baseEnv,
      ...apiEnv,
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_HEAD_REF: "modelkeeper/retrain/fraud",
      GITHUB_BASE_REF: "main",
    };
    await run("retrain v2 on the PR branch", ["retrain", "--report-md", join(reports, "evaluate-v2.md")], 0, prEnv);
    const comment = remote
      .commentsOn(pull.number)
      .find((c: any) => c.body.startsWith("<!-- modelkeeper:evaluate:fraud -->"));
    say(`      the PR comment on #${pull.number}, as GitHub shows it:`);
    say(indent((comment?.body ?? "(no comment)").replace(/^<!--[^\n]*-->\n/, "")));

    // 7. Merge, promote v2 on the default branch, verify the champion's inputs.
    say("[7/7] Merging the PR, then on main: evaluate and promote v2, and verify the champion's inputs");
    await git.run(["checkout", "--quiet", "main"]);
    await git.run([
      "merge",
      "--quiet",
      "--no-ff",
      "-m",
      `Merge pull request #${pull.number} from modelkeeper/retrain/fraud`,
      "modelkeeper/retrain/fraud",
    ]);
    await git.run(["push", "--quiet", "origin", "main"]);
    remote.mergePull(pull.number, {}, github.standIn.state.user("ml-oncall"));
    await github.deliverEvents();
    await run(
      "evaluate the merged artifact against the champion v1, in the trusted context",
      ["evaluate", "--push", "--no-comment"],
      0,
      { ...baseEnv, GITHUB_BASE_REF: "" },
    );
    await run("promote v2", ["promote"], 0);
    await run("verify the champion's inputs against its record", ["verify"], 0);
    await (await import("./canary-revert.ts")).runCanaryRevert({ repo, env: baseEnv, runCli, say });

    const driftIssue = [...remote.issues.values()].find((i: any) =>
      i.labels?.some?.((l: any) => (l.name ?? l) === "drift"),
    );
    const summary = [
      ``,
      `Demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s: drift → retrain → promote, ${steps.length} commands as expected.`,
      ``,
      `Where to look:`,
      `  the example repository   ${repo}`,
      `  drift report (HTML)      ${join(reports, "drift-report.html")}`,
      `  drift report (Markdown)  ${join(reports, "drift-report.md")}`,
      `  v2's evaluation          ${join(reports, "evaluate-v2.md")}`,
      `  the notes                git -C ${repo} notes --ref=modelkeeper show HEAD`,
      `  v1's record              git -C ${repo} notes --ref=modelkeeper show modelkeeper/fraud/v1`,
      `  the champion tags        git -C ${repo} tag --list 'modelkeeper/*' -n3`,
      `  on the loopback GitHub   drift issue #${driftIssue?.number ?? "?"} ${driftIssue?.state ?? ""}, retrain PR #${pull.number} merged`,
    ].join("\n");
    return { dir, repo, steps, summary };
  } finally {
    await github.close();
  }
}

/**
 * node_modules of the example, as `npm install modelkeeper yaml` would give: modelkeeper itself
 * (for modelkeeper/trainer), and a yaml package that re-exports the copy modelkeeper bundles
 * (modelkeeper/yaml), since an installed modelkeeper has no yaml dependency to link.
 */
async function linkDependencies(repo: string): Promise<void> {
  const modules = join(repo, "node_modules");
  await mkdir(join(modules, "yaml"), { recursive: true });
  // Junctions on Windows: directory links that need no administrator rights.
  await symlink(projectRoot, join(modules, "modelkeeper"), process.platform === "win32" ? "junction" : "dir");
  await writeFile(
    join(modules, "yaml", "package.json"),
    JSON.stringify({ name: "yaml", private: true, type: "module", exports: "./index.js" }, null, 2) + "\n",
  );
  await writeFile(
    join(modules, "yaml", "index.js"),
    'export * from "modelkeeper/yaml";\nexport { default } from "modelkeeper/yaml";\n',
  );
}

function missedFraud(window: Table): { fraud: number; newPattern: number } {
  const label = window.columns.find((c) => c.name === FRAUD_LABEL)!;
  const device = window.columns.find((c) => c.name === "device")!;
  let fraud = 0;
  let newPattern = 0;
  for (let i = 0; i < window.rowCount; i++) {
    if (label.kind !== "numeric" || label.values[i] !== 1) continue;
    fraud++;
    if (device.kind === "categorical" && device.categories[device.codes[i]] === "virtual_card") newPattern++;
  }
  return { fraud, newPattern };
}
