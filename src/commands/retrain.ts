import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  defineCommand,
  type CommandContext,
  type CommandResult,
  type OptionSpec,
  type OptionValues,
} from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { runEvaluate } from "./evaluation-run.ts";
import { gitDir } from "../git/git-dir.ts";
import { assertNoStaleLocks, resolveCommit, type Git } from "../git/git.ts";
import { appendNoteLines, readNote } from "../git/notes.ts";
import { pushAtomic, PushConflict } from "../git/atomic-push.ts";
import { buildRecord } from "../provenance/manifest.ts";
import { latest, NOTES_REF } from "../provenance/note-line.ts";
import { runShellCommand } from "../provenance/run-command.ts";
import { pullRequestFromEnv } from "../github/event.ts";
import { githubFromEnv, repoFromEnv } from "../github/client.ts";
import { commentMarker, upsertComment, commentAuthor } from "../github/sticky-comment.ts";
import { escapeMarkdown, markdownCode } from "../report/escape.ts";
import { insideRepository } from "../repo-boundary.ts";
import { takeRunLock } from "../run-lock.ts";
import type { ModelConfig } from "../config/types.ts";
import { UserError } from "../errors.ts";
import { commitMessage, headCommit, isAncestor } from "../git/revisions.ts";
import { commitStagedPath, hasStagedChanges, stagePath } from "../git/commit-file.ts";
import { currentBranch } from "../git/refs.ts";
import { fetchRef } from "../git/remotes.ts";
import { changedTrackedFiles, differsFromCommit, resetHard, restoreFromHead } from "../git/working-tree.ts";

const RETRAIN_BRANCH = /^modelkeeper\/retrain\/([A-Za-z0-9][A-Za-z0-9._-]*)$/;
/** The trailer that marks a commit as retrain's, so a rerun recognises one a killed run left. */
const TRAILER = "Modelkeeper-Retrain";

const RETRAIN_OPTIONS = {
  "no-push": { type: "boolean", description: "commit and record locally only" },
  "no-comment": { type: "boolean", description: "do not post the PR comment and check run" },
  "comment-author": {
    type: "string",
    value: "LOGIN",
    description: "login the token comments as, to find its earlier comment (default: asked of the API)",
  },
  remote: { type: "string", value: "NAME", description: "remote to push to (default: origin)" },
  timeout: {
    type: "string",
    value: "MINUTES",
    description: "stop the train command after this long (default: reproduce.timeout_minutes)",
  },
} as const satisfies Record<string, OptionSpec>;

type RetrainValues = OptionValues<typeof RETRAIN_OPTIONS>;

export const retrainCommand = defineCommand({
  name: "retrain",
  summary:
    "run the train command, record, commit and push the new artifact with its note, then evaluate and comment (in a retrain PR)",
  usage: "retrain [--model NAME] [--no-push] [--no-comment]",
  options: RETRAIN_OPTIONS,
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    const branch = context.env.GITHUB_HEAD_REF || ((await currentBranch(git)) ?? "HEAD");
    const modelName = values.model ?? RETRAIN_BRANCH.exec(branch)?.[1];
    if (!modelName)
      throw new UserError(
        `retrain: pass --model NAME (the branch "${branch}" is not a modelkeeper/retrain/<model> branch).`,
      );
    const model = workspace.models.find((m) => m.name === modelName);
    if (!model)
      throw new UserError(
        `retrain: no model "${modelName}" in ${workspace.config.relativePath}. Models there: ${workspace.config.models.map((m) => m.name).join(", ")}.`,
      );
    if (!model.train)
      throw new UserError(`models.${model.name}.train: no train command configured. Add \`train:\` to the config.`);
    insideRepository(root, model.artifact, `models.${model.name}.artifact`);
    const remote = values.remote ?? "origin";
    const push = !values["no-push"];
    await assertNoStaleLocks(git, [NOTES_REF, `refs/heads/${branch}`]);
    const release = takeRunLock(join(await gitDir(git), "modelkeeper", "retrain.lock"), "modelkeeper retrain");
    try {
      await assertOnlyArtifactChanged(git, model.artifact);
      if (push) await catchUpWithRemote(context, git, remote, branch);
      const start = await headCommit(git);
      const commit = await trainCommitAndPush(context, values, {
        git,
        root,
        model,
        configFile: workspace.config.relativePath,
        branch,
        remote,
        push,
        start,
      });
      const pr = pullRequestFromEnv(context.env);
      const evaluation = await runEvaluate(
        context,
        { ...values, model: model.name, push },
        { commit, pullRequest: pr && { ...pr, headSha: push ? commit : pr.headSha } },
      );
      return {
        ...evaluation,
        data: { ...evaluation.data, retrained: { model: model.name, commit, previous: start } },
        outputs: { ...evaluation.outputs, commit },
      };
    } finally {
      release();
    }
  },
});

