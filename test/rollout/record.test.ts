// The rollout's record in real git: transitions as note lines on the canary's commit, pushed to a
// bare remote, read back to resume (a kill mid-rollout, a reverted canary kept out), forged lines
// ignored, and `modelkeeper rollout status` over them; other readers of the note ignore the lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createTestRepo, simpleModelFiles } from "../support/git-repo.ts";
import { createGit } from "../../src/git/git.ts";
import { appendRawLines, readNote } from "../../src/git/notes.ts";
import { NOTES_REF, latest, type RolloutLine } from "../../src/provenance/note-line.ts";
import { Rollout } from "../../src/rollout/state.ts";
import { RolloutRecorder, readRolloutHistory, transitionsOf } from "../../src/rollout/record.ts";
import type { RolloutConfig } from "../../src/config/types.ts";
import { createRandom } from "../../src/stats/numeric/random.ts";
import { healthy, simulate, type Behaviour } from "./simulate.ts";

const START = Date.parse("2026-12-03T12:00:00Z");
const CONFIG: RolloutConfig = {
  steps: ["shadow", 5, 25, 50, 100],
  min_requests: 300,
  min_minutes: 1,
  alpha: 0.01,
  error_rate_margin: 0.005,
  latency_median_ratio: 1.5,
  prediction_ks: 0.1,
  quality_margin: 0.02,
};
const positiveForEveryone: Behaviour = () => ({ ok: true, latencyMs: 2, scores: [0.99] });
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const TOOL = "modelkeeper/test";

