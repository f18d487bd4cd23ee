// The retrain bot end to end: signed webhooks (payloads from @octokit/webhooks-examples) POSTed to
// the running bot over loopback HTTP, the bot talking to the GitHub stand-in, which checks every
// request against GitHub's OpenAPI description. Each test ends with no violation.
import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { webhookPayload, type WebhookOverrides } from "../support/webhooks.ts";
import {
  comments,
  defaultRepo,
  FULL_NAME,
  NOW,
  OWNER,
  pulls,
  REPO,
  retrainBranches,
  startBot,
  type RunningBot,
} from "./support/bot-harness.ts";

const REPOSITORY = { owner: OWNER, name: REPO, defaultBranch: "main" };
const DRIFT_BOT = { login: "github-actions[bot]", type: "Bot" as const };
const EXAMPLE_COMMENT_TIME = "2019-05-15T15:20:21Z"; // created_at of the example issue_comment payload
const EXAMPLE_ISSUE_TIME = "2019-05-15T15:20:18Z"; // updated_at of the example issues payloads

let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

async function start(options: Parameters<typeof startBot>[0] = {}): Promise<RunningBot> {
  bot = await startBot(options);
  return bot;
}

/** An issue in the stand-in, and the webhook overrides that describe it as it is there. */
function openIssue(b: RunningBot, title: string, options: { body?: string; labels?: string[]; user?: string } = {}) {
  const repo = b.gh.state.repo(FULL_NAME);
  const user =
    options.user === "github-actions[bot]"
      ? b.gh.state.user(options.user, "Bot")
      : b.gh.state.user(options.user ?? "alice");
  const issue = repo.createIssue({ title, body: options.body ?? "", labels: options.labels, user });
  const overrides: NonNullable<WebhookOverrides["issue"]> = {
    number: issue.number,
    title,
    body: options.body ?? "",
    labels: options.labels ?? [],
    user: user.login,
  };
  return { number: issue.number, url: `https://github.com/${FULL_NAME}/issues/${issue.number}`, overrides };
}

function commentEvent(
  issue: ReturnType<typeof openIssue>,
  body: string,
  user: string,
  id = 5001,
  userType?: "User" | "Bot",
) {
  return webhookPayload("issue_comment.created", {
    repository: REPOSITORY,
    issue: issue.overrides,
    comment: { id, body, user, ...(userType ? { userType } : {}) },
    sender: { login: user, type: userType },
  });
}

const driftBody = (model: string) =>
  `${"<!-- modelkeeper:drift:" + encodeURIComponent(model) + " -->"}\n## Drift report\n\n| feature | PSI |\n| --- | --- |\n| amount | 0.41 |\n`;

function writes(gh: RunningBot["gh"]): string[] {
  return gh.requests
    .filter((r) => r.method !== "GET" && r.auth === "installation")
    .map((r) => `${r.route} ${r.status}`);
}

