// A small GitHub Actions runner for the example workflows users copy (examples/workflows/):
// an event is delivered, every workflow whose `on:` matches it runs, jobs and steps are filtered
// by their `if:` (evaluated with GitHub's own expression evaluator, @actions/expressions), and
// each step runs as on a hosted runner: `run:` through bash -eo pipefail, the modelkeeper Action
// from its bundled entry (./action-runner.ts), and the few marketplace actions the examples use
// emulated (checkout from the bare origin, setup-node as the node on PATH, upload-artifact as a
// copy). Anything else throws, so a workflow change that this runner cannot honour fails loudly.
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { Evaluator, Lexer, Parser, data } from "@actions/expressions";
import { truthy } from "@actions/expressions/result";
import { createGit } from "../../../src/git/git.ts";
import { runActionStep, spawnAsync } from "./action-runner.ts";

export interface RunnerSetup {
  /** Path of the bare repository runners clone (GitHub's git). */
  origin: string;
  /** The copy of the Action (copyOfAction()). */
  actionDir: string;
  /** owner/name. */
  repository: string;
  /** GITHUB_API_URL: the GitHub stand-in. */
  apiUrl: string;
  /** The job's GITHUB_TOKEN (a ghs_ token acts as github-actions[bot] in the stand-in). */
  token: string;
  workflowsDir: string;
  /**
   * Written to the job's ~/.gitconfig when given. Hosted runners have no git identity; see the
   * test that runs without one.
   */
  gitIdentity?: { name: string; email: string };
}

type Outcome = "success" | "failure" | "skipped";

export interface StepResult {
  name: string;
  id?: string;
  uses?: string;
  outcome: Outcome;
  /** Exit status of the step's process (undefined when skipped or emulated). */
  status?: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface JobResult {
  workflow: string;
  file: string;
  job: string;
  runId: number;
  conclusion: Outcome;
  workspace: string;
  steps: StepResult[];
  /** Uploaded artifacts: name -> folder. */
  artifacts: Record<string, string>;
}

export interface WorkflowStep {
  name?: string;
  id?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  "continue-on-error"?: boolean;
}

export interface WorkflowJob {
  if?: string | boolean;
  steps: WorkflowStep[];
  env?: Record<string, unknown>;
}

export interface Workflow {
  name: string;
  on: string | string[] | Record<string, Record<string, unknown> | null>;
  env?: Record<string, unknown>;
  jobs: Record<string, WorkflowJob>;
}

const STATUS_FUNCTIONS = ["success", "always", "failure", "cancelled"];

export class WorkflowRunner {
  private nextRunId = 7000;
  /** Every job that ran, in order. */
  readonly history: JobResult[] = [];
  /** Temporary folders (runner homes, artifacts) to remove in cleanup(). */
  private readonly temporary: string[] = [];

  constructor(private readonly setup: RunnerSetup) {}

  /** Delivers an event: runs the jobs of every example workflow it triggers, one after another. */
  async deliver(
    eventName: string,
    payload: Record<string, any>,
    actor: string,
    /** Edits a workflow before it runs (a test of what a user's changed copy would do). */
    alter?: (file: string, workflow: Workflow) => void,
  ): Promise<JobResult[]> {
    const results: JobResult[] = [];
    const files = (await readdir(this.setup.workflowsDir)).filter((f) => f.endsWith(".yml")).sort();
    for (const file of files) {
      const workflow = parse(await readFile(join(this.setup.workflowsDir, file), "utf8")) as Workflow;
      alter?.(file, workflow);
      // GitHub starts pull_request_target workflows for the same pull request activity.
      const effective =
        eventName === "pull_request" && triggers(workflow, "pull_request_target", payload)
          ? "pull_request_target"
          : eventName;
      if (!triggers(workflow, effective, payload)) continue;
      const runId = this.nextRunId++;
      for (const [jobId, job] of Object.entries(workflow.jobs)) {
        const result = await this.runJob({ file, workflow, jobId, job, eventName: effective, payload, actor, runId });
        results.push(result);
        this.history.push(result);
      }
    }
    return results;
  }

