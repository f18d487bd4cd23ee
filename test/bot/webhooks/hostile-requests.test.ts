// The webhook endpoint against requests no honest GitHub sends, over real HTTP to the running bot:
// oversized bodies (declared or chunked) get 413 before they are buffered, bad signatures 400,
// validly signed bodies without the fields the bot reads 400 (not 500), and only trusted accounts
// can make the bot act. Payloads are @octokit/webhooks-examples shapes.
import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { botSettings } from "../../../bot/settings.ts";
import { webhookPayload } from "../../support/webhooks.ts";
import { comments, FULL_NAME, OWNER, pulls, REPO, startBot, type RunningBot } from "../support/bot-harness.ts";

const REPOSITORY = { owner: OWNER, name: REPO, defaultBranch: "main" };
const MB = 1024 * 1024;
let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/**
 * POSTs a body of `bodyBytes` spaces in 1 MB chunks (with a Content-Length header unless `chunked`),
 * pausing after `pauseAfter` bytes until the server answers, and resolves with the status and how
 * many bytes the client had written by then.
 */
function postLarge(
  url: string,
  bodyBytes: number,
  options: { chunked?: boolean; signature?: string; pauseAfter?: number } = {},
) {
  return new Promise<{ status: number; body: string; written: number }>((resolve, reject) => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-github-event": "issues",
      "x-github-delivery": "d-large",
      "x-hub-signature-256": options.signature ?? `sha256=${"0".repeat(64)}`,
    };
    if (!options.chunked) headers["content-length"] = String(bodyBytes);
    const req = request(url, { method: "POST", headers });
    let written = 0;
    let answered = false;
    const chunk = Buffer.alloc(MB, 0x20);
    const pump = () => {
      while (!answered && written < bodyBytes) {
        if (options.pauseAfter !== undefined && written >= options.pauseAfter) return;
        const part = chunk.subarray(0, Math.min(MB, bodyBytes - written));
        written += part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    req.on("response", (response) => {
      answered = true;
      let body = "";
      const done = () => {
        req.destroy();
        resolve({ status: response.statusCode ?? 0, body, written });
      };
      response
        .on("data", (d) => (body += d))
        .on("end", done)
        .on("error", done);
    });
    // The server closes once it has answered; a write racing that close fails, the answer still counts.
    req.on("error", (error) => setTimeout(() => (answered ? undefined : reject(error)), 500));
    pump();
  });
}

describe("webhook endpoint under hostile requests", () => {
  it("refuses a declared 30 MB body with 413 before reading it, and cuts a chunked one off at the cap", async () => {
    const b = (bot = await startBot());
    // The client sends 1 MB of the 30 it declares and waits: the answer comes without the rest.
    const declared = await postLarge(b.url, 30 * MB, { pauseAfter: MB });
    assert.equal(declared.status, 413);
    assert.match(declared.body, /larger than 26214400 bytes/);
    assert.equal(declared.written, MB);

    // Without a length, the server reads up to the cap and answers once past it (the client pauses
    // just past the cap; a client that keeps writing would see the connection close).
    const chunked = await postLarge(b.url, 40 * MB, { chunked: true, pauseAfter: 26 * MB });
    assert.equal(chunked.status, 413);
    assert.equal(chunked.written, 26 * MB);
    assert.equal(b.gh.requests.length, 0);
  });

  it("refuses a body whose signature does not match with 400, and never calls GitHub", async () => {
    const b = (bot = await startBot());
    const payload = webhookPayload("issues.opened", { repository: REPOSITORY, sender: "alice" });
    assert.equal((await b.send("issues", payload, { signature: "invalid" })).status, 400);
    assert.equal((await b.send("issues", payload, { signature: "missing" })).status, 400);
    assert.equal((await b.send("issues", payload, { signature: "sha256=zz" })).status, 400);
    assert.equal(b.gh.requests.length, 0);
  });

  it("answers validly signed but malformed payloads with 400 naming the field", async () => {
    const b = (bot = await startBot());
    const noIssue = webhookPayload("issue_comment.created", { repository: REPOSITORY, sender: "alice" });
    delete noIssue.issue;
    const missing = await b.send("issue_comment", noIssue);
    assert.equal(missing.status, 400);
    assert.match(missing.body, /payload\.issue must be an object \(got undefined\)/);

    const wrongType = webhookPayload("issue_comment.created", { repository: REPOSITORY, sender: "alice" });
    wrongType.comment.body = 42;
    const mistyped = await b.send("issue_comment", wrongType);
    assert.equal(mistyped.status, 400);
    assert.match(mistyped.body, /payload\.comment\.body must be a string \(got number\)/);

    for (const text of ["{not json", "[1,2]", "null"]) {
      const response = await b.send("issues", text);
      assert.equal(response.status, 400, text);
    }
    assert.equal(b.gh.requests.filter((r) => r.auth === "installation" && r.method !== "GET").length, 0);
  });
});

describe("whom the bot trusts", () => {
  const driftBody = "<!-- modelkeeper:drift:fraud -->\n## Drift report\n";
  function driftIssue(b: RunningBot, login: string) {
    const repo = b.gh.state.repo(FULL_NAME);
    const issue = repo.createIssue({
      title: "Drift in fraud",
      body: driftBody,
      labels: ["drift"],
      user: b.gh.state.user(login, "Bot"),
    });
    return webhookPayload("issues.opened", {
      repository: REPOSITORY,
      issue: { number: issue.number, title: "Drift in fraud", body: driftBody, labels: ["drift"], user: login },
      sender: { login, type: "Bot" },
    });
  }

  it("ignores a drift issue from any bot account but its own and the listed ones: no PR, no reply", async () => {
    const b = (bot = await startBot({ settings: botSettings({}) }));
    for (const login of ["other-app[bot]", "github-actions[bot]", "dependabot[bot]"]) {
      assert.equal((await b.send("issues", driftIssue(b, login))).status, 200);
    }
    assert.deepEqual(pulls(b.gh), []);
    assert.deepEqual(
      [1, 2, 3].flatMap((n) => comments(b.gh, n)),
      [],
    );
  });

  it("trusts the app's own bot account (its slug asked of GET /app) and an account listed in TRUSTED_ACCOUNTS", async () => {
    const own = (bot = await startBot({ settings: botSettings({}) }));
    assert.equal((await own.send("issues", driftIssue(own, "modelkeeper[bot]"))).status, 200);
    assert.deepEqual(pulls(own.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
    assert.ok(
      own.gh.requests.some((r) => r.route === "GET /app"),
      "GET /app was asked",
    );
    await own.close();

    const listed = (bot = await startBot({ settings: botSettings({ TRUSTED_ACCOUNTS: "Release-Robot[bot]" }) }));
    assert.equal((await listed.send("issues", driftIssue(listed, "release-robot[bot]"))).status, 200);
    assert.deepEqual(pulls(listed.gh), [[2, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
    listed.gh.assertNoViolations();
  });
});
