import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { readFile } from "node:fs/promises";
import { matrixModelRepo, serveRepo, post, fixtureProbability, tagChampion, FIXTURES } from "./support.ts";

test("serves the champion tag over the Open Inference Protocol v2, in both request forms, with exact scores", async () => {
  const repo = await matrixModelRepo();
  const server = await serveRepo(repo, "risk");
  try {
    const get = async (path: string) => {
      const response = await fetch(server.url + path);
      return { status: response.status, json: (await response.json()) as any };
    };
    assert.deepEqual(await get("/v2/health/live"), { status: 200, json: { live: true } });
    assert.deepEqual(await get("/v2/health/ready"), { status: 200, json: { ready: true } });
    assert.equal((await get("/v2")).json.name, "modelkeeper");
    const metadata = await get("/v2/models/risk");
    assert.deepEqual(metadata.json.versions, ["v1"]);
    assert.deepEqual(metadata.json.inputs, [{ name: "input", datatype: "FP32", shape: [-1, 3] }]);
    assert.deepEqual(
      metadata.json.parameters.features.map((f: any) => f.name),
      ["amount", "hour", "distance"],
    );
    assert.equal((await get("/v2/models/risk/versions/v1")).status, 200);
    assert.equal((await get("/v2/models/risk/versions/v9")).status, 404);
    assert.equal((await get("/v2/models/other")).status, 404);
    assert.equal((await get("/v2/models/risk/ready")).json.ready, true);
    assert.equal((await fetch(server.url + "/v2/models/risk/infer")).status, 405);

    const rows = [
      [70, 9, 1.5],
      [20, 23, 8],
    ];
    const expected = await Promise.all(rows.map(fixtureProbability));
    // 1. The model's own input tensor.
    const own = await post(`${server.url}/v2/models/risk/infer`, {
      id: "req-1",
      inputs: [{ name: "input", shape: [2, 3], datatype: "FP32", data: rows.flat() }],
    });
    assert.equal(own.status, 200);
    assert.equal(own.json.model_name, "risk");
    assert.equal(own.json.model_version, "v1");
    assert.equal(own.json.id, "req-1");
    const probabilities = own.json.outputs.find((o: any) => o.datatype === "FP32" && o.shape[1] === 2);
    assert.deepEqual(probabilities.shape, [2, 2]);
    for (const [i, p] of expected.entries())
      assert.ok(
        Math.abs(probabilities.data[i * 2 + 1] - p) < 1e-6,
        `row ${i}: ${probabilities.data[i * 2 + 1]} vs ${p}`,
      );
    // 2. One tensor per feature, by feature name (nested data allowed); a generated id when none is sent.
    const tabular = await post(`${server.url}/v2/models/risk/infer`, {
      inputs: [
        { name: "distance", shape: [2, 1], datatype: "FP64", data: [[1.5], [8]] },
        { name: "amount", shape: [2], datatype: "FP64", data: [70, 20] },
        { name: "hour", shape: [2], datatype: "INT64", data: [9, 23] },
      ],
    });
    assert.equal(tabular.status, 200);
    assert.match(tabular.json.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(tabular.json.outputs.find((o: any) => o.name === probabilities.name).data, probabilities.data);

    const metrics = await (await fetch(server.url + "/metrics")).text();
    assert.match(metrics, /modelkeeper_requests_total\{model="risk",version="v1",code="200"\} 2/);
    assert.match(metrics, /modelkeeper_rows_scored_total\{model="risk",version="v1",endpoint="stable"\} 4/);
    assert.match(metrics, /modelkeeper_request_duration_seconds_bucket/);
    assert.match(metrics, /modelkeeper_champion_info\{model="risk",version="v1",sha256="[0-9a-f]{64}"\} 1/);
  } finally {
    await server.shutdown();
    await repo.cleanup();
  }
});

test("a request that does not fit the model gets 400 or 413 naming the input and what was expected", async () => {
  const repo = await matrixModelRepo();
  const server = await serveRepo(repo, "risk", { maxRows: 5, maxBodyBytes: 4096 });
  const infer = `${server.url}/v2/models/risk/infer`;
  const feature = (name: string, data: unknown[], datatype = "FP64", shape = [data.length]) => ({
    name,
    shape,
    datatype,
    data,
  });
  const cases: Array<[string, unknown, number, RegExp]> = [
    ["not JSON", "{inputs: [", 400, /not valid JSON/],
    [
      "a NaN literal",
      '{"inputs":[{"name":"input","shape":[1,3],"datatype":"FP32","data":[NaN,1,2]}]}',
      400,
      /not valid JSON/,
    ],
    ["not an object", "[1,2]", 400, /JSON object/],
    ["no inputs", {}, 400, /"inputs" must be a non-empty array.*amount \(FP32\)/],
    [
      "an unknown input",
      { inputs: [feature("colour", [1])] },
      400,
      /input "colour": no such input or feature; this model takes "input" FP32 \[N, 3\]/,
    ],
    [
      "a missing feature",
      { inputs: [feature("amount", [1]), feature("hour", [2])] },
      400,
      /missing feature "distance"/,
    ],
    [
      "the wrong matrix width",
      { inputs: [feature("input", [1, 2], "FP32", [1, 2])] },
      400,
      /input "input": expected shape \[N, 3\].*got \[1, 2\]/,
    ],
    [
      "shape and data disagree",
      { inputs: [feature("input", [1, 2, 3], "FP32", [2, 3])] },
      400,
      /holds 6 values but "data" has 3/,
    ],
    [
      "text for a number",
      { inputs: [feature("amount", ["12"]), feature("hour", [1]), feature("distance", [1])] },
      400,
      /input "amount": data\[0\] is "12"; expected a finite number/,
    ],
    [
      "a missing value",
      { inputs: [feature("amount", [null]), feature("hour", [1]), feature("distance", [1])] },
      400,
      /data\[0\] is null/,
    ],
    [
      "BYTES for a number",
      { inputs: [feature("amount", ["a"], "BYTES"), feature("hour", [1]), feature("distance", [1])] },
      400,
      /this feature is numeric/,
    ],
    [
      "rows that disagree",
      { inputs: [feature("amount", [1, 2]), feature("hour", [1]), feature("distance", [1])] },
      400,
      /"hour" has 1 rows but the inputs before it have 2/,
    ],
    [
      "an unknown datatype",
      { inputs: [feature("input", [1, 2, 3], "FLOAT", [1, 3])] },
      400,
      /"datatype" must be one of/,
    ],
    [
      "a number too large for a double (1e999 parses to Infinity)",
      '{"inputs":[{"name":"input","shape":[1,3],"datatype":"FP32","data":[1e999,1,2]}]}',
      400,
      /data\[0\] is Infinity; expected a finite number/,
    ],
    [
      "an id that is not a string",
      { id: 7, inputs: [feature("input", [1, 2, 3], "FP32", [1, 3])] },
      400,
      /"id" must be a string/,
    ],
    ["a tensor that is not an object", { inputs: [5] }, 400, /inputs\[0\] must be an object/],
    [
      "a fractional shape",
      { inputs: [feature("input", [1, 2, 3], "FP32", [1.5, 2])] },
      400,
      /"shape" must be an array of whole numbers/,
    ],
    [
      "data that is not an array",
      { inputs: [{ name: "input", shape: [1, 3], datatype: "FP32", data: "1,2,3" }] },
      400,
      /input "input": "data" must be an array/,
    ],
    [
      "a shape far larger than its data",
      { inputs: [feature("input", [1, 2, 3], "FP32", [1e9, 3])] },
      400,
      /holds 3000000000 values but "data" has 3/,
    ],
    [
      "too many rows",
      { inputs: [feature("input", new Array(18).fill(1), "FP32", [6, 3])] },
      413,
      /6 rows; this server takes at most 5/,
    ],
    [
      "a huge body",
      { inputs: [feature("input", new Array(3000).fill(1), "FP32", [1000, 3])] },
      413,
      /larger than 4096 bytes/,
    ],
  ];
  try {
    for (const [what, body, status, message] of cases) {
      const answer = await post(infer, body);
      assert.equal(answer.status, status, `${what}: ${JSON.stringify(answer.json)}`);
      assert.match(answer.json.error, message, what);
    }
    // A body larger than the limit without Content-Length (chunked) is cut off too.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(infer, { method: "POST", headers: { "transfer-encoding": "chunked" } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.on("error", reject);
      req.write("[" + "1,".repeat(3000));
      req.end("1]");
    });
    assert.equal(chunked, 413);
    const metrics = await (await fetch(server.url + "/metrics")).text();
    assert.match(metrics, /modelkeeper_request_failures_total\{model="risk",version="v1",code="400"\} 19/);
    assert.doesNotMatch(metrics, /modelkeeper_rows_scored_total\{/, "nothing reached the model");
    // Still serving after all that.
    assert.equal((await post(infer, { inputs: [feature("input", [1, 2, 3], "FP32", [1, 3])] })).status, 200);
  } finally {
    await server.shutdown();
    await repo.cleanup();
  }
});