describe("/retrain comments", () => {
  it("opens one retrain PR with one commit writing the request record, and links it on the issue", async () => {
    const b = await start();
    const issue = openIssue(b, "Fraud scores look off");
    const payload = commentEvent(issue, "/retrain fraud new labels from March\nsee the dashboard", "alice");
    const response = await b.send("issue_comment", payload);
    assert.equal(response.status, 200);

    assert.deepEqual(retrainBranches(b.gh), ["refs/heads/modelkeeper/retrain/fraud"]);
    assert.deepEqual(pulls(b.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
    const repo = b.gh.state.repo(FULL_NAME);
    const pull = repo.pull(2);
    assert.equal(pull.base.ref, "main");
    // One commit on top of main's tip, adding exactly the record.
    const head = repo.git.commit(repo.branchSha("modelkeeper/retrain/fraud")!)!;
    assert.deepEqual(head.parents, [repo.branchSha("main")]);
    assert.equal(
      head.message,
      "Retrain fraud\n\nRequested by alice in #1 (comment).\n\nnew labels from March\nsee the dashboard",
    );
    assert.deepEqual([...repo.git.flatten(head.tree).keys()].sort(), [
      ".modelkeeper/retrain/fraud.json",
      "README.md",
      "modelkeeper.yml",
    ]);
    assert.deepEqual(JSON.parse(repo.readFile(".modelkeeper/retrain/fraud.json", "modelkeeper/retrain/fraud")!), {
      schema: 1,
      model: "fraud",
      trigger: "comment",
      requested_by: "alice",
      requested_at: EXAMPLE_COMMENT_TIME,
      reason: "new labels from March\nsee the dashboard",
      request_issue: 1,
      drift_issue: null,
      drift: null,
      links: { request: `https://github.com/${FULL_NAME}/issues/1#issuecomment-5001`, drift_report: null },
    });
    assert.equal(
      repo.issue(2).body,
      [
        "## Retrain `fraud`",
        "",
        `Requested by alice through a \`/retrain\` comment in #1, ${EXAMPLE_COMMENT_TIME}.`,
        "",
        "**Why:** new labels from March see the dashboard",
        "",
        `**Links:** [request](https://github.com/${FULL_NAME}/issues/1#issuecomment-5001)`,
        "",
        "The retrain workflow runs on this branch (`modelkeeper/retrain/fraud`): it trains `fraud`, records the new artifact, commits it here and evaluates it against the champion. Merge when the evaluation says promote.",
        "",
        "Closes #1",
      ].join("\n"),
    );
    assert.deepEqual(comments(b.gh, 1), [
      [
        "modelkeeper[bot]",
        "Opened #2 to retrain `fraud` on branch `modelkeeper/retrain/fraud`. The retrain workflow trains, records and evaluates the model there; this issue closes when it merges.",
      ],
    ]);
    assert.deepEqual(writes(b.gh), [
      "POST /repos/{owner}/{repo}/git/trees 201",
      "POST /repos/{owner}/{repo}/git/commits 201",
      "POST /repos/{owner}/{repo}/git/refs 201",
      "POST /repos/{owner}/{repo}/pulls 201",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments 201",
    ]);
    b.gh.assertNoViolations();
  });

  it("escapes the reason: no mention, link or HTML reaches the PR body", async () => {
    const b = await start();
    const issue = openIssue(b, "x");
    await b.send(
      "issue_comment",
      commentEvent(issue, "/retrain churn @team see [this](http://evil) <img src=x>", "carol"),
    );
    const why = b.gh.state
      .repo(FULL_NAME)
      .issue(2)
      .body!.split("\n")
      .find((line) => line.startsWith("**Why:**"))!;
    assert.ok(why.startsWith("**Why:** @\u200bteam see \\[this\\](http:\u200b//evil) &lt;img"), why);
    assert.ok(!/<|(^|[^\\])\]\(|(^|[^\u200b])@team/.test(why), why);
    b.gh.assertNoViolations();
  });

  it("a maintainer may ask; read, triage and non-collaborators get one short reply and nothing else", async () => {
    const b = await start();
    const issue = openIssue(b, "Please retrain");
    for (const [id, user] of [
      [11, "mallory"],
      [12, "tina"],
      [13, "eve"],
    ] as const) {
      const response = await b.send("issue_comment", commentEvent(issue, "/retrain fraud", user, id));
      assert.equal(response.status, 200);
    }
    const denied =
      "Only people with **write** or **admin** permission on this repository can request a retrain. Ask one of them to comment `/retrain <model> [reason]`.";
    assert.deepEqual(comments(b.gh, issue.number), [
      ["modelkeeper[bot]", denied],
      ["modelkeeper[bot]", denied],
      ["modelkeeper[bot]", denied],
    ]);
    assert.deepEqual(retrainBranches(b.gh), []);
    assert.deepEqual(pulls(b.gh), []);
    assert.deepEqual(
      b.gh.requestsTo("repos/get-collaborator-permission-level").map((r) => [r.params.username, r.status]),
      [
        ["mallory", 200],
        ["tina", 200],
        ["eve", 404],
      ],
    );
    // The config is not even read for them.
    assert.equal(b.gh.requestsTo("repos/get-content").length, 0);

    await b.send("issue_comment", commentEvent(issue, "/retrain fraud", "max", 14));
    assert.deepEqual(pulls(b.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
    b.gh.assertNoViolations();
  });

  it("ignores comments from bots (its own included) and comments that are not /retrain, without an API call", async () => {
    const b = await start();
    const issue = openIssue(b, "x");
    assert.equal(
      (await b.send("issue_comment", commentEvent(issue, "/retrain fraud", "modelkeeper[bot]", 21, "Bot"))).status,
      200,
    );
    assert.equal(
      (await b.send("issue_comment", commentEvent(issue, "/retrain fraud", "dependabot[bot]", 22, "Bot"))).status,
      200,
    );
    assert.equal(
      (await b.send("issue_comment", commentEvent(issue, "please /retrain fraud", "alice", 23))).status,
      200,
    );
    assert.equal((await b.send("issue_comment", commentEvent(issue, "/retraining fraud", "alice", 24))).status, 200);
    assert.deepEqual(b.gh.requests, []);
    b.gh.assertNoViolations();
  });

  it("says which model when none is named and the config has several, and names the models for an unknown one", async () => {
    const b = await start();
    const issue = openIssue(b, "x");
    await b.send("issue_comment", commentEvent(issue, "/retrain", "alice", 31));
    await b.send("issue_comment", commentEvent(issue, "/retrain frud typo", "alice", 32));
    assert.deepEqual(comments(b.gh, issue.number), [
      [
        "modelkeeper[bot]",
        "No retrain: which model? `modelkeeper.yml` on `main` defines `fraud`, `churn`. Ask again with `/retrain <model> [reason]`.",
      ],
      [
        "modelkeeper[bot]",
        "No retrain: `frud` is not a model in `modelkeeper.yml` on `main`, which defines `fraud`, `churn`. Ask again with `/retrain <model> [reason]`.",
      ],
    ]);
    assert.deepEqual(pulls(b.gh), []);
    // Both requests read main's tip; the config itself was fetched once (cached by commit).
    assert.equal(b.gh.requestsTo("repos/get-branch").length, 2);
    assert.equal(b.gh.requestsTo("repos/get-content").length, 1);
    b.gh.assertNoViolations();
  });

  it("uses the only model of a one-model config when none is named", async () => {
    const b = await start({
      repos: [
        defaultRepo({
          files: {
            "modelkeeper.yml":
              "models:\n  churn:\n    task: binary\n    artifact: m.onnx\n    label: y\n    data:\n      train: t.csv\n      holdout: h.csv\n",
          },
        }),
      ],
    });
    const issue = openIssue(b, "x");
    await b.send("issue_comment", commentEvent(issue, "/retrain", "alice"));
    assert.deepEqual(pulls(b.gh), [[2, "Retrain churn", "modelkeeper/retrain/churn", "open"]]);
    b.gh.assertNoViolations();
  });

  it("answers an invalid or missing modelkeeper.yml with what is wrong, and opens nothing", async () => {
    const b = await start({
      repos: [
        defaultRepo({
          files: {
            "modelkeeper.yml":
              "models:\n  fraud:\n    task: binary\n    artifact: x.onnx\n    label: y\n    lable: z\n    data:\n      train: t.csv\n      holdout: h.csv\n",
          },
        }),
        defaultRepo({ name: "empty", files: { "README.md": "nothing\n" } }),
      ],
    });
    const issue = openIssue(b, "x");
    await b.send("issue_comment", commentEvent(issue, "/retrain fraud", "alice"));
    assert.deepEqual(comments(b.gh, issue.number), [
      [
        "modelkeeper[bot]",
        [
          "No retrain: `modelkeeper.yml` on `main` is not valid.",
          "",
          "```text",
          'modelkeeper.yml:6: unknown key "models.fraud.lable". Allowed here: task, artifact, train, label, classes, positive, features, data, code, config, evaluate, drift, reproduce, rollout.',
          "```",
          "",
          "Fix it on `main`, then ask again.",
        ].join("\n"),
      ],
    ]);

    const empty = b.gh.state.repo(`${OWNER}/empty`);
    empty.createIssue({ title: "y", user: b.gh.state.user("alice") });
    await b.send(
      "issue_comment",
      webhookPayload("issue_comment.created", {
        repository: { owner: OWNER, name: "empty", defaultBranch: "main" },
        issue: { number: 1, title: "y", body: "", labels: [] },
        comment: { id: 77, body: "/retrain fraud", user: "alice" },
        sender: "alice",
      }),
    );
    assert.deepEqual(
      empty.commentsOn(1).map((c) => c.body.split("\n")[1]),
      [
        "No retrain: there is no `modelkeeper.yml` at the root of `main`. Add one (see the README's Config section), then ask again.",
      ],
    );
    assert.deepEqual(retrainBranches(b.gh), []);
    b.gh.assertNoViolations();
  });
});

describe("drift triggers", () => {
  it("a drift issue opened by the drift command opens the PR, records the drift and answers on the issue", async () => {
    const b = await start();
    const issue = openIssue(b, "Drift in fraud: 1 of 9 features (amount)", {
      body: driftBody("fraud"),
      labels: ["drift"],
      user: "github-actions[bot]",
    });
    const response = await b.send(
      "issues",
      webhookPayload("issues.opened", { repository: REPOSITORY, issue: issue.overrides, sender: DRIFT_BOT }),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(pulls(b.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
    const record = JSON.parse(
      b.gh.state.repo(FULL_NAME).readFile(".modelkeeper/retrain/fraud.json", "modelkeeper/retrain/fraud")!,
    );
    assert.deepEqual(record, {
      schema: 1,
      model: "fraud",
      trigger: "drift-issue",
      requested_by: "github-actions[bot]",
      requested_at: EXAMPLE_ISSUE_TIME,
      reason: null,
      request_issue: 1,
      drift_issue: 1,
      drift: { summary: "Drift in fraud: 1 of 9 features (amount)", report_url: issue.url },
      links: { request: issue.url, drift_report: issue.url },
    });
    assert.match(
      b.gh.state.repo(FULL_NAME).issue(2).body!,
      /\*\*Drift:\*\* Drift in fraud: 1 of 9 features \(amount\)\n[\s\S]*Closes #1$/,
    );
    assert.equal(comments(b.gh, 1).length, 1);
    // No permission question for the drift command's bot.
    assert.equal(b.gh.requestsTo("repos/get-collaborator-permission-level").length, 0);

    // The command updates the issue the next night: the open PR is found, nothing is written.
    const before = writes(b.gh).length;
    await b.send(
      "issues",
      webhookPayload("issues.edited", { repository: REPOSITORY, issue: issue.overrides, sender: DRIFT_BOT }),
    );
    assert.equal(writes(b.gh).length, before);
    assert.equal(comments(b.gh, 1).length, 1);
    b.gh.assertNoViolations();
  });

  it("ignores drift-labelled issues without the drift command's marker, and other labels", async () => {
    const b = await start();
    const plain = openIssue(b, "Is this drift?", { body: "I think amount drifted", labels: ["drift"] });
    await b.send(
      "issues",
      webhookPayload("issues.opened", { repository: REPOSITORY, issue: plain.overrides, sender: "alice" }),
    );
    const marked = openIssue(b, "Drift", { body: driftBody("fraud"), labels: ["drift", "bug"] });
    await b.send(
      "issues",
      webhookPayload("issues.labeled", {
        repository: REPOSITORY,
        issue: marked.overrides,
        label: "bug",
        sender: "alice",
      }),
    );
    assert.deepEqual(b.gh.requests, []);
    b.gh.assertNoViolations();
  });

  it("repository_dispatch modelkeeper-drift opens the PR with the summary and answers on the drift issue", async () => {
    const b = await start();
    const issue = openIssue(b, "Drift in churn", {
      body: driftBody("churn"),
      labels: ["drift"],
      user: "github-actions[bot]",
    });
    const payload = webhookPayload("repository_dispatch", {
      repository: REPOSITORY,
      dispatch: {
        action: "modelkeeper-drift",
        clientPayload: {
          model: "churn",
          summary: "2 of 7 features drifted (tenure: PSI 0.31)",
          report_url: issue.url,
          issue_number: issue.number,
        },
      },
      sender: DRIFT_BOT,
    });
    assert.equal((await b.send("repository_dispatch", payload)).status, 200);
    assert.deepEqual(pulls(b.gh), [[2, "Retrain churn", "modelkeeper/retrain/churn", "open"]]);
    const record = JSON.parse(
      b.gh.state.repo(FULL_NAME).readFile(".modelkeeper/retrain/churn.json", "modelkeeper/retrain/churn")!,
    );
    assert.equal(record.trigger, "drift-dispatch");
    assert.equal(record.requested_at, NOW.toISOString().replace(".000", ""));
    assert.deepEqual(record.drift, { summary: "2 of 7 features drifted (tenure: PSI 0.31)", report_url: issue.url });
    assert.equal(record.drift_issue, 1);
    assert.deepEqual(
      comments(b.gh, 1).map(([, body]) => body.slice(0, 8)),
      ["Opened #"],
    );

    // The drift issue's own webhook, arriving after the dispatch, finds the same PR and stays quiet.
    await b.send(
      "issues",
      webhookPayload("issues.opened", { repository: REPOSITORY, issue: issue.overrides, sender: DRIFT_BOT }),
    );
    assert.equal(pulls(b.gh).length, 1);
    assert.equal(comments(b.gh, 1).length, 1);

    // Other dispatch types and malformed payloads: nothing.
    const requests = b.gh.requests.length;
    await b.send(
      "repository_dispatch",
      webhookPayload("repository_dispatch", {
        repository: REPOSITORY,
        dispatch: { action: "deploy", clientPayload: { model: "fraud" } },
      }),
    );
    await b.send(
      "repository_dispatch",
      webhookPayload("repository_dispatch", {
        repository: REPOSITORY,
        dispatch: { action: "modelkeeper-drift", clientPayload: { summary: "no model" } },
      }),
    );
    assert.equal(b.gh.requests.length, requests);
    b.gh.assertNoViolations();
  });
});

describe("the retrain issue form", () => {
  it("opens the PR for the model named in the form, and a second request for it is linked to the open PR", async () => {
    const b = await start();
    const form = openIssue(b, "Retrain: ", {
      body: "### Model\n\nchurn\n\n### Why\n\nQ1 data is in",
      labels: ["modelkeeper-retrain"],
    });
    await b.send(
      "issues",
      webhookPayload("issues.opened", { repository: REPOSITORY, issue: form.overrides, sender: "alice" }),
    );
    assert.deepEqual(pulls(b.gh), [[2, "Retrain churn", "modelkeeper/retrain/churn", "open"]]);
    const record = JSON.parse(
      b.gh.state.repo(FULL_NAME).readFile(".modelkeeper/retrain/churn.json", "modelkeeper/retrain/churn")!,
    );
    assert.equal(record.trigger, "issue-form");
    assert.equal(record.reason, "Q1 data is in");

    const again = openIssue(b, "Retrain: churn", {
      body: "### Model\n\nchurn\n\n### Why\n\n_No response_",
      labels: ["modelkeeper-retrain"],
      user: "carol",
    });
    await b.send(
      "issues",
      webhookPayload("issues.opened", { repository: REPOSITORY, issue: again.overrides, sender: "carol" }),
    );
    assert.deepEqual(pulls(b.gh), [[2, "Retrain churn", "modelkeeper/retrain/churn", "open"]]);
    assert.deepEqual(comments(b.gh, again.number), [
      [
        "modelkeeper[bot]",
        "A retrain pull request for `churn` is already open: #2. It covers this request; no second one was opened.",
      ],
    ]);
    b.gh.assertNoViolations();
  });

  it("a form issue from someone without write access gets the short reply", async () => {
    const b = await start();
    const form = openIssue(b, "Retrain: fraud", {
      body: "### Model\n\nfraud\n\n### Why\n\nplease",
      labels: ["modelkeeper-retrain"],
      user: "mallory",
    });
    await b.send(
      "issues",
      webhookPayload("issues.opened", { repository: REPOSITORY, issue: form.overrides, sender: "mallory" }),
    );
    assert.deepEqual(
      comments(b.gh, form.number).map(([, body]) => body.slice(0, 20)),
      ["Only people with **w"],
    );
    assert.deepEqual(pulls(b.gh), []);
    b.gh.assertNoViolations();
  });
});

describe("idempotence and concurrency", () => {
  it("a redelivery (same delivery id) makes no API call; a new delivery of the same request writes nothing", async () => {
    const b = await start();
    const issue = openIssue(b, "x");
    const payload = commentEvent(issue, "/retrain fraud", "alice");
    await b.send("issue_comment", payload, { deliveryId: "d-1" });
    const afterFirst = b.gh.requests.length;
    assert.equal((await b.send("issue_comment", payload, { deliveryId: "d-1" })).status, 200);
    assert.equal(b.gh.requests.length, afterFirst);

    const writesBefore = writes(b.gh).length;
    await b.send("issue_comment", payload, { deliveryId: "d-2" });
    assert.equal(writes(b.gh).length, writesBefore);
    assert.deepEqual(retrainBranches(b.gh), ["refs/heads/modelkeeper/retrain/fraud"]);
    assert.equal(pulls(b.gh).length, 1);
    assert.equal(comments(b.gh, issue.number).length, 1);
    b.gh.assertNoViolations();
  });

  it("20 deliveries of the same request at once: one branch, one PR, one comment", async () => {
    const b = await start();
    const issue = openIssue(b, "x");
    const payload = commentEvent(issue, "/retrain fraud", "alice");
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => b.send("issue_comment", payload, { deliveryId: `burst-${i}` })),
    );
    assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([200]));
    assert.deepEqual(retrainBranches(b.gh), ["refs/heads/modelkeeper/retrain/fraud"]);
    assert.deepEqual(pulls(b.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
    assert.equal(comments(b.gh, issue.number).length, 1);
    assert.equal(b.gh.requestsTo("pulls/create").length, 1);
    assert.equal(b.gh.requestsTo("git/create-ref").length, 1);
    b.gh.assertNoViolations();
  });

  it("treats 'Reference already exists' from another process as an outcome: the open PR is linked", async () => {
    const b = await start();
    const repo = b.gh.state.repo(FULL_NAME);
    const issue = openIssue(b, "x");
    // Another bot process opened the PR just after this one looked for it.
    repo.createBranch("modelkeeper/retrain/fraud");
    repo.commitFiles({
      branch: "modelkeeper/retrain/fraud",
      message: "other process",
      files: { ".modelkeeper/retrain/fraud.json": "{}\n" },
    });
    repo.createPull({
      title: "Retrain fraud",
      head: "modelkeeper/retrain/fraud",
      base: "main",
      user: b.gh.state.app.bot,
    });
    const othersHead = repo.branchSha("modelkeeper/retrain/fraud");
    b.gh.failNext({ operationId: "pulls/list" }, [{ status: 200, body: [] }]);
    assert.equal((await b.send("issue_comment", commentEvent(issue, "/retrain fraud", "alice"))).status, 200);
    assert.deepEqual(pulls(b.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
    assert.equal(repo.branchSha("modelkeeper/retrain/fraud"), othersHead);
    assert.deepEqual(comments(b.gh, issue.number), [
      [
        "modelkeeper[bot]",
        "A retrain pull request for `fraud` is already open: #2. It covers this request; no second one was opened.",
      ],
    ]);
    assert.deepEqual(
      b.gh.requests
        .filter((r) => r.method !== "GET" || r.operationId === "pulls/list")
        .map((r) => [r.operationId, r.status]),
      [
        ["apps/create-installation-access-token", 201],
        ["pulls/list", 200],
        ["git/create-tree", 201],
        ["git/create-commit", 201],
        ["git/create-ref", 422],
        ["pulls/list", 200],
        ["issues/create-comment", 201],
      ],
    );
    b.gh.assertNoViolations();
  });

  it("treats 'A pull request already exists' as an outcome: the existing PR is answered with", async () => {
    const b = await start();
    const repo = b.gh.state.repo(FULL_NAME);
    const issue = openIssue(b, "x");
    // The other process's PR stays invisible to both lookups, so this one moves the branch and
    // then meets GitHub's one-open-PR-per-branch rule. The PR now carries this request's commit.
    repo.createBranch("modelkeeper/retrain/fraud");
    repo.commitFiles({
      branch: "modelkeeper/retrain/fraud",
      message: "other process",
      files: { ".modelkeeper/retrain/fraud.json": "{}\n" },
    });
    repo.createPull({
      title: "Retrain fraud",
      head: "modelkeeper/retrain/fraud",
      base: "main",
      user: b.gh.state.app.bot,
    });
    b.gh.failNext({ operationId: "pulls/list" }, [
      { status: 200, body: [] },
      { status: 200, body: [] },
    ]);
    assert.equal((await b.send("issue_comment", commentEvent(issue, "/retrain fraud", "alice"))).status, 200);
    assert.deepEqual(pulls(b.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
    assert.deepEqual(
      comments(b.gh, issue.number).map(([, body]) => body.slice(0, 9)),
      ["Opened #2"],
    );
    assert.deepEqual(
      b.gh.requests
        .filter((r) => r.method !== "GET" || r.operationId === "pulls/list")
        .map((r) => [r.operationId, r.status]),
      [
        ["apps/create-installation-access-token", 201],
        ["pulls/list", 200],
        ["git/create-tree", 201],
        ["git/create-commit", 201],
        ["git/create-ref", 422],
        ["pulls/list", 200],
        ["git/update-ref", 200],
        ["pulls/create", 422],
        ["pulls/list", 200],
        ["issues/create-comment", 201],
      ],
    );
    b.gh.assertNoViolations();
  });

  it("moves a branch left over from an earlier, merged retrain and opens a new PR", async () => {
    const b = await start();
    const repo = b.gh.state.repo(FULL_NAME);
    repo.createBranch("modelkeeper/retrain/fraud");
    const stale = repo.commitFiles({ branch: "modelkeeper/retrain/fraud", message: "old", files: { "old.txt": "x" } });
    const issue = openIssue(b, "x");
    await b.send("issue_comment", commentEvent(issue, "/retrain fraud again", "alice"));
    assert.deepEqual(pulls(b.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
    const tip = repo.git.commit(repo.branchSha("modelkeeper/retrain/fraud")!)!;
    assert.notEqual(repo.branchSha("modelkeeper/retrain/fraud"), stale);
    assert.deepEqual(tip.parents, [repo.branchSha("main")]);
    assert.deepEqual(
      b.gh.requests.filter((r) => r.operationId?.endsWith("-ref")).map((r) => [r.operationId, r.status]),
      [
        ["git/create-ref", 422],
        ["git/update-ref", 200],
      ],
    );
    b.gh.assertNoViolations();
  });
});

describe("signatures", () => {
  it("rejects a bad or missing signature with a 4xx before any API call", async () => {
    const b = await start();
    const issue = openIssue(b, "x");
    const payload = commentEvent(issue, "/retrain fraud", "alice");
    const bad = await b.send("issue_comment", payload, { signature: "invalid" });
    const missing = await b.send("issue_comment", payload, { signature: "missing" });
    const garbage = await b.send("issue_comment", payload, { signature: "sha256=00" });
    for (const response of [bad, missing, garbage])
      assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}`);
    assert.deepEqual(b.gh.requests, []);
    assert.deepEqual(pulls(b.gh), []);
    b.gh.assertNoViolations();
  });
});

describe("API faults", () => {
  it("retries 5xx and a secondary rate limit without duplicating the PR or the comment", async () => {
    const b = await start();
    const issue = openIssue(b, "x");
    b.gh.failNext({ operationId: "repos/get-branch" }, [{ status: 502 }]);
    b.gh.failNext({ operationId: "git/create-ref" }, [{ status: 403, secondaryRateLimit: true }]);
    // GitHub's worst case: the PR and the comment are stored, then the answer is a 500.
    b.gh.failNext({ operationId: "pulls/create" }, [{ status: 500, afterSideEffect: true }]);
    b.gh.failNext({ operationId: "issues/create-comment" }, [{ status: 503 }, { status: 500, afterSideEffect: true }]);
    const response = await b.send("issue_comment", commentEvent(issue, "/retrain fraud", "alice"));
    assert.equal(response.status, 200);
    assert.deepEqual(retrainBranches(b.gh), ["refs/heads/modelkeeper/retrain/fraud"]);
    assert.deepEqual(pulls(b.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
    assert.deepEqual(
      comments(b.gh, issue.number).map(([, body]) => body.slice(0, 9)),
      ["Opened #2"],
    );
    assert.deepEqual(
      b.gh.requests
        .filter((r) =>
          ["repos/get-branch", "git/create-ref", "pulls/create", "issues/create-comment"].includes(r.operationId!),
        )
        .map((r) => [r.operationId, r.status]),
      [
        ["repos/get-branch", 502],
        ["repos/get-branch", 200],
        ["git/create-ref", 403],
        ["git/create-ref", 201],
        ["pulls/create", 500],
        ["pulls/create", 422],
        ["issues/create-comment", 503],
        ["issues/create-comment", 500],
      ],
    );
    b.gh.assertNoViolations();
  });

  it("gives up on a persistent 5xx with an error status, and a later delivery completes the work", async () => {
    const b = await start();
    const issue = openIssue(b, "x");
    b.gh.failNext({ operationId: "pulls/create" }, [
      { status: 502 },
      { status: 502 },
      { status: 502 },
      { status: 502 },
    ]);
    const payload = commentEvent(issue, "/retrain fraud", "alice");
    const failed = await b.send("issue_comment", payload, { deliveryId: "x-1" });
    assert.equal(failed.status, 502);
    assert.equal(b.gh.requestsTo("pulls/create").length, 4);
    assert.deepEqual(pulls(b.gh), []);
    // Redelivery of the failed delivery: the branch is there, without a PR; it is reused.
    const redelivered = await b.send("issue_comment", payload, { deliveryId: "x-1" });
    assert.equal(redelivered.status, 200);
    assert.deepEqual(retrainBranches(b.gh), ["refs/heads/modelkeeper/retrain/fraud"]);
    assert.deepEqual(pulls(b.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
    assert.equal(comments(b.gh, issue.number).length, 1);
    b.gh.assertNoViolations();
  });
});

describe("after merge", () => {
  it("comments on the request issue and closes the drift issue; a redelivery changes nothing", async () => {
    const b = await start();
    const repo = b.gh.state.repo(FULL_NAME);
    const drift = openIssue(b, "Drift in fraud", {
      body: driftBody("fraud"),
      labels: ["drift"],
      user: "github-actions[bot]",
    });
    await b.send("issue_comment", commentEvent(drift, "/retrain", "alice"));
    assert.deepEqual(pulls(b.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);

    b.gh.events.length = 0;
    repo.mergePull(2, { method: "squash" }, b.gh.state.user("carol"));
    const merged = b.gh.events.find((e) => e.name === "pull_request" && e.action === "closed")!;
    const mergeSha = repo.pull(2).mergeCommitSha!;
    assert.equal((await b.send("pull_request", merged.payload)).status, 200);
    assert.deepEqual(comments(b.gh, 1), [
      [
        "modelkeeper[bot]",
        "Opened #2 to retrain `fraud` on branch `modelkeeper/retrain/fraud`. The retrain workflow trains, records and evaluates the model there; this issue closes when it merges.",
      ],
      ["modelkeeper[bot]", `#2 was merged (merge commit ${mergeSha.slice(0, 7)}): \`fraud\` is retrained.`],
    ]);
    assert.equal(repo.issue(1).state, "closed");
    assert.equal(repo.issue(1).stateReason, "completed");
    assert.equal(repo.issue(1).closedBy?.login, "modelkeeper[bot]");

    const writesBefore = writes(b.gh).length;
    await b.send("pull_request", merged.payload);
    assert.equal(writes(b.gh).length, writesBefore);
    b.gh.assertNoViolations();
  });

  it("ignores PRs merged from other branches or from a fork, closed unmerged, or merged elsewhere than the default branch", async () => {
    const b = await start();
    const closed = (pullRequest: NonNullable<WebhookOverrides["pullRequest"]>) =>
      webhookPayload("pull_request.closed", {
        repository: REPOSITORY,
        pullRequest: { number: 9, base: { ref: "main" }, ...pullRequest },
      });
    const fromFork = closed({ merged: true, head: { ref: "modelkeeper/retrain/fraud" } });
    fromFork.pull_request.head.repo = { ...fromFork.pull_request.head.repo, full_name: "mallory/fraud-detection" };
    await b.send("pull_request", closed({ merged: true, head: { ref: "feature/x" } }));
    await b.send("pull_request", closed({ merged: false, head: { ref: "modelkeeper/retrain/fraud" } }));
    await b.send(
      "pull_request",
      closed({ merged: true, head: { ref: "modelkeeper/retrain/fraud" }, base: { ref: "release" } }),
    );
    await b.send("pull_request", fromFork);
    assert.deepEqual(b.gh.requests, []);
    b.gh.assertNoViolations();
  });
});