interface RetrainPlan {
  git: Git;
  root: string;
  model: ModelConfig;
  configFile: string;
  branch: string;
  remote: string;
  push: boolean;
  /** HEAD when this run started: what any failure before the push puts the branch back to. */
  start: string;
}

/**
 * Trains, commits the artifact, records it and pushes branch and note in one atomic push. When
 * HEAD is a retrain commit of this model that a killed run left unfinished (no record, or never
 * pushed), it finishes that commit instead of training again.
 */
async function trainCommitAndPush(context: CommandContext, values: RetrainValues, plan: RetrainPlan): Promise<string> {
  const { git, root, model, start } = plan;
  // Until the new commit is pushed, any failure or interrupt puts the branch back as it was.
  // Best effort, and the error that led here is the one to report: a reset that fails is only warned of.
  const restore = () =>
    resetHard(git, start).catch((error: Error) =>
      context.warn(`retrain: could not put the branch back to ${start.slice(0, 12)}: ${error.message}`),
    );
  const onSignal = (signal: NodeJS.Signals) => void restore().finally(() => process.kill(process.pid, signal));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    let commit = start;
    if (await isUnfinished(git, plan)) {
      context.log(
        `retrain: finishing ${model.name}'s retrain commit ${start.slice(0, 12)} that an interrupted run left (not recorded or not pushed yet)`,
      );
    } else {
      await train(context, values, plan, restore);
      commit = await commitArtifact(context, git, model);
    }
    const current = await artifactSha256(root, model);
    const recorded = latest(await readNote(git, commit), "record", model.name);
    if (recorded?.artifact.sha256 !== current) {
      const { line } = await buildRecord(root, model, plan.configFile, { env: context.env });
      await appendNoteLines(git, commit, [line]);
    }
    if (plan.push) {
      await pushAtomic(
        git,
        plan.remote,
        [
          { source: commit, destination: `refs/heads/${plan.branch}` },
          { source: NOTES_REF, destination: NOTES_REF },
        ],
        [NOTES_REF],
      );
    }
    return commit;
  } catch (error) {
    await restore();
    if (error instanceof PushConflict) {
      throw new UserError(
        `retrain: ${plan.remote}/${plan.branch} moved on while this run trained (another run pushed first): nothing was pushed and the branch was put back as it was. ` +
          `Run retrain again: it continues from ${plan.remote}/${plan.branch}. (${error.message})`,
      );
    }
    throw error;
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

async function train(
  context: CommandContext,
  values: RetrainValues,
  plan: RetrainPlan,
  restore: () => Promise<unknown>,
): Promise<void> {
  const { model } = plan;
  context.log(`retrain: running \`${model.train}\` for ${model.name}`);
  const minutes = values.timeout !== undefined ? Number(values.timeout) : model.reproduce.timeout_minutes;
  // The train command's output goes to the job's log only (the runner masks secrets there, not in comments).
  const run = await runShellCommand(model.train!, {
    cwd: plan.root,
    env: context.env,
    timeoutMs: minutes * 60_000,
    signal: context.signal,
    onOutput: (t) => context.log(t.trimEnd()),
  });
  if (run.code === 0 && !run.timedOut) return;
  await restore();
  const why = run.timedOut ? `timed out after ${minutes} min` : `failed (exit ${run.code ?? run.signal})`;
  await tellPullRequest(context, values, model.name, failureNotice(model, why, jobLogUrl(context.env)));
  throw new UserError(
    `retrain: the train command ${why}; the branch was left as it was. Its output is in the log above.`,
  );
}

/** The job's log on GitHub, where the train command's output went, or undefined outside Actions. */
function jobLogUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_RUN_ID || !env.GITHUB_REPOSITORY) return undefined;
  return `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

/** The PR comment for a failed train: what failed and where the log is, never the output itself. */
function failureNotice(model: { name: string; train?: string }, why: string, logUrl: string | undefined): string {
  const where = logUrl ? `See [the job's log](${logUrl}) for its output.` : "See the job's log for its output.";
  return `### modelkeeper · ${escapeMarkdown(model.name)}: ❌ retraining failed\n\nThe train command ${markdownCode(model.train ?? "")} ${why}; the branch was left as it was. ${where}\n`;
}