  /** Removes every runner home and artifact folder. */
  async cleanup(): Promise<void> {
    await Promise.all(this.temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  }

  private async runJob(run: {
    file: string;
    workflow: Workflow;
    jobId: string;
    job: WorkflowJob;
    eventName: string;
    payload: Record<string, any>;
    actor: string;
    runId: number;
  }): Promise<JobResult> {
    const home = await mkdtemp(join(tmpdir(), "mk-e2e-runner-"));
    this.temporary.push(home);
    const workspace = join(home, "work", "repo");
    await mkdir(workspace, { recursive: true });
    const eventPath = join(home, "event.json");
    await writeFile(eventPath, JSON.stringify(run.payload, null, 2));
    if (this.setup.gitIdentity) {
      await writeFile(
        join(home, ".gitconfig"),
        `[user]\n\tname = ${this.setup.gitIdentity.name}\n\temail = ${this.setup.gitIdentity.email}\n`,
      );
    }
    const github = await this.githubContext(run, workspace);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      // Hosted runners run in UTC, and the system git config carries no identity.
      TZ: "UTC",
      GIT_CONFIG_NOSYSTEM: "1",
      CI: "true",
      GITHUB_ACTIONS: "true",
      RUNNER_OS: "Linux",
      RUNNER_ARCH: "X64",
      RUNNER_TEMP: join(home, "temp"),
      // Not set on hosted runners; here it keeps the temporary files modelkeeper leaves behind
      // (champion copies) inside the runner home that cleanup() removes.
      TMPDIR: join(home, "temp"),
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: run.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: this.setup.repository,
      GITHUB_REPOSITORY_OWNER: this.setup.repository.split("/")[0],
      GITHUB_API_URL: this.setup.apiUrl,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_GRAPHQL_URL: `${this.setup.apiUrl}/graphql`,
      GITHUB_SHA: github.sha,
      GITHUB_REF: github.ref,
      GITHUB_REF_NAME: github.ref_name,
      GITHUB_REF_TYPE: "branch",
      GITHUB_ACTOR: run.actor,
      GITHUB_TRIGGERING_ACTOR: run.actor,
      GITHUB_RUN_ID: String(run.runId),
      GITHUB_RUN_NUMBER: "1",
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_WORKFLOW: run.workflow.name,
      GITHUB_JOB: run.jobId,
      ...(github.head_ref ? { GITHUB_HEAD_REF: github.head_ref, GITHUB_BASE_REF: github.base_ref } : {}),
      ...stringValues(run.workflow.env),
      ...stringValues(run.job.env),
    };
    await mkdir(env.RUNNER_TEMP!, { recursive: true });
    const result: JobResult = {
      workflow: run.workflow.name,
      file: run.file,
      job: run.jobId,
      runId: run.runId,
      conclusion: "success",
      workspace,
      steps: [],
      artifacts: {},
    };

    const jobIf = run.job.if ?? true;
    if (!this.condition(jobIf, { github }, { failed: false })) {
      result.conclusion = "skipped";
      return result;
    }
    const stepsContext: Record<string, { outcome: Outcome; outputs: Record<string, string> }> = {};
    let failed = false;
    for (const [index, step] of run.job.steps.entries()) {
      const name = step.name ?? step.uses ?? step.run?.split("\n")[0] ?? `step ${index + 1}`;
      // No repository variables or secrets are set in these runs: steps that need one are skipped.
      const contexts = { github, steps: stepsContext, vars: {}, secrets: {} };
      const skipped: StepResult = {
        name,
        id: step.id,
        uses: step.uses,
        outcome: "skipped",
        stdout: "",
        stderr: "",
        outputs: {},
        summary: "",
      };
      if (!this.condition(step.if ?? "success()", contexts, { failed })) {
        result.steps.push(skipped);
        continue;
      }
      const inputs = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, this.interpolate(String(v), contexts)]),
      );
      const stepEnv = {
        ...env,
        ...Object.fromEntries(
          Object.entries(stringValues(step.env)).map(([k, v]) => [k, this.interpolate(v, contexts)]),
        ),
      };
      const done = await this.runStep(step, inputs, contexts, stepEnv, workspace, result);
      const outcome: Outcome = done.status === 0 || done.status === undefined ? "success" : "failure";
      result.steps.push({ ...done, name, id: step.id, uses: step.uses, outcome });
      if (step.id) stepsContext[step.id] = { outcome, outputs: done.outputs };
      if (outcome === "failure" && !step["continue-on-error"]) failed = true;
    }
    result.conclusion = failed ? "failure" : "success";
    return result;
  }

  private async runStep(
    step: WorkflowStep,
    inputs: Record<string, string>,
    contexts: Record<string, unknown>,
    env: NodeJS.ProcessEnv,
    workspace: string,
    job: JobResult,
  ): Promise<Omit<StepResult, "name" | "outcome">> {
    const none = { stdout: "", stderr: "", outputs: {}, summary: "" };
    if (step.run !== undefined) {
      const script = join(env.RUNNER_TEMP!, `step-${job.steps.length}.sh`);
      await writeFile(script, this.interpolate(step.run, contexts));
      const { status, stdout, stderr } = await spawnAsync(
        "bash",
        ["--noprofile", "--norc", "-eo", "pipefail", script],
        workspace,
        env,
      );
      return { ...none, status, stdout, stderr };
    }
    const uses = step.uses ?? "";
    if (uses.startsWith("modelkeeper/modelkeeper@")) {
      return runActionStep(
        this.setup.actionDir,
        workspace,
        { ...env, GITHUB_ACTION: step.id ?? "__modelkeeper" },
        inputs,
        this.setup.token,
      );
    }
    // GitHub's own actions are emulated by name, whatever the major (v4 on Node 20, v5+ on Node 24).
    const action = uses.replace(/@v\d+$/, "");
    if (action === "actions/checkout") return { ...none, status: await this.checkout(inputs, env, workspace) };
    if (action === "actions/setup-node") return { ...none, status: 0 }; // the node on PATH stands in
    if (action === "actions/download-artifact") {
      // An artifact uploaded by an earlier run of this runner (run-id), into the workspace.
      const run = this.history.find((j) => String(j.runId) === inputs["run-id"] && j.artifacts[inputs.name]);
      if (!run)
        return {
          ...none,
          status: 1,
          stderr: `Unable to download artifact(s): Artifact not found for name: ${inputs.name}`,
        };
      await cp(run.artifacts[inputs.name], resolve(workspace, inputs.path ?? "."), { recursive: true });
      return { ...none, status: 0 };
    }
    if (action === "actions/upload-artifact") {
      const target = await mkdtemp(join(tmpdir(), "mk-e2e-artifact-"));
      this.temporary.push(target);
      const source = resolve(workspace, inputs.path);
      const present = await readFile(source).then(
        () => true,
        () => false,
      );
      if (!present) return { ...none, status: inputs["if-no-files-found"] === "error" ? 1 : 0 };
      await cp(source, join(target, inputs.path.split("/").pop()!));
      job.artifacts[inputs.name] = target;
      return { ...none, status: 0 };
    }
    throw new Error(`workflow-runner: "${uses}" is not emulated`);
  }

  /** actions/checkout@v4 with fetch-depth 0: every branch and tag, then the ref (default: the event's). */
  private async checkout(inputs: Record<string, string>, env: NodeJS.ProcessEnv, workspace: string): Promise<number> {
    const unsupported = Object.keys(inputs).filter((k) => k !== "ref" && k !== "fetch-depth");
    if (unsupported.length || inputs["fetch-depth"] !== "0")
      throw new Error(`workflow-runner: checkout with ${JSON.stringify(inputs)} is not emulated`);
    const git = createGit(workspace, env);
    await git.run(["init", "--quiet"]);
    await git.run(["remote", "add", "origin", this.setup.origin]);
    await git.run([
      "fetch",
      "--quiet",
      "--prune",
      "--no-recurse-submodules",
      "origin",
      "+refs/heads/*:refs/remotes/origin/*",
      "+refs/tags/*:refs/tags/*",
    ]);
    const ref = inputs.ref || env.GITHUB_REF!;
    if (/^[0-9a-f]{40}$/.test(ref)) {
      await git.run(["checkout", "--quiet", "--force", "--detach", ref]);
    } else if (ref.startsWith("refs/pull/")) {
      await git.run(["fetch", "--quiet", "origin", `+${ref}:refs/remotes/pull/${ref.slice("refs/pull/".length)}`]);
      await git.run([
        "checkout",
        "--quiet",
        "--force",
        "--detach",
        `refs/remotes/pull/${ref.slice("refs/pull/".length)}`,
      ]);
    } else {
      const branch = ref.replace(/^refs\/heads\//, "");
      await git.run(["checkout", "--quiet", "--force", "-B", branch, `refs/remotes/origin/${branch}`]);
    }
    return 0;
  }

  /** The `github` context, with GITHUB_SHA as GitHub sets it (for pull_request: the test merge commit). */
  private async githubContext(
    run: {
      eventName: string;
      payload: Record<string, any>;
      actor: string;
      runId: number;
      workflow: Workflow;
      jobId: string;
    },
    workspace: string,
  ) {
    const originGit = createGit(this.setup.origin);
    // pull_request: the test merge commit; push: the pushed commit; other events: the default branch.
    const pr = run.payload.pull_request;
    // pull_request_target: the base branch (GitHub runs the base's workflow on the base's tip).
    const ref: string = pr
      ? run.eventName === "pull_request_target"
        ? `refs/heads/${pr.base.ref}`
        : `refs/pull/${pr.number}/merge`
      : (run.payload.ref ?? "refs/heads/main");
    const sha =
      run.eventName === "push" ? run.payload.after : (await originGit.run(["rev-parse", "--verify", ref])).trim();
    return {
      event: run.payload,
      event_name: run.eventName,
      repository: this.setup.repository,
      repository_owner: this.setup.repository.split("/")[0],
      ref,
      ref_name:
        pr && run.eventName !== "pull_request_target"
          ? `${pr.number}/merge`
          : String(ref).replace(/^refs\/heads\//, ""),
      sha,
      head_ref: pr ? pr.head.ref : "",
      base_ref: pr ? pr.base.ref : "",
      actor: run.actor,
      token: this.setup.token,
      workspace,
      run_id: String(run.runId),
      workflow: run.workflow.name,
      job: run.jobId,
      api_url: this.setup.apiUrl,
      server_url: "https://github.com",
    };
  }

  /** An `if:`: a bare expression or ${{ }}, with success() && implied when it calls no status function. */
  private condition(source: string | boolean, contexts: Record<string, unknown>, status: { failed: boolean }): boolean {
    if (typeof source === "boolean") return source && !status.failed;
    let expression = source.trim();
    const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(expression);
    if (wrapped) expression = wrapped[1].trim();
    if (!STATUS_FUNCTIONS.some((f) => new RegExp(`\\b${f}\\s*\\(`).test(expression)))
      expression = `success() && (${expression})`;
    return truthy(evaluate(expression, contexts, status));
  }

  /** Replaces every ${{ expression }} in a string with its value. */
  private interpolate(text: string, contexts: Record<string, unknown>): string {
    return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) =>
      evaluate(expression.trim(), contexts, { failed: false }).coerceString(),
    );
  }
}

