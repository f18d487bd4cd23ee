// `npm start` as an operator starts it: the bot compiled by scripts/build-bot.mjs and run by plain
// Node (no TypeScript loader) in its own process, configured only by the standard Probot environment, talking to the stand-in as a GitHub Enterprise host (GHE_HOST,
// GHE_PROTOCOL=http: requests arrive under /api/v3), app JWT signatures verified by the stand-in.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-standin/index.ts";
import { sendWebhook, webhookPayload } from "../support/webhooks.ts";
import { APP_ID, defaultRepo, FULL_NAME, OWNER, privateKey, REPO, SECRET } from "./support/bot-harness.ts";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
// Inside the project, so that the compiled files find node_modules as build/bot/ does.
const outdir = join(projectRoot, "build", `test-server-${process.pid}`);
const server = join(outdir, "server.js");

before(() => {
  const built = spawnSync(process.execPath, ["scripts/build-bot.mjs", "--outdir", outdir], {
    cwd: projectRoot,
    encoding: "utf8",
  });
  assert.equal(built.status, 0, built.stderr);
});
after(() => rmSync(outdir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitForPing(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the bot did not start listening within 15 s");
}

describe("npm start (compiled bot/server.ts)", () => {
  let gh: GitHubStandIn;
  let child: ChildProcess;
  let base: string;

  before(async () => {
    gh = await startGitHubStandIn({ app: { id: APP_ID, privateKey: privateKey() }, repos: [defaultRepo()] });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [server], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH,
        APP_ID: String(APP_ID),
        PRIVATE_KEY: privateKey(),
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        HOST: "127.0.0.1",
        GHE_HOST: gh.gheHost,
        GHE_PROTOCOL: "http",
        LOG_LEVEL: "fatal",
        NODE_ENV: "production",
      },
      stdio: "ignore",
    });
    await waitForPing(`${base}/ping`, child);
  });

  after(async () => {
    child.kill("SIGTERM");
    await gh.close();
  });

  it("verifies signatures and opens the retrain PR through the GHE API path", async () => {
    gh.state.repo(FULL_NAME).createIssue({ title: "Retrain please", user: gh.state.user("alice") });
    const payload = webhookPayload("issue_comment.created", {
      repository: { owner: OWNER, name: REPO, defaultBranch: "main" },
      issue: { number: 1, title: "Retrain please", body: "", labels: [] },
      comment: { id: 4000, body: "/retrain fraud", user: "alice" },
      sender: "alice",
    });
    const url = `${base}/api/github/webhooks`;
    const bad = await sendWebhook(url, { event: "issue_comment", payload, secret: SECRET, signature: "invalid" });
    const missing = await sendWebhook(url, { event: "issue_comment", payload, secret: SECRET, signature: "missing" });
    assert.deepEqual([bad.status, missing.status], [400, 400]);
    assert.equal(gh.requests.length, 0);

    const good = await sendWebhook(url, { event: "issue_comment", payload, secret: SECRET });
    assert.equal(good.status, 200);
    const repo = gh.state.repo(FULL_NAME);
    assert.equal(repo.issue(2).title, "Retrain fraud");
    assert.equal(repo.issue(2).user.login, "modelkeeper[bot]");
    assert.deepEqual(gh.requests[0].route, "POST /app/installations/{installation_id}/access_tokens");
    assert.equal(gh.requests[0].auth, "jwt");
    gh.assertNoViolations();
  });
});

describe("bot/server.ts without its settings", () => {
  it("exits 2 and names each missing variable", () => {
    const result = spawnSync(process.execPath, [server], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, APP_ID: "12" },
      encoding: "utf8",
    });
    assert.equal(result.status, 2);
    assert.equal(
      result.stderr,
      [
        "modelkeeper bot: cannot start, missing environment variables:",
        "  - PRIVATE_KEY (the .pem text) or PRIVATE_KEY_PATH (its file): generate one on the GitHub App's settings page",
        "  - WEBHOOK_SECRET: the webhook secret entered when the GitHub App was created (signatures are checked with it)",
        'See docs/bot.md ("Install the app").',
        "",
      ].join("\n"),
    );
  });
});

describe("Probot's setup mode", () => {
  it("starts without APP_ID outside production and offers to register the app from the root app.yml", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [server], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "fatal", WEBHOOK_PROXY_URL: "" },
      stdio: "ignore",
    });
    try {
      await waitForPing(`http://127.0.0.1:${port}/ping`, child);
      const page = await (await fetch(`http://127.0.0.1:${port}/probot`)).text();
      // The manifest the page posts to GitHub is app.yml's, with this host's webhook URL.
      const manifest = JSON.parse(
        /name="manifest"[^>]*value='([^']*)'/s.exec(page)?.[1] ??
          /value="([^"]*)"/.exec(page)?.[1]?.replaceAll("&quot;", '"') ??
          "{}",
      );
      assert.equal(manifest.name, "modelkeeper");
      assert.deepEqual(manifest.default_events, ["issues", "issue_comment", "pull_request"]);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
