import { test } from "node:test";
import assert from "node:assert/strict";
import { parseNumberBytes, parseNumberText } from "../../src/data/parse-number.ts";
import { seededRandom as seeded } from "../support/seeded-random.ts";

const encoder = new TextEncoder();
const parse = (text: string): number => {
  const bytes = encoder.encode(`#${text}#`); // offsets inside a larger buffer, like the CSV reader
  return parseNumberBytes(bytes, 1, bytes.length - 1);
};

function sameDouble(text: string, expected = Number(text)): void {
  const actual = parse(text);
  assert.ok(Object.is(actual, expected), `${text}: got ${actual}, Number() gives ${expected}`);
}

test("ordinary decimal forms give exactly Number(text)", () => {
  for (const text of [
    "0",
    "-0",
    "+0",
    "1",
    "-1",
    "+7",
    "007",
    "1.",
    ".5",
    "-.5",
    "3.14159",
    "-273.15",
    "1e5",
    "1E5",
    "1e+5",
    "1e-5",
    "-2.5e-3",
    "6.02214076e23",
    "1.7976931348623157e308",
    "5e-324",
    "4.9e-324",
    "2.2250738585072014e-308",
    "123456789012345",
    "9007199254740991",
    "9007199254740992",
    "9007199254740993",
    "18014398509481985",
    "0.1",
    "0.2",
    "0.30000000000000004",
    "1e22",
    "1e23",
    "123456789012345678",
    "1234567890123456789",
    "12345678901234567890123",
    "0.000001234",
    "  42  ",
    "\t-1.5",
    "1e-400",
    "1e400",
    "-1e400",
    "0e999",
    "00000000000000000000001.5",
  ])
    sameDouble(text.trim());
  assert.equal(parse("  42  "), 42);
  assert.equal(parse("\t-1.5"), -1.5);
  assert.equal(parse("-12.5e-1"), -1.25);
});

test("infinity words parse as pandas does, in any case", () => {
  assert.equal(parse("inf"), Infinity);
  assert.equal(parse("-inf"), -Infinity);
  assert.equal(parse("+Infinity"), Infinity);
  assert.equal(parse("INF"), Infinity);
  assert.equal(parse("-INFINITY"), -Infinity);
  assert.ok(Number.isNaN(parse("infinit")));
  assert.ok(Number.isNaN(parse("info")));
});

test("text that is not a number gives NaN", () => {
  for (const text of [
    "",
    " ",
    "-",
    "+",
    ".",
    "-.",
    "e5",
    "1e",
    "1e+",
    "1.2.3",
    "1,5",
    "0x1A",
    "1_000",
    "NaN",
    "nan",
    "abc",
    "1 2",
    "--1",
    "+-1",
    "1e5e5",
    "true",
    "١٢",
    "1.5f",
    "Infinity1",
  ]) {
    assert.ok(Number.isNaN(parse(text)), `${JSON.stringify(text)} should not be a number`);
  }
});

test("round-trip representations of random doubles match Number() (long mantissas)", () => {
  const random = seeded(20240601);
  const view = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < 20000; i++) {
    // Random bit patterns cover every exponent; scaled uniforms cover the common feature ranges.
    let value: number;
    if (i % 2 === 0) {
      view.setUint32(0, (random() * 2 ** 32) >>> 0);
      view.setUint32(4, (random() * 2 ** 32) >>> 0);
      value = view.getFloat64(0);
      if (!Number.isFinite(value)) continue;
    } else {
      value = (random() * 2 - 1) * 10 ** Math.floor(random() * 16 - 6);
    }
    sameDouble(String(value));
    sameDouble(value.toExponential(Math.floor(random() * 20)));
    sameDouble(value.toPrecision(1 + Math.floor(random() * 21)));
  }
});

test("random digit strings with 15 to 22 digits, points and exponents match Number()", () => {
  const random = seeded(7);
  for (let i = 0; i < 20000; i++) {
    const length = 15 + Math.floor(random() * 8);
    let digits = String(1 + Math.floor(random() * 9));
    for (let d = 1; d < length; d++) digits += String(Math.floor(random() * 10));
    const point = Math.floor(random() * (length + 1));
    let text = `${digits.slice(0, point)}.${digits.slice(point)}`;
    if (random() < 0.5) text += `e${Math.floor(random() * 61) - 30}`;
    if (random() < 0.3) text = `-${text}`;
    sameDouble(text);
  }
});

test("exact midpoints between neighbouring doubles round half to even, like Number()", () => {
  // 2^54 + 1 lies halfway between 2^54 and 2^54 + 2 (ulp 2): ties go to the even mantissa.
  const random = seeded(99);
  for (let i = 0; i < 2000; i++) {
    const base = BigInt(2 ** 53) + BigInt(Math.floor(random() * 2 ** 52)) * 2n;
    for (const shift of [0n, 1n, 2n]) {
      const exact = base * 2n ** shift + 2n ** shift / 2n; // a midpoint when shift ≥ 1
      for (const text of [String(exact), `${exact}e-3`, `${exact}e2`]) sameDouble(text);
      // Just above and below the tie, in the 19th digit: must round away from the tie correctly.
      for (const near of [exact * 10n - 1n, exact * 10n + 1n]) sameDouble(`${near}e-1`);
    }
  }
});

test("parseNumberText applies the same grammar to strings", () => {
  assert.equal(parseNumberText("2.5e3"), 2500);
  assert.equal(parseNumberText(" -1 "), -1);
  assert.ok(Number.isNaN(parseNumberText("1,5")));
  assert.ok(Number.isNaN(parseNumberText("１")));
});