function evaluate(
  expression: string,
  contexts: Record<string, unknown>,
  status: { failed: boolean },
): data.ExpressionData {
  const functions = new Map(
    [
      ["success", !status.failed],
      ["always", true],
      ["failure", status.failed],
      ["cancelled", false],
    ].map(([name, value]) => [
      name as string,
      { name: name as string, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value as boolean) },
    ]),
  );
  const lexed = new Lexer(expression).lex();
  const parsed = new Parser(lexed.tokens, Object.keys(contexts), [...functions.values()]).parse();
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return new Evaluator(parsed, context, functions).evaluate();
}

/** Does the workflow's `on:` start a run for this event? (types, branches; defaults as GitHub's.) */
function triggers(workflow: Workflow, eventName: string, payload: Record<string, any>): boolean {
  const on =
    typeof workflow.on === "string"
      ? { [workflow.on]: null }
      : Array.isArray(workflow.on)
        ? Object.fromEntries(workflow.on.map((e) => [e, null]))
        : workflow.on;
  if (!(eventName in on)) return false;
  const filter = on[eventName] ?? {};
  const defaultTypes: Record<string, string[]> = {
    pull_request: ["opened", "synchronize", "reopened"],
    pull_request_target: ["opened", "synchronize", "reopened"],
    workflow_run: ["completed", "requested"],
  };
  const types = (filter.types as string[] | undefined) ?? defaultTypes[eventName];
  if (types && payload.action !== undefined && !types.includes(payload.action)) return false;
  const branches = filter.branches as string[] | undefined;
  if (branches) {
    const branch =
      eventName === "push" ? String(payload.ref).replace(/^refs\/heads\//, "") : payload.pull_request?.base?.ref;
    if (!branches.some((pattern) => globToRegExp(pattern).test(branch))) return false;
  }
  const workflows = filter.workflows as string[] | undefined;
  if (workflows && !workflows.includes(payload.workflow_run?.name)) return false;
  return true;
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\*\*/g, "\u0000")
    .replace(/\*/g, "[^/]*")
    .replace(/\u0000/g, ".*");
  return new RegExp(`^${body}$`);
}

function stringValues(values: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, String(v)]));
}
