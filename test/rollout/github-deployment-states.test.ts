// RolloutDeployments against the loopback GitHub stand-in, verdict by verdict: a completed rollout
// ends in success and GitHub marks the environment's earlier deployment inactive; transitions
// arriving together are sent one at a time (one deployment, no duplicate status); a hostile reason
// becomes one line of at most 140 characters; a model name with every character a name may hold
// round-trips through the payload; and the stand-in answers as GitHub does (422 for an unknown ref,
// 409 for required contexts, 404 for a deployment that does not exist).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Octokit } from "@octokit/rest";
import { startGitHubStandIn } from "../support/github-standin/index.ts";
import { githubFromEnv } from "../../src/github/client.ts";
import { DEPLOYMENT_TASK, RolloutDeployments } from "../../src/github/deployments.ts";
import type { RolloutVerdict } from "../../src/rollout/verdict.ts";

const CANARY = "ab".repeat(32);

function verdict(
  commit: string,
  model: string,
  state: RolloutVerdict["state"],
  step: number,
  reason?: string,
): RolloutVerdict {
  return {
    model,
    verdict: state === "reverted" ? "fail" : state === "completed" ? "pass" : "pending",
    ok: state !== "reverted",
    state,
    canary: { sha256: CANARY, commit, version: `sha256:${CANARY.slice(0, 12)}` },
    stable: { sha256: "cd".repeat(32), version: "v2" },
    steps: [5, 25, 100],
    step,
    percent: ([5, 25, 100] as const)[step],
    step_started_at: "2026-12-03T23:00:00.000Z",
    requests: { stable: 900, canary: 100 },
    looks: 1,
    evidence: [],
    labels: {
      joined: 0,
      unknown: 0,
      outside_window: 0,
      duplicate: 0,
      rows_mismatch: 0,
      labelled_rows: { stable: 0, canary: 0 },
    },
    ...(reason ? { reason } : {}),
    recorded: true,
  };
}

