import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineCommand, type CommandResult } from "./command.ts";
import { parseResultFile, validatedFields } from "../gate/result-file.ts";
import { escapeMarkdown, markdownCode } from "../report/escape.ts";
import { formatNumber } from "../report/format-number.ts";
import { githubFromEnv, repoFromEnv } from "../github/client.ts";
import { commentMarker, upsertComment, commentAuthor } from "../github/sticky-comment.ts";
import { UserError } from "../errors.ts";

/**
 * The file comes from a pull request's own run, which for a fork ran the fork's code: it is shown
 * as information only, rendered from validated fields (never its Markdown), and it sets no check.
 * The verdict that counts (and the check modelkeeper / <model>) comes from the trusted run
 * (examples/workflows/modelkeeper-pr.yml), which computes it itself.
 */
function renderUntrusted(fields: ReturnType<typeof validatedFields>, runUrl: string | undefined): string {
  const figures =
    fields.metric && fields.delta !== undefined
      ? ` (${markdownCode(fields.metric)} Δ ${formatNumber(fields.delta)}${fields.ciLow !== undefined && fields.ciHigh !== undefined ? `, CI [${formatNumber(fields.ciLow)}, ${formatNumber(fields.ciHigh)}]` : ""})`
      : "";
  return [
    `#### modelkeeper · ${escapeMarkdown(fields.model)}: what the pull request's own run reported`,
    "",
    `The pull request's run reported ${markdownCode(fields.verdict)}${figures}.`,
    "",
    `> ℹ️ Not a verdict: that run may have executed the pull request's code, so nothing it reports is trusted. ` +
      `The verdict and the required check ${markdownCode(`modelkeeper / ${fields.model}`)} come only from the trusted run, which evaluates the PR's artifact itself.` +
      (runUrl ? ` [The run](${runUrl}).` : ""),
    "",
  ].join("\n");
}

/** More models than one repository's config plausibly holds: such a file is refused. */
const MAX_MODELS = 20;

export const commentCommand = defineCommand({
  name: "comment",
  summary: "show what an (untrusted) pull request run reported, as information: validated fields only, no check run",
  usage: "comment --from FILE",
  options: {
    from: { type: "string", value: "FILE", description: "the file evaluate wrote with --result-file" },
    "comment-author": {
      type: "string",
      value: "LOGIN",
      description: "login the token comments as, to find its earlier comment (default: asked of the API)",
    },
  },
  async run(context, values): Promise<CommandResult> {
    if (values.from === undefined)
      throw new UserError("comment needs --from FILE: the file evaluate wrote with --result-file.");
    const path = resolve(context.cwd, values.from);
    const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UserError(
        `${values.from}: cannot read (${error.code}). Download the result artifact first (actions/download-artifact).`,
        { file: values.from },
      );
    });
    const result = parseResultFile(text, values.from);
    // One comment per model: a file a fork wrote must not be able to flood the pull request.
    const names = new Set(result.models.map((m) => m.model));
    if (names.size !== result.models.length || names.size > MAX_MODELS) {
      throw new UserError(
        `${values.from}: lists ${result.models.length} model results (${names.size} distinct); a real run lists each model once and at most ${MAX_MODELS}: not posting.`,
        { file: values.from },
      );
    }
    const github = githubFromEnv(context.env, context.warn);
    if (!github)
      throw new UserError("comment needs a token: set GITHUB_TOKEN (the Action passes its github-token input).");
    const repo = repoFromEnv(context.env);
    if (!result.pullRequest)
      throw new UserError(
        `${values.from}: the result names no pull request (evaluate ran outside a pull_request event); nothing to comment on.`,
      );

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
    const author = await commentAuthor(github, values["comment-author"]);
    const posted = [];
    for (const model of result.models) {
      const fields = validatedFields(model);
      const comment = await upsertComment(
        github,
        repo,
        pr.number,
        commentMarker("reported", model.model),
        renderUntrusted(fields, workflowRunUrl(context.env)),
        author,
      );
      posted.push({ model: fields.model, comment: comment.url, action: comment.action, checkRun: false });
    }
    return {
      exitCode: 0,
      data: { pullRequest: pr.number, posted },
      text: posted.map((p) => `${p.model}: comment ${p.action} ${p.comment}`).join("\n"),
      outputs: { "pull-request": String(pr.number) },
    };
  },
});

function workflowRunUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_EVENT_NAME !== "workflow_run" || !env.GITHUB_EVENT_PATH) return undefined;
  try {
    const url = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"))?.workflow_run?.html_url;
    return typeof url === "string" && /^https:\/\/[A-Za-z0-9.-]+\/[A-Za-z0-9._\/-]+$/.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

function workflowRunHeadSha(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_EVENT_NAME !== "workflow_run" || !env.GITHUB_EVENT_PATH) return undefined;
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"))?.workflow_run?.head_sha;
  } catch {
    return undefined;
  }
}