test("a new champion tag is picked up without a restart; one that fails to load keeps the old one serving", async () => {
  const repo = await matrixModelRepo();
  const server = await serveRepo(repo, "risk");
  const infer = `${server.url}/v2/models/risk/infer`;
  const body = { inputs: [{ name: "input", shape: [1, 3], datatype: "FP32", data: [70, 9, 1.5] }] };
  try {
    assert.equal(await server.reload(), "unchanged");
    // v2: the score-vector export of the same regression (one output [N]).
    await repo.write("models/risk.onnx", await readFile(new URL("binary-score-vector.onnx", FIXTURES)));
    await repo.commit("risk v2");
    await tagChampion(repo, "risk", 2, "models/risk.onnx");
    assert.equal(await server.reload(), "loaded");
    const v2 = await post(infer, body);
    assert.equal(v2.json.model_version, "v2");
    assert.deepEqual(v2.json.outputs[0].shape, [1]);
    assert.ok(Math.abs(v2.json.outputs[0].data[0] - (await fixtureProbability([70, 9, 1.5]))) < 1e-6);
    // v3: a corrupt artifact. v2 keeps answering; the failure is reported once and counted.
    await repo.write("models/risk.onnx", Buffer.from("this is not an ONNX model"));
    await repo.commit("risk v3 (broken)");
    await tagChampion(repo, "risk", 3, "models/risk.onnx");
    assert.equal(await server.reload(), "failed");
    assert.equal(await server.reload(), "failed");
    assert.equal(server.warnings.length, 1);
    assert.match(server.warnings[0], /modelkeeper\/risk\/v3 failed to load, still serving v2: .*not an ONNX model/);
    const still = await post(infer, body);
    assert.equal(still.status, 200);
    assert.equal(still.json.model_version, "v2");
    assert.equal((await fetch(server.url + "/v2/health/ready")).status, 200);
    assert.match(
      await (await fetch(server.url + "/metrics")).text(),
      /modelkeeper_champion_reloads_total\{model="risk",result="failed"\} 1/,
    );
  } finally {
    await server.shutdown();
    await repo.cleanup();
  }
});

