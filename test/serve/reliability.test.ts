import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { matrixModelRepo, serveRepo, post, tagChampion, FIXTURES } from "./support.ts";

const BIN = fileURLToPath(new URL("../../bin/modelkeeper.js", import.meta.url));

function batchBody(rows: number) {
  return {
    inputs: [
      { name: "input", shape: [rows, 3], datatype: "FP32", data: Array.from({ length: rows * 3 }, (_, i) => i % 97) },
    ],
  };
}

/** A request whose body is held back until `finish()`: it holds its place in the server meanwhile. */
function heldRequest(url: string, body: string) {
  let settle!: (value: { status: number; retryAfter?: string; json: any }) => void;
  const answer = new Promise<{ status: number; retryAfter?: string; json: any }>((resolve) => (settle = resolve));
  const req = request(
    url,
    { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
    (res) => {
      let text = "";
      res
        .on("data", (chunk) => (text += chunk))
        .on("end", () =>
          settle({
            status: res.statusCode ?? 0,
            retryAfter: res.headers["retry-after"] as string | undefined,
            json: JSON.parse(text),
          }),
        );
    },
  );
  req.on("error", () => {}); // a refused request's unsent body
  req.write(body.slice(0, 10));
  return { answer, finish: () => req.end(body.slice(10)) };
}

async function gauges(url: string): Promise<{ inFlight: number; queued: number }> {
  const text = await (await fetch(url + "/metrics")).text();
  return {
    inFlight: Number(/^modelkeeper_requests_in_flight (\d+)/m.exec(text)?.[1]),
    queued: Number(/^modelkeeper_requests_queued (\d+)/m.exec(text)?.[1]),
  };
}

test("below capacity every request is answered 200; at twice capacity the excess gets 429 with Retry-After at once, and the server recovers", async () => {
  const repo = await matrixModelRepo();
  // Capacity: 1 run + 4 waiting.
  const server = await serveRepo(repo, "risk", { concurrency: 1, maxQueue: 4, timeoutMs: 60_000 });
  const infer = `${server.url}/v2/models/risk/infer`;
  const body = JSON.stringify(batchBody(200));
  try {
    const below = await Promise.all(Array.from({ length: 5 }, () => post(infer, body)));
    assert.deepEqual(
      below.map((a) => a.status),
      [200, 200, 200, 200, 200],
    );
    // Twice capacity: ten requests at once, the first five holding their places.
    const first = Array.from({ length: 5 }, () => heldRequest(infer, body));
    while ((await gauges(server.url)).queued < 4) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(await gauges(server.url), { inFlight: 1, queued: 4 });
    const excess = Array.from({ length: 5 }, () => heldRequest(infer, body));
    for (const refused of await Promise.all(excess.map((r) => r.answer))) {
      assert.equal(refused.status, 429);
      assert.equal(refused.retryAfter, "1");
      assert.match(refused.json.error, /at capacity \(1 running, 4 queued\)/);
    }
    for (const held of first) held.finish();
    assert.deepEqual(
      (await Promise.all(first.map((r) => r.answer))).map((a) => a.status),
      [200, 200, 200, 200, 200],
    );
    assert.equal((await post(infer, body)).status, 200, "recovers once the burst is over");
    assert.equal((await fetch(server.url + "/v2/health/ready")).status, 200);
    assert.match(
      await (await fetch(server.url + "/metrics")).text(),
      /modelkeeper_request_failures_total\{model="risk",version="v1",code="429"\} 5/,
    );
  } finally {
    await server.shutdown();
    await repo.cleanup();
  }
});

test("a request over its latency budget is answered 503/504 with the budget named, never left hanging", async () => {
  const repo = await matrixModelRepo();
  const server = await serveRepo(repo, "risk", { timeoutMs: 1, maxRows: 200_000, concurrency: 1, maxQueue: 8 });
  try {
    const answers = await Promise.all([
      post(`${server.url}/v2/models/risk/infer`, batchBody(100_000)),
      post(`${server.url}/v2/models/risk/infer`, batchBody(100_000)),
    ]);
    for (const answer of answers) {
      assert.ok(answer.status === 503 || answer.status === 504, String(answer.status));
      assert.match(answer.json.error, /1 ms/);
    }
    assert.equal((await fetch(server.url + "/v2/health/ready")).status, 200);
  } finally {
    await server.shutdown();
    await repo.cleanup();
  }
});

test("SIGTERM under load: every request sent gets an HTTP answer, and the process exits 0", async () => {
  const repo = await matrixModelRepo();
  const child = spawn(
    process.execPath,
    [BIN, "serve", "--model", "risk", "--port", "0", "--poll-seconds", "0", "--grace-seconds", "20"],
    {
      cwd: repo.dir,
      env: { ...process.env, MODELKEEPER_FROM_SOURCE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  // "close", not "exit": stderr is read to its end before the assertions look at it.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
        const match = /ready on (http:\/\/[^\s]+)/.exec(stderr);
        if (match) resolve(match[1]);
      });
      child.once("exit", () => reject(new Error(`serve exited before it was ready:\n${stderr}`)));
    });
    const outcomes: string[] = [];
    let answered = 0;
    let signalled = false;
    const loop = async () => {
      for (let i = 0; i < 2000; i++) {
        try {
          const response = await fetch(`${url}/v2/models/risk/infer`, {
            method: "POST",
            body: JSON.stringify(batchBody(i % 2 ? 500 : 1)),
          });
          await response.arrayBuffer();
          outcomes.push(String(response.status));
          if (++answered === 60 && !signalled) {
            signalled = true;
            child.kill("SIGTERM");
          }
        } catch (error) {
          const cause = (error as { cause?: { code?: string; message?: string } }).cause;
          const code = cause?.code ?? cause?.message ?? String(error);
          outcomes.push(code);
          if (code === "ECONNREFUSED") return; // the listener has closed: nothing was sent
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, loop));
    const counts = new Map<string, number>();
    for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    const tally = [...counts].map(([outcome, n]) => `${outcome} x${n}`).join(", ");
    assert.equal(await exited, 0, `${tally}\n${stderr}`);
    const unanswered = outcomes.filter((o) => !["200", "503", "ECONNREFUSED"].includes(o));
    assert.deepEqual(unanswered, [], `requests without an HTTP answer (${tally}):\n${stderr}`);
    assert.ok(outcomes.filter((o) => o === "200").length >= 60);
    assert.match(stderr, /SIGTERM: not ready any more/);
  } finally {
    child.kill("SIGKILL");
    await repo.cleanup();
  }
});

