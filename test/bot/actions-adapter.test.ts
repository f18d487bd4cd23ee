// The bot inside a workflow: the event from GITHUB_EVENT_PATH, the token from GITHUB_TOKEN (a
// `ghs_…` token, which the stand-in treats as the workflow's github-actions[bot]), the API from
// GITHUB_API_URL. In-process through runInWorkflow, and once as the job runs it: bot/actions.ts.
import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runInWorkflow, workflowEvent } from "../../bot/actions-adapter.ts";
import { retrainBot } from "../../bot/index.ts";
import { pino } from "pino";
import type { Logger } from "probot";
import { botOctokit } from "../../bot/octokit.ts";
import { isUserError } from "../../src/errors.ts";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-standin/index.ts";
import { webhookPayload } from "../support/webhooks.ts";
import { defaultRepo, FAST_OCTOKIT, FULL_NAME, NOW, OWNER, REPO } from "./support/bot-harness.ts";

const WORKFLOW_TOKEN = "ghs_workflowtokenfortests000000000001";
const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

let gh: GitHubStandIn | undefined;
let dir: string | undefined;
afterEach(async () => {
  await gh?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  gh = undefined;
  dir = undefined;
});

async function setUp(): Promise<{
  gh: GitHubStandIn;
  env: (event: string, payload: object) => Promise<NodeJS.ProcessEnv>;
}> {
  gh = await startGitHubStandIn({ repos: [defaultRepo()] });
  dir = await mkdtemp(join(tmpdir(), "mk-bot-actions-"));
  const standIn = gh;
  const workDir = dir;
  let n = 0;
  return {
    gh: standIn,
    env: async (event, payload) => {
      const path = join(workDir, `event-${++n}.json`);
      await writeFile(path, JSON.stringify(payload));
      return {
        GITHUB_TOKEN: WORKFLOW_TOKEN,
        GITHUB_EVENT_NAME: event,
        GITHUB_EVENT_PATH: path,
        GITHUB_API_URL: standIn.url,
        GITHUB_RUN_ID: "9100",
        GITHUB_RUN_ATTEMPT: String(n),
        LOG_LEVEL: "fatal",
      };
    },
  };
}

const fastBot = () => retrainBot({ now: () => NOW, retry: { attempts: 4, baseMs: 1 }, runsIn: "workflow" });

/** A workflow's event payload: what GitHub delivers to webhooks, minus the installation. */
function commentEvent(issue: number, body: string, user: string) {
  return webhookPayload("issue_comment.created", {
    repository: { owner: OWNER, name: REPO, defaultBranch: "main" },
    issue: { number: issue, title: "Retrain please", body: "", labels: [] },
    comment: { id: 300 + issue, body, user },
    sender: user,
    installationId: null,
  });
}

/** A pino logger (Probot's) that keeps each line's message. */
function capturedLog(): { log: Logger; messages: string[] } {
  const messages: string[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => void messages.push(JSON.parse(line).msg) });
  return { log, messages };
}

