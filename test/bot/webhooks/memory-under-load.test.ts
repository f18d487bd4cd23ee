// Memory stays flat under many large unsigned deliveries: the bot runs in its own process
// (support/bot-process.ts) and receives LOAD_REQUESTS (default 200) unsigned POSTs of 20-30 MB,
// 25 at a time, over real HTTP. Each is refused (400 bad signature, 413 over 25 MB, 503 over the
// shared buffer budget, or the connection closed on a client still writing); none is handled. The
// process's peak RSS (VmHWM) may grow by at most the buffer budget (4 x 25 MB) plus 60 MB, and a
// validly signed /retrain comment afterwards still opens its PR. The README's bot section quotes
// the figures this prints:
//   LOAD_REQUESTS=200 node scripts/test.mjs test/bot/webhooks/memory-under-load.test.ts
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { fork } from "node:child_process";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { sendWebhook, webhookPayload } from "../../support/webhooks.ts";
import { FULL_NAME, OWNER, REPO, SECRET } from "../support/bot-harness.ts";

const MB = 1024 * 1024;
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 200);
const CONCURRENCY = 25;
const BUDGET = 4 * 25 * MB;

interface Memory {
  rssBytes: number;
  peakRssBytes: number;
}

/** One unsigned POST of `bytes`, written as fast as the server takes it; its status, or "closed". */
function unsignedPost(url: string, bytes: number, chunk: Buffer): Promise<number | "closed"> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": String(bytes),
        "x-github-event": "issues",
        "x-github-delivery": `load-${bytes}`,
        "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
      },
    });
    let settled = false;
    const settle = (result: number | "closed") => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve(result);
    };
    let written = 0;
    const pump = () => {
      while (!settled && written < bytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - written));
        written += part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
      if (!settled) req.end();
    };
    req.on("response", (response) => settle(response.statusCode ?? 0));
    req.on("error", () => settle("closed"));
    pump();
  });
}

describe("bot memory under load", () => {
  it(`${REQUESTS} unsigned 20-30 MB POSTs: all refused, peak RSS within the buffer budget, the bot still works`, async () => {
    const child = fork(fileURLToPath(new URL("../support/bot-process.ts", import.meta.url)), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const ask = <T>(message: string, key: string) =>
      new Promise<T>((resolve) => {
        const listener = (reply: any) => {
          if (reply && key in reply) {
            child.off("message", listener);
            resolve(reply[key]);
          }
        };
        child.on("message", listener);
        if (message) child.send(message);
      });
    try {
      const url = await ask<string>("", "url");
      const before = await ask<Memory>("memory", "memory");

      const chunk = Buffer.alloc(MB, 0x20);
      const outcomes = new Map<number | "closed", number>();
      let next = 0;
      const sizes = Array.from(
        { length: REQUESTS },
        (_, i) => 20 * MB + Math.round((i * 10 * MB) / Math.max(1, REQUESTS - 1)),
      );
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < sizes.length) {
            const outcome = await unsignedPost(url, sizes[next++], chunk);
            outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          }
        }),
      );
      const after = await ask<Memory>("memory", "memory");

      const refused = [...outcomes].filter(
        ([outcome]) => outcome === "closed" || outcome === 400 || outcome === 413 || outcome === 503,
      );
      assert.equal(
        refused.reduce((sum, [, count]) => sum + count, 0),
        REQUESTS,
        `outcomes: ${JSON.stringify([...outcomes])}`,
      );
      const growth = after.peakRssBytes - before.rssBytes;
      console.log(
        `# ${REQUESTS} unsigned POSTs of 20-30 MB, ${CONCURRENCY} at a time: outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; ` +
          `bot RSS before ${(before.rssBytes / MB).toFixed(0)} MB, after ${(after.rssBytes / MB).toFixed(0)} MB, peak ${(after.peakRssBytes / MB).toFixed(0)} MB`,
      );
      assert.ok(growth <= BUDGET + 60 * MB, `peak RSS grew by ${(growth / MB).toFixed(0)} MB`);

      // Still serving: a maintainer's signed /retrain comment opens the PR.
      const payload = webhookPayload("issue_comment.created", {
        repository: { owner: OWNER, name: REPO, defaultBranch: "main" },
        issue: { number: 1, title: "Retrain please", body: "", labels: [] },
        comment: { id: 9001, body: "/retrain fraud", user: "alice" },
        sender: "alice",
      });
      assert.equal((await sendWebhook(url, { event: "issue_comment", payload, secret: SECRET })).status, 200);
      assert.deepEqual(await ask("pulls", "pulls"), [[1, "Retrain fraud", "modelkeeper/retrain/fraud", "open"]]);
      void FULL_NAME;
    } finally {
      child.send("close");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  });
});