test("transitions land on the canary's note, reach the bare remote, and resume a killed or reverted rollout", async () => {
  const repo = await createTestRepo(simpleModelFiles());
  try {
    const canaryCommit = await repo.commit("canary");
    await repo.git.run(["push", "--quiet", "origin", "main"]);
    const context = {
      model: "fraud",
      canary: { sha256: sha("bad model"), commit: canaryCommit },
      stable: { sha256: sha("v1"), version: "v1" },
      tool: TOOL,
    };
    const recorder = new RolloutRecorder(repo.git, { remote: "origin" });
    const random = createRandom(4);

    // A canary that predicts positive for everyone: started, then reverted in the shadow step.
    const { rollout, transitions } = Rollout.begin(CONFIG, [], START, () => random.nextFloat());
    const run = simulate(rollout, healthy, positiveForEveryone, random, {
      start: START,
      msPerRequest: 2,
      maxRequests: 10_000,
    });
    const outcomes = [await recorder.record(context, transitions), await recorder.record(context, run.transitions)];
    assert.ok(outcomes.every((o) => o.pushed && !o.pushError));

    const remote = createGit(repo.origin);
    for (const git of [repo.git, remote]) {
      const lines = (await readNote(git, canaryCommit)).filter((l): l is RolloutLine => l.event === "rollout");
      assert.deepEqual(
        lines.map((l) => l.transition),
        ["started", "reverted"],
      );
      const revert = lines[1];
      assert.deepEqual(Object.keys(revert).sort(), [
        "at",
        "canary",
        "event",
        "evidence",
        "id",
        "model",
        "percent",
        "reason",
        "schema",
        "stable",
        "step",
        "tool",
        "transition",
      ]);
      assert.equal(revert.schema, 1);
      assert.deepEqual(revert.canary, context.canary);
      assert.equal(revert.percent, "shadow");
      assert.match(revert.reason!, /^prediction_mix: KS statistic/);
      assert.equal(revert.evidence!.find((e) => e.signal === "prediction_mix")!.breached, true);
      assert.ok(revert.evidence!.every((e) => typeof e.alpha === "number" && typeof e.figures === "object"));
    }

    // Restart (a kill -9 loses nothing recorded): the same bytes are never served again, even from another commit.
    const history = await readRolloutHistory(repo.git, "fraud");
    const again = Rollout.begin(CONFIG, transitionsOf(history, "fraud", context.canary.sha256), START + 60_000, () =>
      random.nextFloat(),
    );
    assert.deepEqual(again.transitions, []);
    assert.deepEqual(again.rollout.serving(), { canaryPercent: 0, shadow: false });
    assert.match(again.rollout.status().reason!, /^prediction_mix/);

    // A healthy canary killed in the 25% step resumes there from the notes.
    await repo.write("models/fraud.bin", "model:v2\n");
    const goodCommit = await repo.commit("good canary");
    const good = { ...context, canary: { sha256: sha("good model"), commit: goodCommit } };
    const later = START + 3_600_000;
    const first = Rollout.begin(CONFIG, [], later, () => random.nextFloat());
    await recorder.record(good, first.transitions);
    let now = later;
    while (first.rollout.status().step < 2) {
      now += 20;
      const s = first.rollout.serving();
      const out = s.shadow
        ? [
            ...first.rollout.observe("stable", healthy(random), now),
            ...first.rollout.observe("shadow", healthy(random), now),
          ]
        : first.rollout.observe(random.nextFloat() * 100 < s.canaryPercent ? "canary" : "stable", healthy(random), now);
      if (out.length) await recorder.record(good, out);
    }
    const fresh = await readRolloutHistory(createGit(repo.dir), "fraud");
    const resumed = Rollout.begin(CONFIG, transitionsOf(fresh, "fraud", good.canary.sha256), now + 5_000, () =>
      random.nextFloat(),
    );
    assert.deepEqual(resumed.transitions, []);
    assert.deepEqual(resumed.rollout.serving(), { canaryPercent: 25, shadow: false });

    // Other readers of the note skip rollout lines: the newest "record" of a note with only rollout lines is none.
    assert.equal(latest(await readNote(repo.git, canaryCommit), "record", "fraud"), undefined);
    assert.equal(latest(await readNote(repo.git, canaryCommit), "promote", "fraud"), undefined);

    // rollout status: text and --json, from the notes.
    const json = await repo.cli("rollout", "status", "--json");
    assert.equal(json.code, 0, json.stderr);
    const data = JSON.parse(json.stdout);
    assert.deepEqual(data.models, ["fraud"]);
    assert.deepEqual(
      data.rollouts.map((r: { state: string; percent: unknown }) => [r.state, r.percent]),
      [
        ["reverted", "shadow"],
        ["running", 25],
      ],
    );
    assert.match(data.rollouts[0].reason, /^prediction_mix/);
    assert.deepEqual(
      data.rollouts[1].transitions.map((t: { transition: string }) => t.transition),
      ["started", "stepped", "stepped"],
    );
    const text = await repo.cli("rollout", "status", "--model", "fraud");
    assert.equal(text.code, 0);
    assert.match(
      text.stdout,
      new RegExp(
        `canary ${context.canary.sha256.slice(0, 12)} from commit ${canaryCommit.slice(0, 12)} over stable v1 \\(${context.stable.sha256.slice(0, 12)}\\): reverted at shadow`,
      ),
    );
    assert.match(text.stdout, /why: prediction_mix: KS statistic/);
    assert.match(text.stdout, /: running at 25%/);
  } finally {
    await repo.cleanup();
  }
});