describe("runInWorkflow", () => {
  it("logs the event, what the handler did and how it ended, to the job's log", async () => {
    const { gh, env } = await setUp();
    gh.state.repo(FULL_NAME).createIssue({ title: "Retrain please", user: gh.state.user("alice") });
    const { log, messages } = capturedLog();
    await runInWorkflow(fastBot(), await env("issue_comment", commentEvent(1, "/retrain fraud", "alice")), {
      Octokit: botOctokit(FAST_OCTOKIT),
      log,
    });
    assert.deepEqual(messages, [
      "modelkeeper bot: issue_comment.created event (run 9100.1)",
      "retrain request opened pull request #2",
      "modelkeeper bot: issue_comment.created handled",
    ]);
  });

  it("handles the workflow's event with GITHUB_TOKEN: PR and comment by github-actions[bot], and completes after merge", async () => {
    const { gh, env } = await setUp();
    const repo = gh.state.repo(FULL_NAME);
    repo.createIssue({ title: "Retrain please", user: gh.state.user("alice") });
    await runInWorkflow(fastBot(), await env("issue_comment", commentEvent(1, "/retrain fraud", "alice")), {
      Octokit: botOctokit(FAST_OCTOKIT),
    });

    assert.equal(repo.issue(2).title, "Retrain fraud");
    assert.equal(repo.issue(2).user.login, "github-actions[bot]");
    assert.deepEqual(
      repo.commentsOn(1).map((c) => [c.user.login, c.body.split("\n")[1].slice(0, 9)]),
      [["github-actions[bot]", "Opened #2"]],
    );
    assert.ok(gh.requests.every((r) => r.auth === "token" && r.actor === "github-actions[bot]"));

    gh.events.length = 0;
    repo.mergePull(2, {}, gh.state.user("carol"));
    const merged = gh.events.find((e) => e.name === "pull_request" && e.action === "closed")!;
    delete merged.payload.installation;
    await runInWorkflow(fastBot(), await env("pull_request", merged.payload), { Octokit: botOctokit(FAST_OCTOKIT) });
    assert.deepEqual(
      repo.commentsOn(1).map((c) => c.body.split("\n")[1].slice(0, 15)),
      ["Opened #2 to re", "#2 was merged ("],
    );
    gh.assertNoViolations();
  });

  it("rejects when a handler fails, so the job fails", async () => {
    const { gh, env } = await setUp();
    gh.state.repo(FULL_NAME).createIssue({ title: "Retrain please", user: gh.state.user("alice") });
    gh.failNext({ operationId: "repos/get-branch" }, [
      { status: 500 },
      { status: 500 },
      { status: 500 },
      { status: 500 },
    ]);
    await assert.rejects(
      runInWorkflow(fastBot(), await env("issue_comment", commentEvent(1, "/retrain fraud", "alice")), {
        Octokit: botOctokit(FAST_OCTOKIT),
      }),
      (error: Error) => error.message.includes("Server Error"),
    );
    assert.equal(gh.requestsTo("repos/get-branch").length, 4);
    gh.assertNoViolations();
  });

  it("says which setting is missing", async () => {
    const { env } = await setUp();
    const good = await env("issue_comment", commentEvent(1, "/retrain", "alice"));
    await assert.rejects(
      runInWorkflow(fastBot(), { ...good, GITHUB_TOKEN: undefined }),
      (e: Error) => isUserError(e) && /GITHUB_TOKEN is not set/.test(e.message),
    );
    assert.throws(
      () => workflowEvent({ ...good, GITHUB_EVENT_PATH: undefined }),
      (e: Error) => isUserError(e) && /GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set/.test(e.message),
    );
    assert.throws(
      () => workflowEvent({ ...good, GITHUB_EVENT_PATH: join(dir!, "missing.json") }),
      (e: Error) =>
        isUserError(e) &&
        e.message.startsWith(`GITHUB_EVENT_PATH ${join(dir!, "missing.json")}: cannot read the event payload`),
    );
    assert.deepEqual(workflowEvent(good).id, "9100.1");
  });
});

describe("bot/actions.ts (the workflow entry)", () => {
  it("exits 0 after handling the event, and 2 without a token", async () => {
    const { gh, env } = await setUp();
    gh.state.repo(FULL_NAME).createIssue({ title: "Retrain please", user: gh.state.user("alice") });
    const run = (environment: NodeJS.ProcessEnv) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "bot/actions.ts")], {
          cwd: projectRoot,
          env: { PATH: process.env.PATH, ...environment },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.on("close", (code) => resolve({ code, stdout }));
      });
    const handled = await run(await env("issue_comment", commentEvent(1, "/retrain churn", "alice")));
    assert.equal(handled.code, 0);
    assert.equal(gh.state.repo(FULL_NAME).issue(2).title, "Retrain churn");

    const noToken = await run({
      ...(await env("issue_comment", commentEvent(1, "/retrain churn", "alice"))),
      GITHUB_TOKEN: "",
    });
    assert.equal(noToken.code, 2);
    assert.match(noToken.stdout, /::error::GITHUB_TOKEN is not set/);
    gh.assertNoViolations();
  });
});