test("new champions under traffic: every request is answered 200 by the old model or the new one, never a broken one", async () => {
  const repo = await matrixModelRepo();
  const server = await serveRepo(repo, "risk");
  const infer = `${server.url}/v2/models/risk/infer`;
  const body = JSON.stringify(batchBody(50));
  let stop = false;
  const seen: string[][] = [[], [], [], []];
  const client = async (versions: string[]) => {
    while (!stop) {
      const answer = await post(infer, body);
      versions.push(answer.status === 200 ? answer.json.model_version : `HTTP ${answer.status}`);
    }
  };
  const answered = () => seen.reduce((n, versions) => n + versions.length, 0);
  const after = async (more: number) => {
    const target = answered() + more;
    while (answered() < target) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const clients = seen.map(client);
  try {
    await after(20);
    await repo.write("models/risk.onnx", await readFile(new URL("binary-score-vector.onnx", FIXTURES)));
    await repo.commit("risk v2");
    await tagChampion(repo, "risk", 2, "models/risk.onnx");
    assert.equal(await server.reload(), "loaded");
    await after(20);
    await repo.write("models/risk.onnx", Buffer.from("corrupt: not an ONNX model"));
    await repo.commit("risk v3 (broken)");
    await tagChampion(repo, "risk", 3, "models/risk.onnx");
    assert.equal(await server.reload(), "failed");
    await after(20);
  } finally {
    stop = true;
    await Promise.all(clients);
  }
  try {
    for (const versions of seen) {
      assert.deepEqual(
        [...new Set(versions)].filter((v) => v !== "v1" && v !== "v2"),
        [],
        "only v1 and v2 answered, always 200",
      );
      const firstV2 = versions.indexOf("v2");
      assert.ok(
        firstV2 >= 0 && versions.slice(firstV2).every((v) => v === "v2"),
        `once v2 answers, v1 never does again: ${versions.join(" ")}`,
      );
    }
    assert.equal(server.current().version, "v2", "the corrupt v3 did not replace v2");
    assert.match(server.warnings.join("\n"), /modelkeeper\/risk\/v3 failed to load, still serving v2/);
  } finally {
    await server.shutdown();
    await repo.cleanup();
  }
});