test("on shutdown readiness turns 503 at once, new requests get 503, the in-flight one is answered, then the port closes", async () => {
  const repo = await matrixModelRepo();
  const server = await serveRepo(repo, "risk");
  try {
    // An in-flight request: its body is half sent when shutdown starts.
    const body = JSON.stringify({ inputs: [{ name: "input", shape: [1, 3], datatype: "FP32", data: [70, 9, 1.5] }] });
    let answered!: (value: { status: number; connection: string | undefined; body: string }) => void;
    const inFlight = new Promise<{ status: number; connection: string | undefined; body: string }>(
      (resolve) => (answered = resolve),
    );
    const req = request(
      `${server.url}/v2/models/risk/infer`,
      { method: "POST", headers: { "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res
          .on("data", (chunk) => (text += chunk))
          .on("end", () => answered({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
      },
    );
    req.write(body.slice(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the server start reading it
    const stopping = server.shutdown();
    assert.equal((await fetch(server.url + "/v2/health/ready")).status, 503);
    assert.equal((await fetch(server.url + "/v2/health/live")).status, 200);
    const refused = await post(`${server.url}/v2/models/risk/infer`, JSON.parse(body));
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get("retry-after"), "1");
    req.end(body.slice(20));
    const answer = await inFlight;
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.body).model_version, "v1");
    assert.equal(answer.connection, "close");
    assert.deepEqual(await stopping, { graceful: true });
    await assert.rejects(fetch(server.url + "/v2/health/live"), "the port is closed after the drain");
  } finally {
    await repo.cleanup();
  }
});