test("completed: in_progress per step, then success, and the environment's earlier deployment turns inactive; a burst of transitions makes one deployment", async () => {
  const gh = await startGitHubStandIn({ repos: [{ owner: "acme", name: "fraud", files: { "README.md": "x" } }] });
  const remote = gh.state.repo("acme/fraud");
  const warnings: string[] = [];
  try {
    const github = githubFromEnv({ GITHUB_TOKEN: "ghs_states", GITHUB_API_URL: gh.url }, (l) => warnings.push(l))!;
    const model = "Fraud_v2.x-1";
    const earlier = remote.commitFiles({ message: "v2", files: { "models/fraud.onnx": "v2" } });
    const octokit = new Octokit({ baseUrl: gh.url, auth: "ghs_states" });
    const { data: old } = await octokit.rest.repos.createDeployment({
      owner: "acme",
      repo: "fraud",
      ref: earlier,
      environment: "production",
      required_contexts: [],
      auto_merge: false,
    });
    await octokit.rest.repos.createDeploymentStatus({
      owner: "acme",
      repo: "fraud",
      deployment_id: (old as { id: number }).id,
      state: "success",
    });
    const commit = remote.commitFiles({ message: "v3", files: { "models/fraud.onnx": "v3" } });

    const deployments = new RolloutDeployments({
      github,
      repo: { owner: "acme", repo: "fraud" },
      model,
      environment: "production",
      warn: (l) => warnings.push(l),
    });
    // Three transitions at once, as a fast step can produce them: sent in order, one deployment.
    deployments.transitions([], verdict(commit, model, "running", 0));
    deployments.transitions([], verdict(commit, model, "running", 1));
    deployments.transitions([], verdict(commit, model, "running", 1)); // the same verdict again: no second status
    deployments.transitions([], verdict(commit, model, "completed", 2));
    await deployments.settled();

    const mine = [...remote.deployments.values()].filter((d) => d.task === DEPLOYMENT_TASK);
    assert.equal(mine.length, 1);
    assert.deepEqual(mine[0].payload, {
      model,
      canary_sha256: CANARY,
      stable_sha256: "cd".repeat(32),
      stable_version: "v2",
    });
    assert.deepEqual(
      mine[0].statuses.map((s) => [s.state, s.description]),
      [
        ["in_progress", "canary at 5% (step 1 of 3), no breach so far"],
        ["in_progress", "canary at 25% (step 2 of 3), no breach so far"],
        ["success", "canary passed every step: answers everyone"],
      ],
    );
    assert.deepEqual(
      remote.deployments.get((old as { id: number }).id)!.statuses.map((s) => s.state),
      ["success", "inactive"],
    );

    // A hostile reason (it can come from a note): one line, at most 140 characters.
    const other = remote.commitFiles({ message: "v4", files: { "models/fraud.onnx": "v4" } });
    const revert = new RolloutDeployments({
      github,
      repo: { owner: "acme", repo: "fraud" },
      model,
      environment: "staging",
      warn: (l) => warnings.push(l),
    });
    revert.transitions([], verdict(other, model, "reverted", 0, `line one\nline two\r\u2028${"x".repeat(300)}`));
    await revert.settled();
    const reverted = [...remote.deployments.values()].find((d) => d.sha === other)!;
    const description = reverted.statuses.at(-1)!.description;
    assert.equal(reverted.statuses.at(-1)!.state, "failure");
    assert.equal(reverted.environment, "staging");
    assert.ok(
      description.length <= 140 &&
        !/[\n\r\u2028]/.test(description) &&
        description.startsWith("reverted at 5%: line one line two"),
      description,
    );
    assert.deepEqual(warnings, []);

    // The stand-in answers as GitHub does.
    await assert.rejects(
      octokit.rest.repos.createDeployment({ owner: "acme", repo: "fraud", ref: "no-such-branch" }),
      (e: any) => e.status === 422 && /No ref found for: no-such-branch/.test(e.message),
    );
    await assert.rejects(
      octokit.rest.repos.createDeployment({ owner: "acme", repo: "fraud", ref: "main", required_contexts: ["ci"] }),
      (e: any) => e.status === 409,
    );
    await assert.rejects(
      octokit.rest.repos.createDeploymentStatus({
        owner: "acme",
        repo: "fraud",
        deployment_id: 999999,
        state: "success",
      }),
      (e: any) => e.status === 404,
    );
    gh.assertNoViolations();
  } finally {
    await gh.close();
  }
});

test("GitHub stores the deployment and the status but the answers are lost (502 after the side effect): looked up again, never created twice", async () => {
  const gh = await startGitHubStandIn({
    repos: [{ owner: "acme", name: "fraud", files: { "README.md": "x" } }],
    retryAfterSeconds: 0,
  });
  const remote = gh.state.repo("acme/fraud");
  const warnings: string[] = [];
  try {
    const github = githubFromEnv({ GITHUB_TOKEN: "ghs_lost", GITHUB_API_URL: gh.url }, (l) => warnings.push(l))!;
    const commit = remote.commitFiles({ message: "v3", files: { "models/fraud.onnx": "v3" } });
    gh.failNext({ operationId: "repos/create-deployment" }, [{ status: 502, afterSideEffect: true }]);
    gh.failNext({ operationId: "repos/create-deployment-status" }, [{ status: 502, afterSideEffect: true }]);
    const deployments = new RolloutDeployments({
      github,
      repo: { owner: "acme", repo: "fraud" },
      model: "fraud",
      environment: "production",
      warn: (l) => warnings.push(l),
    });
    deployments.transitions([], verdict(commit, "fraud", "running", 0));
    await deployments.settled();
    const mine = [...remote.deployments.values()];
    assert.equal(mine.length, 1, "one deployment");
    assert.deepEqual(
      mine[0].statuses.map((s) => s.state),
      ["in_progress"],
    );
    // Octokit's request log names the two lost answers; nothing says the deployment was not updated.
    assert.equal(warnings.length, 2, warnings.join("\n"));
    assert.ok(
      warnings.every((w) => / - 502 with id /.test(w) && !w.includes("ghs_lost")),
      warnings.join("\n"),
    );
    gh.assertNoViolations();
  } finally {
    await gh.close();
  }
});
