import { test } from "node:test";
import assert from "node:assert/strict";
import {
  decodeFloat32,
  decodePackedVarints,
  decodeUtf8,
  ProtoDecodeError,
  ProtoWriter,
  readFields,
  toSignedInt64,
} from "../../src/model/protobuf-wire.ts";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

test("varints follow the protobuf spec examples", () => {
  assert.equal(hex(new ProtoWriter().varint(1, 150).finish()), "089601");
  assert.equal(hex(new ProtoWriter().varint(1, 0).finish()), "0800");
  assert.equal(hex(new ProtoWriter().varint(2, 300).finish()), "10ac02");
  // int64 -1 is ten bytes of two's complement.
  assert.equal(hex(new ProtoWriter().varint(1, -1).finish()), "08ffffffffffffffffff01");
  assert.equal(hex(new ProtoWriter().varint(1, 2n ** 40n).finish()), "08808080808020"); // 2^40 = 0b1 then 40 zero bits
});

test("fixed-width, string, bytes and nested message fields", () => {
  assert.equal(hex(new ProtoWriter().float(2, 1).finish()), "150000803f");
  assert.equal(hex(new ProtoWriter().double(10, 1).finish()), "51000000000000f03f");
  assert.equal(hex(new ProtoWriter().string(2, "testing").finish()), "120774657374696e67");
  assert.equal(hex(new ProtoWriter().message(3, (w) => w.varint(1, 150)).finish()), "1a03089601");
  assert.equal(hex(new ProtoWriter().packedVarints(4, [3, 270, 86942]).finish()), "2206038e029ea705");
  assert.equal(hex(new ProtoWriter().packedFloats(7, [1, -2]).finish()), "3a080000803f000000c0");
});

test("a writer grows past its initial buffer", () => {
  const big = new Uint8Array(1000).fill(7);
  const bytes = new ProtoWriter().bytes(1, big).varint(2, 5).finish();
  assert.equal(bytes.length, 1 + 2 + 1000 + 2);
  const fields = [...readFields(bytes)];
  assert.deepEqual(fields[0].value, big);
  assert.deepEqual(fields[1], { field: 2, wireType: 0, value: 5n });
});

test("readFields decodes what the writer wrote", () => {
  const bytes = new ProtoWriter()
    .varint(1, -3)
    .string(2, "é")
    .float(3, 0.5)
    .double(4, 2.5)
    .packedVarints(5, [1, -1])
    .finish();
  const fields = [...readFields(bytes)];
  assert.deepEqual(
    fields.map((f) => [f.field, f.wireType]),
    [
      [1, 0],
      [2, 2],
      [3, 5],
      [4, 1],
      [5, 2],
    ],
  );
  assert.equal(toSignedInt64(fields[0].value as bigint), -3n);
  assert.equal(decodeUtf8(fields[1].value as Uint8Array), "é");
  assert.equal(decodeFloat32(fields[2].value as Uint8Array), 0.5);
  assert.deepEqual(decodePackedVarints(fields[4].value as Uint8Array), [1n, -1n]);
});

test("malformed input throws ProtoDecodeError with the byte position", () => {
  assert.throws(() => [...readFields(Uint8Array.from([0x08]))], {
    name: "ProtoDecodeError",
    message: "truncated varint at byte 1",
  });
  assert.throws(() => [...readFields(Uint8Array.from([0x12, 0x05, 0x61]))], {
    name: "ProtoDecodeError",
    message: "field of 5 bytes at byte 2 runs past the end (3 bytes)",
  });
  assert.throws(() => [...readFields(Uint8Array.from([0x0b]))], {
    name: "ProtoDecodeError",
    message: "group of field 1 at byte 0 is never closed",
  });
  assert.throws(() => [...readFields(Uint8Array.from([0x0b, 0x14]))], {
    name: "ProtoDecodeError",
    message: "group of field 1 at byte 0 closed by field 2",
  });
  // A closed group is skipped: field 1 group holding field 3 = 7, then field 2 = 1.
  assert.deepEqual(
    [...readFields(Uint8Array.from([0x0b, 0x18, 0x07, 0x0c, 0x10, 0x01]))].map((f) => [f.field, f.value]),
    [[2, 1n]],
  );
  assert.throws(() => [...readFields(Uint8Array.from([0x00]))], {
    name: "ProtoDecodeError",
    message: "field number 0 at byte 0 (protobuf allows 1 to 536870911)",
  });
  assert.throws(() => decodeUtf8(Uint8Array.from([0xff])), ProtoDecodeError);
});