test("forged or malformed rollout lines are ignored and reported; their text cannot reach the terminal raw", async () => {
  const repo = await createTestRepo(simpleModelFiles());
  try {
    const a = await repo.commit("a");
    await repo.write("params.yaml", "lr: 0.2\n");
    const b = await repo.commit("b");
    const line = (over: Record<string, unknown>) =>
      JSON.stringify({
        schema: 1,
        id: Math.random().toString(16).slice(2),
        event: "rollout",
        model: "fraud",
        at: "2026-12-03T12:00:00.000Z",
        tool: TOOL,
        canary: { sha256: sha("x"), commit: a },
        transition: "reverted",
        step: 1,
        percent: 5,
        reason: "\u001b[31m::error::pwned\u0007",
        ...over,
      });
    await appendRawLines(
      repo.git,
      a,
      [
        line({}),
        line({ transition: "exploded" }),
        line({ canary: { sha256: "nope", commit: a } }),
        line({ percent: 250 }),
      ],
      NOTES_REF,
    );
    // Copied onto another commit: it names a but sits on b.
    await appendRawLines(repo.git, b, [line({ transition: "completed", percent: 100, step: 4 })], NOTES_REF);

    const history = await readRolloutHistory(repo.git);
    assert.equal(history.lines.length, 1);
    assert.deepEqual(
      history.ignored.map((i) => i.problem).sort(),
      [
        'percent is neither "shadow" nor 1..100',
        "canary.sha256 is not a sha256",
        `it names canary commit ${a.slice(0, 12)} but sits on ${b.slice(0, 12)}`,
        'unknown transition "exploded"',
      ].sort(),
    );
    const status = await repo.cli("rollout", "status");
    assert.equal(status.code, 0);
    assert.ok(!/[\u0000-\u0008\u001b\u0007]/.test(status.stdout), JSON.stringify(status.stdout));
    assert.match(status.stdout, /why: \?\[31m::error::pwned\?/);
    assert.match(status.stdout, /ignored 4 rollout lines that cannot be taken/);
    assert.match(status.stderr, /rollout line on [0-9a-f]{12} ignored/);
  } finally {
    await repo.cleanup();
  }
});

test("rollout status: a missing or unknown subcommand, an unknown model: exit 2 with how to fix it; no notes: nothing recorded", async () => {
  const repo = await createTestRepo(simpleModelFiles());
  try {
    await repo.commit("a");
    const none = await repo.cli("rollout");
    assert.equal(none.code, 2);
    assert.match(none.stderr, /a subcommand is needed: status/);
    const bad = await repo.cli("rollout", "stats");
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown subcommand "stats": status/);
    const model = await repo.cli("rollout", "status", "--model", "nope");
    assert.equal(model.code, 2);
    assert.match(model.stderr, /--model nope: no such model in modelkeeper.yml\. Models there: fraud/);
    const empty = await repo.cli("rollout", "status");
    assert.equal(empty.code, 0);
    assert.equal(empty.stdout, "fraud: no rollout recorded\n");
    const help = await repo.cli("rollout", "--help");
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: modelkeeper rollout status \[--model NAME\]/);
  } finally {
    await repo.cleanup();
  }
});

test("record and verify still work on a commit whose note also holds rollout lines", async () => {
  const repo = await createTestRepo(simpleModelFiles());
  try {
    const commit = await repo.commit("a");
    assert.equal((await repo.cli("record")).code, 0);
    await new RolloutRecorder(repo.git).record({ model: "fraud", canary: { sha256: sha("m"), commit }, tool: TOOL }, [
      { transition: "started", step: 0, percent: "shadow", at: "2026-12-03T12:00:00.000Z" },
    ]);
    await repo.cli("record");
    const verify = await repo.cli("verify");
    assert.equal(verify.code, 0, verify.stderr + verify.stdout);
    assert.ok((await readNote(repo.git, commit)).some((l) => l.event === "rollout"));
  } finally {
    await repo.cleanup();
  }
});

test("two servers recording at once (two clones, one remote): both pushes land, merged line-wise", async () => {
  const repo = await createTestRepo(simpleModelFiles());
  try {
    const commit = await repo.commit("a");
    await repo.git.run(["push", "--quiet", "origin", "main"]);
    const other = `${repo.dir}-clone`;
    await createGit(repo.dir).run(["clone", "--quiet", repo.origin, other]);
    const context = { model: "fraud", canary: { sha256: sha("m"), commit }, tool: TOOL };
    const at = (minute: number) => new Date(START + minute * 60_000).toISOString();
    const [mine, theirs] = await Promise.all([
      new RolloutRecorder(repo.git, { remote: "origin" }).record(context, [
        { transition: "started", step: 0, percent: "shadow", at: at(0) },
      ]),
      new RolloutRecorder(createGit(other), { remote: "origin" }).record(context, [
        { transition: "reverted", step: 0, percent: "shadow", at: at(1), reason: "latency: …" },
      ]),
    ]);
    assert.ok(mine.pushed && theirs.pushed);
    const lines = (await readRolloutHistory(createGit(repo.origin))).lines;
    assert.deepEqual(
      lines.map((l) => l.transition),
      ["started", "reverted"],
    );
  } finally {
    await repo.cleanup();
  }
});
