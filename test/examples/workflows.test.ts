import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from "@actions/workflow-parser";
import { parse } from "yaml";

const dir = fileURLToPath(new URL("../../examples/workflows/", import.meta.url));
const actionYml = parse(await readFile(fileURLToPath(new URL("../../action.yml", import.meta.url)), "utf8"));

/** The least privilege each workflow needs, and the commands it runs. */
const expected: Record<string, { permissions: Record<string, string>; commands: string[]; on: string }> = {
  "modelkeeper-pr.yml": {
    permissions: { contents: "read", "pull-requests": "write", checks: "write" },
    commands: ["evaluate"],
    on: "pull_request_target",
  },
  // An untrusted run's result is information only: it can set no check.
  "modelkeeper-comment.yml": {
    permissions: { actions: "read", "pull-requests": "write" },
    commands: ["comment"],
    on: "workflow_run",
  },
  "modelkeeper-retrain.yml": {
    permissions: { contents: "write", "pull-requests": "write", checks: "write" },
    commands: ["evaluate", "retrain"],
    on: "pull_request",
  },
  // promote computes its own verdict: no evaluate step whose line it could be told to obey.
  "modelkeeper-promote.yml": { permissions: { contents: "write" }, commands: ["promote"], on: "push" },
  "modelkeeper-drift.yml": { permissions: { contents: "write", issues: "write" }, commands: ["drift"], on: "schedule" },
};

test("every example workflow is listed here", async () => {
  assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith(".yml")).sort(), Object.keys(expected).sort());
});

for (const [file, want] of Object.entries(expected)) {
  test(`${file} parses with GitHub's workflow parser, with least-privilege permissions`, async () => {
    const content = await readFile(join(dir, file), "utf8");
    const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
    assert.deepEqual(
      result.context.errors.getErrors().map((e) => e.message),
      [],
    );
    const template = await convertWorkflowTemplate(result.context, result.value!);
    assert.deepEqual(template.errors ?? [], []);
    const raw = parse(content);
    assert.deepEqual(raw.permissions, want.permissions, "workflow-level permissions");
    assert.ok(want.on in raw.on, `triggered by ${want.on}`);
    const steps = Object.values(
      raw.jobs as Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>,
    ).flatMap((j) => j.steps);
    const ours = steps.filter((s) => s.uses?.startsWith("modelkeeper/modelkeeper@"));
    assert.deepEqual(
      ours.map((s) => s.with?.command),
      want.commands,
    );
    for (const step of ours) {
      for (const input of Object.keys(step.with ?? {}))
        assert.ok(input in actionYml.inputs, `${file}: input "${input}" is declared in action.yml`);
    }
  });
}

test("the trusted PR workflow checks out the base, runs none of the PR's code and judges the head's bytes; the comment workflow runs no PR code", async () => {
  const pr = parse(await readFile(join(dir, "modelkeeper-pr.yml"), "utf8"));
  const steps = pr.jobs.evaluate.steps as Array<{ uses?: string; run?: string; with?: Record<string, string> }>;
  const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout"));
  assert.equal(checkout?.with?.ref, undefined, "the base is checked out, never the PR head");
  for (const step of steps.filter((s) => s.run)) {
    assert.doesNotMatch(
      step.run!,
      /npm|node |python|make|checkout|\$\{\{/,
      "shell steps only fetch objects, with no expression expanded in the script",
    );
  }
  const evaluate = steps.find((s) => s.with?.command === "evaluate");
  assert.equal(evaluate?.with?.["challenger-rev"], "${{ github.event.pull_request.head.sha }}");
  const comment = parse(await readFile(join(dir, "modelkeeper-comment.yml"), "utf8"));
  const uses = comment.jobs.comment.steps.map((s: { uses?: string }) => s.uses ?? "");
  assert.ok(!uses.some((u: string) => u.startsWith("actions/checkout")), "no checkout in the privileged workflow");
});

test("every job of the workflows users copy has a timeout; the drift workflow fetches the notes and runs one at a time", async () => {
  for (const file of Object.keys(expected)) {
    const raw = parse(await readFile(join(dir, file), "utf8"));
    for (const [name, job] of Object.entries(raw.jobs as Record<string, { "timeout-minutes"?: number }>)) {
      assert.ok(Number(job["timeout-minutes"]) > 0, `${file}: job ${name} sets timeout-minutes`);
    }
  }
  const drift = parse(await readFile(join(dir, "modelkeeper-drift.yml"), "utf8"));
  assert.equal(drift.concurrency.group, "modelkeeper-drift");
  assert.ok(
    drift.jobs.drift.steps.some((s: { run?: string }) =>
      /git fetch origin "refs\/notes\/\*:refs\/notes\/\*"/.test(s.run ?? ""),
    ),
    "fetches every notes ref (records and reference profiles)",
  );
});

test("action.yml's description fits the Marketplace (under 125 characters)", () => {
  assert.ok(actionYml.description.length < 125, `${actionYml.description.length} characters`);
});

test("this project's own workflows (.github/workflows) parse, set timeouts and use node24 majors of GitHub's actions", async () => {
  const own = fileURLToPath(new URL("../../.github/workflows/", import.meta.url));
  const files = (await readdir(own)).filter((f) => f.endsWith(".yml")).sort();
  assert.deepEqual(files, ["ci.yml", "release.yml"]);
  for (const file of files) {
    const content = await readFile(join(own, file), "utf8");
    const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
    assert.deepEqual(
      result.context.errors.getErrors().map((e) => e.message),
      [],
      file,
    );
    const template = await convertWorkflowTemplate(result.context, result.value!);
    assert.deepEqual(template.errors ?? [], [], file);
    const raw = parse(content);
    for (const [name, job] of Object.entries(
      raw.jobs as Record<string, { "timeout-minutes"?: number; steps: Array<{ uses?: string }> }>,
    )) {
      assert.ok(Number(job["timeout-minutes"]) > 0, `${file}: job ${name} sets timeout-minutes`);
      // The first majors whose action.yml says runs.using: node24.
      const node24: Record<string, number> = {
        "actions/checkout": 5,
        "actions/setup-node": 5,
        "actions/upload-artifact": 6,
      };
      for (const uses of job.steps.map((s) => s.uses).filter((u): u is string => Boolean(u && !u.startsWith("./")))) {
        const [action, major] = uses.split("@v");
        assert.ok(action in node24 && Number(major) >= node24[action], `${file}: ${uses} runs on node24`);
      }
    }
  }
});
