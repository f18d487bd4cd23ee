import { test } from "node:test";
import assert from "node:assert/strict";
import { onnxSafetyProblems } from "../../src/model/onnx-safety.ts";
import { ProtoWriter } from "../../src/model/protobuf-wire.ts";
import { MODELS } from "../support/gate-fixtures.ts";

/** A real exported model with extra graph content appended (protobuf merges repeated fields). */
function withGraph(build: (graph: ProtoWriter) => void, extra?: (model: ProtoWriter) => void): Uint8Array {
  const tail = new ProtoWriter().message(7, build);
  extra?.(tail);
  const base = MODELS.good();
  const added = tail.finish();
  return Buffer.concat([base, Buffer.from(added)]);
}

test("a model exported here is self-contained and uses built-in domains only", () => {
  assert.deepEqual(onnxSafetyProblems(MODELS.good()), []);
});

test("a tensor kept in an external file is refused, in the graph, in a node attribute and in a subgraph", () => {
  const external = (w: ProtoWriter) =>
    w
      .string(8, "weights")
      .varint(14, 1)
      .message(13, (e) => e.string(1, "location").string(2, "/etc/passwd"));
  const cases: Array<[string, Uint8Array]> = [
    ["initializer", withGraph((g) => g.message(5, external))],
    [
      "attribute",
      withGraph((g) =>
        g.message(1, (n) => n.string(4, "Constant").message(5, (a) => a.string(1, "value").message(5, external))),
      ),
    ],
    [
      "subgraph",
      withGraph((g) =>
        g.message(1, (n) =>
          n.string(4, "If").message(5, (a) => a.string(1, "then_branch").message(6, (sub) => sub.message(5, external))),
        ),
      ),
    ],
  ];
  for (const [where, bytes] of cases) {
    const problems = onnxSafetyProblems(bytes);
    assert.equal(problems.length, 1, where);
    assert.equal(problems[0].kind, "external-data", where);
    assert.match(problems[0].detail, /"weights" keeps its data in an external file \("\/etc\/passwd"\)/, where);
  }
});

test("an operator in a custom domain, or a custom opset import, is refused; a model-local function's domain is not", () => {
  const custom = onnxSafetyProblems(withGraph((g) => g.message(1, (n) => n.string(4, "Evil").string(7, "com.evil"))));
  assert.deepEqual(
    custom.map((p) => p.kind),
    ["custom-domain"],
  );
  assert.match(custom[0].detail, /operator "Evil" is in the custom domain "com\.evil"/);
  const imported = onnxSafetyProblems(
    withGraph(
      () => {},
      (m) => m.message(8, (o) => o.string(1, "org.custom").varint(2, 1)),
    ),
  );
  assert.match(imported[0].detail, /imports the custom operator set "org\.custom"/);
  const local = onnxSafetyProblems(
    withGraph(
      (g) => g.message(1, (n) => n.string(4, "MyFn").string(7, "local.fns")),
      (m) =>
        m.message(25, (f) =>
          f
            .string(1, "MyFn")
            .string(10, "local.fns")
            .message(7, (n) => n.string(4, "Relu")),
        ),
    ),
  );
  assert.deepEqual(local, []);
  assert.deepEqual(
    onnxSafetyProblems(withGraph((g) => g.message(1, (n) => n.string(4, "FusedGemm").string(7, "com.microsoft")))),
    [],
    "onnxruntime's own contrib domain",
  );
});

test("bytes that are not ONNX are reported as such (the loader then says how to export)", () => {
  assert.equal(onnxSafetyProblems(Buffer.from("not a model at all")).at(0)?.kind, "not-onnx");
});

test("a string that is not UTF-8 next to external data does not hide it (proto2 strings are bytes to onnxruntime)", () => {
  const junk = Uint8Array.from([0xff, 0xfe]);
  const bytes = withGraph((g) =>
    g.message(5, (t) =>
      t
        .string(8, "w")
        .varint(14, 1)
        .message(13, (e) => e.string(1, "location").string(2, "fraud.onnx"))
        .message(13, (e) => e.string(1, "junk").bytes(2, junk)),
    ),
  );
  const problems = onnxSafetyProblems(bytes);
  assert.deepEqual(
    problems.map((p) => p.kind),
    ["external-data"],
  );
  assert.match(problems[0].detail, /"w" keeps its data in an external file \("fraud\.onnx"\)/);
});

test("a group (wire types 3 and 4) is skipped as protobuf skips it, and fields after it are still checked", () => {
  // Field 99 as a group holding one varint, then the external-data tensor in the same graph.
  const startGroup = Uint8Array.from([0x9b, 0x06]); // key (99 << 3) | 3 as a varint
  const inside = Uint8Array.from([0x08, 0x01]); // field 1 varint 1
  const endGroup = Uint8Array.from([0x9c, 0x06]); // key (99 << 3) | 4
  const tensor = new ProtoWriter().message(5, (t) => t.string(8, "hidden").varint(14, 1)).finish();
  const graph = Buffer.concat([startGroup, inside, endGroup, Buffer.from(tensor)]);
  const bytes = Buffer.concat([MODELS.good(), Buffer.from(new ProtoWriter().bytes(7, graph).finish())]);
  const problems = onnxSafetyProblems(bytes);
  assert.deepEqual(
    problems.map((p) => p.kind),
    ["external-data"],
  );
  assert.match(problems[0].detail, /"hidden"/);
});

test("bytes the check cannot walk completely fail closed: evaluate refuses them before onnxruntime", () => {
  const truncated = MODELS.good().subarray(0, MODELS.good().length - 3);
  assert.equal(onnxSafetyProblems(truncated).at(0)?.kind, "not-onnx");
});

test("a field key longer than 32 bits fails closed: protobuf's C++ reader would wrap it onto data_location", () => {
  // data_location (field 14, varint) = EXTERNAL, its key written in 5 bytes with bit 32 set: read
  // as 64 bits it names another field, but onnxruntime keeps the low 32 bits, i.e. field 14.
  const key = (14n << 3n) | (1n << 32n);
  const overLong = Uint8Array.from(
    [0, 1, 2, 3, 4].map((i) => Number((key >> BigInt(7 * i)) & 0x7fn) | (i < 4 ? 0x80 : 0)),
  );
  const tensor = Buffer.concat([
    Buffer.from(new ProtoWriter().string(8, "w").finish()),
    overLong,
    Uint8Array.from([0x01]),
  ]);
  const bytes = withGraph((g) => g.bytes(5, tensor));
  assert.deepEqual(
    onnxSafetyProblems(bytes).map((p) => p.kind),
    ["not-onnx"],
  );
});
