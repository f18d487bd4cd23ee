import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command, CommandResult } from "./command.ts";
import { parseResultFile } from "../gate/result-file.ts";
import { githubFromEnv, repoFromEnv } from "../github/client.ts";
import { commentMarker, upsertComment, commentAuthor } from "../github/sticky-comment.ts";
import { reportCheckRun } from "../github/check-run.ts";
import { UserError } from "../errors.ts";

const UNTRUSTED_NOTE =
  "> ℹ️ Computed by the pull request's own workflow run and posted by the `workflow_run` workflow. " +
  "For a fork, that run executed the fork's code: the promotion itself is decided again on the default branch after merge.";

export const commentCommand: Command = {
  name: "comment",
  summary: "post a saved evaluate result on its pull request (the workflow_run half of the fork-PR pattern)",
  usage: "comment --from FILE",
  options: {
    from: { type: "string", value: "FILE", description: "the file evaluate wrote with --result-file" },
    "comment-author": { type: "string", value: "LOGIN", description: "login the token comments as, to find its earlier comment (default: asked of the API)" },
  },
  async run(context, values): Promise<CommandResult> {
    if (typeof values.from !== "string") throw new UserError("comment needs --from FILE: the file evaluate wrote with --result-file.");
    const path = resolve(context.cwd, values.from);
    const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UserError(`${values.from}: cannot read (${error.code}). Download the result artifact first (actions/download-artifact).`, { file: values.from as string });
    });
    const result = parseResultFile(text, values.from);
    const github = githubFromEnv(context.env, context.warn);
    if (!github) throw new UserError("comment needs a token: set GITHUB_TOKEN (the Action passes its github-token input).");
    const repo = repoFromEnv(context.env);
    if (!result.pullRequest) throw new UserError(`${values.from}: the result names no pull request (evaluate ran outside a pull_request event); nothing to comment on.`);

    // The file may come from a fork's run: post only for the PR whose head is still the commit
    // that was evaluated, and that the triggering workflow run built.
    const { data: pr } = await github.rest.pulls.get({ ...repo, pull_number: result.pullRequest.number });
    const runHead = workflowRunHeadSha(context.env);
    if (pr.head.sha !== result.pullRequest.headSha || (runHead && runHead !== result.pullRequest.headSha)) {
      throw new UserError(
        `the result is for ${result.pullRequest.headSha.slice(0, 12)}, but pull request #${pr.number} is now at ${pr.head.sha.slice(0, 12)}` +
          `${runHead ? ` and the workflow run built ${runHead.slice(0, 12)}` : ""}: not posting a stale or mismatched result.`,
      );
    }
    const author = await commentAuthor(github, values["comment-author"] as string | undefined);
    const posted = [];
    for (const model of result.models) {
      const comment = await upsertComment(github, repo, pr.number, commentMarker("evaluate", model.model), `${model.markdown}\n${UNTRUSTED_NOTE}\n`, author);
      const check = await reportCheckRun(github, repo, {
        name: `modelkeeper / ${model.model}`,
        headSha: result.pullRequest.headSha,
        conclusion: model.conclusion,
        title: model.verdict ? `${model.model}: ${model.verdict}` : `${model.model}: no verdict`,
        summary: model.markdown,
      });
      if (!check.created) context.warn(check.reason ?? "check run not created");
      posted.push({ model: model.model, comment: comment.url, action: comment.action, checkRun: check.created });
    }
    return {
      exitCode: 0,
      data: { pullRequest: pr.number, posted },
      text: posted.map((p) => `${p.model}: comment ${p.action} ${p.comment}`).join("\n"),
      outputs: { "pull-request": String(pr.number) },
    };
  },
};

function workflowRunHeadSha(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_EVENT_NAME !== "workflow_run" || !env.GITHUB_EVENT_PATH) return undefined;
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"))?.workflow_run?.head_sha;
  } catch {
    return undefined;
  }
}
