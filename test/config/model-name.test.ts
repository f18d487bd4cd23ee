import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { Registry, Gauge } from "prom-client";
import schema from "../../schema/modelkeeper.schema.json" with { type: "json" };
import { caseCollisions, modelNameProblem } from "../../src/config/model-name.ts";

/** Names with the rule each breaks (a fragment of the message), or undefined for a valid name. */
const NAMES: Array<[string, string | undefined]> = [
  ["fraud", undefined],
  ["fraud_v2.1-b", undefined],
  ["Churn2", undefined],
  ["x.y", undefined],
  ["9", undefined],
  ["lock", undefined],
  ["a.locked", undefined],
  ["console", undefined],
  ["com10", undefined],
  ["x".repeat(64), undefined],
  ["", "must not be empty"],
  ["x".repeat(65), "at most 64"],
  ["fraud.lock", '".lock"'],
  ["fraud.LOCK", '".lock"'],
  ["a..b", '".."'],
  ["x.", 'end with "."'],
  [".hidden", "start with a letter or a digit"],
  ["-rf", "start with a letter or a digit"],
  ["_x", "start with a letter or a digit"],
  ["a@{1}", "only ASCII letters"],
  ["@", "only ASCII letters"],
  ["a b", "only ASCII letters"],
  ["a/b", "only ASCII letters"],
  ["a\\b", "only ASCII letters"],
  ["a~1", "only ASCII letters"],
  ["a^b", "only ASCII letters"],
  ["a:b", "only ASCII letters"],
  ["a?b", "only ASCII letters"],
  ["a*b", "only ASCII letters"],
  ["a[b", "only ASCII letters"],
  ["a\tb", "only ASCII letters"],
  ["a\nb", "only ASCII letters"],
  ["a\u007fb", "only ASCII letters"],
  ['a"b', "only ASCII letters"],
  ["a<b>", "only ASCII letters"],
  ["a|b", "only ASCII letters"],
  ["fräud", "only ASCII letters"],
  ["CON", "Windows reserves"],
  ["nul", "Windows reserves"],
  ["Aux.onnx", "Windows reserves"],
  ["com1", "Windows reserves"],
  ["LPT9.x", "Windows reserves"],
  ["prn.txt", "Windows reserves"],
];

/** What real git says about the name as a tag component and as a retrain branch. */
function gitAccepts(name: string): boolean {
  const tag = spawnSync("git", ["check-ref-format", `refs/tags/modelkeeper/${name}/v1`]);
  const branch = spawnSync("git", ["check-ref-format", "--branch", `modelkeeper/retrain/${name}`]);
  return tag.status === 0 && branch.status === 0;
}

test("each rule is named for the name that breaks it", () => {
  for (const [name, rule] of NAMES) {
    const problem = modelNameProblem(name);
    if (rule === undefined) assert.equal(problem, undefined, JSON.stringify(name));
    else assert.ok(problem?.includes(rule), `${JSON.stringify(name)}: expected a rule with ${rule}, got ${problem}`);
  }
});

test("every name modelkeeper accepts is a valid git tag component and retrain branch; every one git refuses is refused", () => {
  // The table plus generated names over an alphabet of the characters git is particular about.
  const alphabet = ["a", "Z", "0", ".", "-", "_", "/", "@", "{", "~", "^", ":", " ", "*", "[", "\\", "lock", "\u0001"];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const generated = Array.from({ length: 150 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
      "",
    ),
  );
  let gitRefused = 0;
  for (const name of [...NAMES.map(([n]) => n).filter((n) => !n.includes("\n") && !n.includes("\0")), ...generated]) {
    const ours = modelNameProblem(name) === undefined;
    const git = gitAccepts(name);
    if (!git) gitRefused++;
    if (ours) assert.ok(git, `${JSON.stringify(name)} is accepted here but git refuses it`);
    if (!git) assert.ok(!ours, `${JSON.stringify(name)}: git refuses it, so must we`);
  }
  assert.ok(gitRefused > 40, `the cross-check exercised git's refusals (${gitRefused})`);
});

test("the schema's pattern (what editors check) agrees with the rules on every name", () => {
  const ajv = new Ajv({ strict: false });
  const valid = ajv.compile({ type: "object", propertyNames: schema.properties.models.propertyNames });
  for (const [name] of NAMES)
    assert.equal(valid({ [name]: 1 }), modelNameProblem(name) === undefined, JSON.stringify(name));
});

test("a valid name is a file name and a Prometheus label value that needs no escaping", () => {
  const dir = mkdtempSync(join(tmpdir(), "modelkeeper-names-"));
  try {
    const registry = new Registry();
    const gauge = new Gauge({ name: "names_test", help: "h", labelNames: ["model"], registers: [registry] });
    const valid = NAMES.map(([n]) => n).filter((n) => modelNameProblem(n) === undefined);
    for (const name of valid) {
      writeFileSync(join(dir, `${name}.json`), "{}");
      gauge.set({ model: name }, 1);
    }
    assert.deepEqual(readdirSync(dir).sort(), valid.map((n) => `${n}.json`).sort());
    return registry.metrics().then((text) => {
      for (const name of valid) assert.ok(text.includes(`names_test{model="${name}"} 1`), name);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("two names equal but for letter case collide", () => {
  assert.deepEqual(caseCollisions(["fraud", "churn", "Fraud"]), [["fraud", "Fraud"]]);
  assert.deepEqual(caseCollisions(["fraud", "churn"]), []);
});
