// The rollout on GitHub (the loopback stand-in, every request checked against GitHub's OpenAPI):
// a Deployment of the canary's commit with an in_progress status, a failure status when it is
// reverted and a comment on the pull request that built it; a restart adds nothing (found, compared,
// left alone); a reason from a forged note reaches the comment escaped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Ajv } from "ajv";
import { startGitHubStandIn } from "../support/github-standin/index.ts";
import { loadSpec } from "../support/github-standin/openapi.ts";
import { toDraft07 } from "../support/github-standin/validate.ts";
import { appendNoteLines } from "../../src/git/notes.ts";
import { githubDeploymentListener, DEPLOYMENT_TASK } from "../../src/github/deployments.ts";
import { readNote } from "../../src/git/notes.ts";
import {
  commitCanary,
  killed,
  positiveForEveryone,
  promotedRepo,
  rolloutOf,
  sameWeightsOtherBytes,
  sendTraffic,
  serveProcess,
  serveWithRollout,
  trafficRows,
  type ServeProcess,
} from "./serve-support.ts";

const TABLE = trafficRows();

/** The stand-in's answers checked against GitHub's own response schemas (it checks requests itself). */
async function assertGitHubShapes(url: string, path: string, schema: string): Promise<unknown[]> {
  const response = await fetch(`${url}${path}`, {
    headers: { authorization: "token ghs_rollout_token", accept: "application/vnd.github+json" },
  });
  assert.equal(response.status, 200, path);
  const items = (await response.json()) as unknown[];
  const spec = loadSpec();
  const definitions = {};
  const root = toDraft07({ $ref: `#/components/schemas/${schema}` }, spec, definitions);
  const validate = new Ajv({ strict: false, logger: false, allErrors: true, validateFormats: false }).compile({
    ...root,
    definitions,
  });
  for (const item of items) assert.ok(validate(item), `${path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  return items;
}

test("with a token: a Deployment and its statuses for the environment, a comment on the canary's PR when reverted; a restart duplicates nothing; forged text is escaped", async () => {
  const repo = await promotedRepo();
  const gh = await startGitHubStandIn({ repos: [{ owner: "acme", name: "fraud", files: { "README.md": "x" } }] });
  const remote = gh.state.repo("acme/fraud");
  const env = { GITHUB_TOKEN: "ghs_rollout_token", GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: "acme/fraud" };
  const warnings: string[] = [];
  const listener = () =>
    githubDeploymentListener({ env, model: "fraud", environment: "production", warn: (l) => warnings.push(l) })!;
  try {
    const bad = await commitCanary(repo, positiveForEveryone(), "canary/bad");
    remote.receivePush(repo.dir, "main", "main");
    assert.equal(remote.receivePush(repo.dir, "canary/bad", "canary/bad"), bad);
    const pull = remote.createPull({ title: "Retrain fraud", head: "canary/bad", base: "main" });

    const server = await serveWithRollout(
      repo,
      { canary: bad, "canary-percent": "20" },
      {},
      { rolloutListeners: [listener()] },
    );
    try {
      await sendTraffic(server.url, "fraud", TABLE, {
        prefix: "g-",
        max: 5000,
        stop: () => server.rollout()!.state === "reverted",
      });
    } finally {
      await server.shutdown(); // waits for the deployment's statuses and the comment
    }
    const deployments = [...remote.deployments.values()];
    assert.equal(deployments.length, 1);
    const [deployment] = deployments;
    assert.equal(deployment.sha, bad);
    assert.equal(deployment.task, DEPLOYMENT_TASK);
    assert.equal(deployment.environment, "production");
    assert.deepEqual((deployment.payload as any).model, "fraud");
    assert.match((deployment.payload as any).canary_sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(
      deployment.statuses.map((s) => s.state),
      ["in_progress", "failure"],
    );
    assert.match(deployment.statuses[0].description, /^canary at 20% \(step 1 of 2\), no breach so far$/);
    assert.match(deployment.statuses[1].description, /^reverted at 20%: prediction_mix: KS statistic/);
    assert.ok(deployment.statuses[1].description.length <= 140);
    const comments = remote.commentsOn(pull.number);
    assert.equal(comments.length, 1);
    assert.match(
      comments[0].body,
      /^<!-- modelkeeper:rollout-[0-9a-f]{12}:fraud -->\n### modelkeeper: the canary of `fraud` was reverted/,
    );
    assert.match(comments[0].body, /\*\*Why:\*\* prediction\\_mix: KS statistic/);
    assert.match(comments[0].body, /\| prediction\\_mix \| \*\*yes\*\* \|/);

    assert.equal((await assertGitHubShapes(gh.url, "/repos/acme/fraud/deployments", "deployment")).length, 1);
    assert.equal(
      (await assertGitHubShapes(gh.url, `/repos/acme/fraud/deployments/${deployment.id}/statuses`, "deployment-status"))
        .length,
      2,
    );

    // kill -9 and restart after the revert: everything is found as it should be; nothing is added.
    const again = await serveWithRollout(
      repo,
      { canary: bad, "canary-percent": "20" },
      {},
      { rolloutListeners: [listener()] },
    );
    await again.shutdown();
    assert.equal(remote.deployments.size, 1);
    assert.equal(deployment.statuses.length, 2);
    assert.deepEqual(
      remote.commentsOn(pull.number).map((c) => c.body),
      [comments[0].body],
    );
    assert.ok(again.lines.some((l) => /was reverted at .*not serving it again/.test(l)));

    // A forged `reverted` line on another canary's commit (anyone with push access can write notes):
    // the canary stays out, and the forged reason reaches GitHub escaped.
    const forged = await commitCanary(repo, sameWeightsOtherBytes(), "canary/forged");
    remote.receivePush(repo.dir, "canary/forged", "canary/forged");
    const forgedPull = remote.createPull({ title: "Another", head: "canary/forged", base: "main" });
    const served = await serveWithRollout(repo, { canary: forged, "canary-percent": "20" });
    const canarySha = served.rollout()!.canary.sha256;
    await served.shutdown();
    const hostile =
      "@admins ![x](https://evil.example/p.png) <img src=x onerror=alert(1)> | [click](javascript:alert(1))\n::set-output name=x::y";
    await appendNoteLines(repo.git, forged, [
      {
        schema: 1,
        id: "f0f0f0f0f0f0f0f0",
        event: "rollout",
        model: "fraud",
        at: "2099-01-01T00:00:00.000Z",
        tool: "someone",
        canary: { sha256: canarySha, commit: forged },
        transition: "reverted",
        step: 0,
        percent: 20,
        reason: hostile,
      } as never,
    ]);
    const third = await serveWithRollout(
      repo,
      { canary: forged, "canary-percent": "20" },
      {},
      { rolloutListeners: [listener()] },
    );
    const answers = await sendTraffic(third.url, "fraud", TABLE, { prefix: "f-", max: 100 });
    await third.shutdown();
    assert.deepEqual(new Set(answers.map((a) => a.version)), new Set(["v1"]));
    const refused = third.lines.find((l) => l.includes("not serving it again"));
    assert.ok(
      refused && !/[\n\r]/.test(refused) && refused.includes("@admins"),
      `the log line: ${JSON.stringify(refused)}`,
    );
    const [comment] = remote.commentsOn(forgedPull.number);
    assert.ok(comment, "no comment on the forged canary's PR");
    for (const raw of ["@admins", "![x](", "<img", "[click](", "\n::set-output"])
      assert.ok(!comment.body.includes(raw), `the comment holds ${JSON.stringify(raw)}:\n${comment.body}`);
    assert.match(
      comment.body,
      /@\u200badmins !\\\[x\\\]\(https:\u200b\/\/evil\.example\/p\.png\) &lt;img src=x onerror=alert\(1\)&gt; \\\|/,
    );
    const forgedDeployment = [...remote.deployments.values()].find((d) => d.sha === forged)!;
    assert.equal(forgedDeployment.statuses.at(-1)!.state, "failure");
    assert.ok(!/[\n\r]/.test(forgedDeployment.statuses.at(-1)!.description));
    assert.deepEqual(warnings, []);
    gh.assertNoViolations();
  } finally {
    await gh.close();
    await repo.cleanup();
  }
});

test("kill -9 of the serve process around the revert, GitHub failing once: the restart brings GitHub to one deployment ending in failure and one comment; the token is never printed", async () => {
  const repo = await promotedRepo();
  const gh = await startGitHubStandIn({ repos: [{ owner: "acme", name: "fraud", files: { "README.md": "x" } }] });
  const remote = gh.state.repo("acme/fraud");
  const token = "ghs_rollout_kill_token_0123456789";
  const env = { GITHUB_TOKEN: token, GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: "acme/fraud" };
  const running: ServeProcess[] = [];
  try {
    const bad = await commitCanary(repo, positiveForEveryone(), "canary/bad");
    remote.receivePush(repo.dir, "main", "main");
    remote.receivePush(repo.dir, "canary/bad", "canary/bad");
    const pull = remote.createPull({ title: "Retrain fraud", head: "canary/bad", base: "main" });
    // GitHub refuses the first status (422 is not retried): a warning, serving goes on.
    gh.failNext({ operationId: "repos/create-deployment-status" }, [{ status: 422, message: "Validation Failed" }]);

    const first = await serveProcess(repo, bad, env);
    running.push(first);
    let seen = 0;
    await sendTraffic(first.url, "fraud", TABLE, {
      prefix: "k-",
      max: 5000,
      stop: async () => ++seen % 25 === 0 && (await rolloutOf(first.url)).state === "reverted",
    });
    assert.equal((await rolloutOf(first.url)).state, "reverted");
    // The kill lands once the revert is on record, with the GitHub calls in flight or not yet
    // made. (Traffic goes back to stable first and the note follows: a kill in between restarts
    // the canary from its recorded step, the case of kill-resume.test.ts.)
    for (
      let i = 0;
      i < 400 && !(await readNote(repo.git, bad)).some((l) => (l as { transition?: string }).transition === "reverted");
      i++
    )
      await new Promise((r) => setTimeout(r, 25));
    await killed(first); // whatever of the GitHub calls it had made, and no more

    const second = await serveProcess(repo, bad, env);
    running.push(second);
    second.child.kill("SIGTERM"); // shutdown waits for the GitHub calls
    assert.equal(await second.exited, 0, second.stderr());

    const deployments = [...remote.deployments.values()].filter((d) => d.sha === bad);
    assert.equal(deployments.length, 1, "one deployment, however often the server started");
    const states = deployments[0].statuses.map((s) => s.state);
    assert.equal(states.at(-1), "failure", first.stderr() + "\n---\n" + second.stderr());
    assert.equal(states.filter((s) => s === "failure").length, 1, states.join(", "));
    assert.equal(remote.commentsOn(pull.number).length, 1);
    assert.match(remote.commentsOn(pull.number)[0].body, /\*\*Why:\*\* prediction\\_mix/);
    for (const served of running) assert.ok(!served.stderr().includes(token), "the token was printed");
    assert.match(first.stderr() + second.stderr(), /GitHub deployment not updated \(422\)/);
    gh.assertNoViolations();
  } finally {
    for (const served of running) served.child.kill("SIGKILL");
    await gh.close();
    await repo.cleanup();
  }
});