/** Stages and commits only the artifact, with the trailer a rerun recognises. */
async function commitArtifact(context: CommandContext, git: Git, model: ModelConfig): Promise<string> {
  await stagePath(git, model.artifact);
  if (!(await hasStagedChanges(git, model.artifact))) {
    context.warn(`the train command wrote the same ${model.artifact} as before: nothing to commit.`);
    return headCommit(git);
  }
  const message = `modelkeeper: retrain ${model.name}\n\nArtifact ${model.artifact} rebuilt with \`${model.train}\`.\n\n${TRAILER}: ${model.name}`;
  await commitStagedPath(git, model.artifact, message);
  return headCommit(git);
}

/** HEAD is this model's retrain commit, its artifact is in the working tree, and it lacks its record or push. */
async function isUnfinished(git: Git, plan: RetrainPlan): Promise<boolean> {
  const message = await commitMessage(git, plan.start);
  if (!message.split("\n").includes(`${TRAILER}: ${plan.model.name}`)) return false;
  if (await differsFromCommit(git, plan.start, plan.model.artifact)) return false;
  const recorded = latest(await readNote(git, plan.start), "record", plan.model.name);
  if (!recorded) return true;
  if (!plan.push) return false;
  return !(await isAncestor(git, plan.start, `refs/remotes/${plan.remote}/${plan.branch}`));
}

/**
 * Only the artifact may differ from HEAD: the train command rewrites it anyway, and a run killed
 * while training leaves it modified. Anything else is the user's work, which retrain must not reset.
 */
async function assertOnlyArtifactChanged(git: Git, artifact: string): Promise<void> {
  const others = (await changedTrackedFiles(git)).filter((path) => path !== artifact);
  if (others.length) {
    throw new UserError(
      `retrain needs a clean working tree (it resets the branch if training fails): commit or stash your changes to tracked files first (${others.join(", ")}).`,
    );
  }
  // A half-written artifact from a killed run: put HEAD's back, so a failing train leaves the tree clean
  // (a first training has no artifact in HEAD yet: nothing to put back).
  await restoreFromHead(git, artifact);
}

/**
 * Fetches the remote branch. When it is ahead of HEAD (a previous run pushed, then was killed;
 * or another run won), continue from it; when it diverged, stop and say so.
 */
async function catchUpWithRemote(context: CommandContext, git: Git, remote: string, branch: string): Promise<void> {
  const tracking = `refs/remotes/${remote}/${branch}`;
  const fetch = await fetchRef(git, remote, `refs/heads/${branch}`, tracking);
  if (!fetch.ok) {
    if (fetch.missing) return;
    throw new UserError(
      `retrain: could not fetch ${branch} from ${remote}: ${fetch.stderr.trim()}. Check that the remote exists and the job may read it.`,
    );
  }
  const head = await headCommit(git);
  const tip = await resolveCommit(git, tracking);
  if (tip === head || (await isAncestor(git, tip, head))) return;
  if (await isAncestor(git, head, tip)) {
    context.log(`retrain: ${remote}/${branch} is ahead of this checkout (${tip.slice(0, 12)}): continuing from there`);
    await resetHard(git, tip);
    return;
  }
  throw new UserError(
    `retrain: this checkout and ${remote}/${branch} (${tip.slice(0, 12)}) have diverged: reconcile them (git pull --rebase) and run retrain again.`,
  );
}

async function artifactSha256(root: string, model: ModelConfig): Promise<string> {
  return createHash("sha256")
    .update(await readFile(insideRepository(root, model.artifact, `models.${model.name}.artifact`)))
    .digest("hex");
}

async function tellPullRequest(
  context: CommandContext,
  values: RetrainValues,
  model: string,
  body: string,
): Promise<void> {
  const pr = pullRequestFromEnv(context.env);
  const github = githubFromEnv(context.env, context.warn);
  if (!pr || !github || values["no-comment"]) return;
  try {
    const repo = repoFromEnv(context.env);
    await upsertComment(
      github,
      repo,
      pr.number,
      commentMarker("evaluate", model),
      body,
      await commentAuthor(github, values["comment-author"]),
    );
  } catch (error) {
    context.warn(`could not comment on pull request #${pr.number}: ${(error as Error).message}`);
  }
}
