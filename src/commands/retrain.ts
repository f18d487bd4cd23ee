import type { Command, CommandContext, CommandResult } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { runEvaluate } from "./evaluate.ts";
import type { Git } from "../git/git.ts";
import { appendNoteLines, pushNotes } from "../git/notes.ts";
import { buildRecord } from "../provenance/manifest.ts";
import { runShellCommand } from "../provenance/run-command.ts";
import { pullRequestFromEnv } from "../github/event.ts";
import { githubFromEnv, repoFromEnv } from "../github/client.ts";
import { commentMarker, upsertComment, commentAuthor } from "../github/sticky-comment.ts";
import { escapeMarkdown, markdownCode } from "../report/escape.ts";
import { UserError } from "../errors.ts";

const RETRAIN_BRANCH = /^modelkeeper\/retrain\/([A-Za-z0-9][A-Za-z0-9._-]*)$/;

export const retrainCommand: Command = {
  name: "retrain",
  summary: "run the train command, record, commit and push the new artifact with its note, then evaluate and comment (in a retrain PR)",
  usage: "retrain [--model NAME] [--no-push] [--no-comment]",
  options: {
    "no-push": { type: "boolean", description: "commit and record locally only" },
    "no-comment": { type: "boolean", description: "do not post the PR comment and check run" },
    remote: { type: "string", value: "NAME", description: "remote to push to (default: origin)" },
    timeout: { type: "string", value: "MINUTES", description: "stop the train command after this long (default: reproduce.timeout_minutes)" },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    const branch = context.env.GITHUB_HEAD_REF || (await git.run(["rev-parse", "--abbrev-ref", "HEAD"])).trim();
    const modelName = (values.model as string | undefined) ?? RETRAIN_BRANCH.exec(branch)?.[1];
    if (!modelName) throw new UserError(`retrain: pass --model NAME (the branch "${branch}" is not a modelkeeper/retrain/<model> branch).`);
    const model = workspace.models.find((m) => m.name === modelName);
    if (!model) throw new UserError(`retrain: no model "${modelName}" in ${workspace.config.relativePath}. Models there: ${workspace.config.models.map((m) => m.name).join(", ")}.`);
    if (!model.train) throw new UserError(`models.${model.name}.train: no train command configured. Add \`train:\` to the config.`);
    const remote = (values.remote as string | undefined) ?? "origin";
    const push = !values["no-push"];
    const start = (await git.run(["rev-parse", "HEAD"])).trim();
    if ((await git.run(["status", "--porcelain", "--untracked-files=no"])).trim()) {
      throw new UserError("retrain needs a clean working tree (it resets the branch if training fails): commit or stash your changes to tracked files first.");
    }

    // Until the new commit is pushed, any failure or interrupt puts the branch back as it was.
    const restore = () => git.tryRun(["reset", "--quiet", "--hard", start]);
    const onSignal = (signal: NodeJS.Signals) => void restore().finally(() => process.kill(process.pid, signal));
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    let commit: string;
    try {
      context.log(`retrain: running \`${model.train}\` for ${model.name}`);
      const minutes = values.timeout !== undefined ? Number(values.timeout) : model.reproduce.timeout_minutes;
      const run = await runShellCommand(model.train, { cwd: root, env: context.env, timeoutMs: minutes * 60_000, signal: context.signal, onOutput: (t) => context.log(t.trimEnd()) });
      if (run.code !== 0 || run.timedOut) {
        await restore();
        const why = run.timedOut ? `timed out after ${minutes} min` : `failed (exit ${run.code ?? run.signal})`;
        await tellPullRequest(context, values, model.name, `### modelkeeper · ${escapeMarkdown(model.name)}: ❌ retraining failed\n\nThe train command ${markdownCode(model.train)} ${why}; the branch was left as it was.\n\n<details><summary>Last output</summary>\n\n\`\`\`\n${run.tail.replace(/```/g, "ˋˋˋ")}\n\`\`\`\n</details>\n`);
        throw new UserError(`retrain: the train command ${why}; the branch was left as it was. Last output:\n${run.tail}`);
      }
      await git.run(["add", "--", model.artifact]);
      if ((await git.tryRun(["diff", "--cached", "--quiet"])).code === 0) {
        context.warn(`the train command wrote the same ${model.artifact} as before: nothing to commit.`);
        commit = start;
      } else {
        await git.run(["commit", "--quiet", "-m", `modelkeeper: retrain ${model.name}\n\nArtifact ${model.artifact} rebuilt with \`${model.train}\`.`]);
        commit = (await git.run(["rev-parse", "HEAD"])).trim();
      }
      const { line } = await buildRecord(root, model, workspace.config.relativePath, { env: context.env });
      await appendNoteLines(git, commit, [line]);
      if (push && commit !== start) await pushBranch(git, remote, branch);
      if (push) await pushNotes(git, remote);
    } catch (error) {
      await restore();
      throw error;
    } finally {
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
    }

    const pr = pullRequestFromEnv(context.env);
    const evaluation = await runEvaluate(
      context,
      { ...values, model: model.name, push },
      { commit, pullRequest: pr && { ...pr, headSha: push ? commit : pr.headSha } },
    );
    return { ...evaluation, data: { ...evaluation.data, retrained: { model: model.name, commit, previous: start } }, outputs: { ...evaluation.outputs, commit } };
  },
};

async function pushBranch(git: Git, remote: string, branch: string): Promise<void> {
  const result = await git.tryRun(["push", "--quiet", remote, `HEAD:refs/heads/${branch}`]);
  if (result.code !== 0) {
    throw new UserError(`retrain: could not push the new commit to ${remote}/${branch}: ${result.stderr.trim()}. The branch was left as it was; the job needs permissions: contents: write.`);
  }
}

async function tellPullRequest(context: CommandContext, values: Record<string, unknown>, model: string, body: string): Promise<void> {
  const pr = pullRequestFromEnv(context.env);
  const github = githubFromEnv(context.env, context.warn);
  if (!pr || !github || values["no-comment"]) return;
  try {
    const repo = repoFromEnv(context.env);
    await upsertComment(github, repo, pr.number, commentMarker("evaluate", model), body, await commentAuthor(github, values["comment-author"] as string | undefined));
  } catch (error) {
    context.warn(`could not comment on pull request #${pr.number}: ${(error as Error).message}`);
  }
}
