import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runDemo } from "../../demo/run-demo.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { createGit } from "../../src/git/git.ts";
import { readNote } from "../../src/git/notes.ts";

test("the demo runs the whole loop offline: v1 promoted, drift found, the bot's retrain PR, v2 promoted, verified", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-demo-test-"));
  const lines: string[] = [];
  const result = await runDemo({
    dir,
    log: (line) => lines.push(line),
    env: { ...process.env, GITHUB_TOKEN: "", GITHUB_EVENT_NAME: "", GITHUB_EVENT_PATH: "" },
    runCli,
  });

  assert.deepEqual(
    result.steps.map((s) => s.exitCode),
    [0, 0, 0, 1, 0, 0, 0, 0],
    "record, evaluate, promote, drift (1: drift found), retrain, evaluate, promote, verify",
  );
  for (let step = 1; step <= 7; step++)
    assert.ok(
      lines.some((l) => l.startsWith(`[${step}/7]`)),
      `progress line for step ${step}`,
    );
  const git = createGit(result.repo);
  assert.deepEqual((await git.run(["tag", "--list", "modelkeeper/*"])).trim().split("\n"), [
    "modelkeeper/fraud/v1",
    "modelkeeper/fraud/v2",
  ]);
  assert.match(await git.run(["ls-remote", "origin", "refs/tags/modelkeeper/fraud/v2"]), /v2/);

  const html = await readFile(join(dir, "reports", "drift-report.html"), "utf8");
  assert.match(html, /Drift detected: fraud/);
  assert.ok((await stat(join(dir, "reports", "evaluate-v2.md"))).size > 0);
  assert.match(lines.join("\n"), /the bot opened pull request #\d+ "Retrain fraud/);
  assert.match(lines.join("\n"), /### modelkeeper · fraud: ✅ \*\*promote\*\*/);
  assert.match(result.summary, /drift issue #\d+ closed, retrain PR #\d+ merged/);

  // v2 (the merge commit) carries evaluate and promote lines; v2's record is on the retrain commit.
  const v2 = (await git.run(["rev-list", "-n", "1", "modelkeeper/fraud/v2"])).trim();
  // promote acts on the evaluation it computed itself (computedBy: "promote"), beside the evaluate step's own line.
  const lines2 = await readNote(git, v2);
  assert.deepEqual(lines2.map((l) => l.event).sort(), ["evaluate", "evaluate", "promote"]);
  const computed = lines2.find(
    (l) => l.event === "evaluate" && (l as { computedBy?: string }).computedBy === "promote",
  );
  assert.equal(
    (lines2.find((l) => l.event === "promote") as { evaluation?: { id: string } }).evaluation?.id,
    computed?.id,
  );
});
