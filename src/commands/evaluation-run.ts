import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
/**
 * The evaluation run behind `evaluate` (commands/evaluate.ts) and at the end of `retrain`: shared
 * here so that no command imports another.
 */
import { type CommandContext, type CommandResult, type OptionSpec, type OptionValues } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { recordTarget } from "../provenance/record-target.ts";
import { resolveCommit } from "../git/git.ts";
import { appendNoteLines, pushNotes, readNote } from "../git/notes.ts";
import { baseRef, fromFile, fromGit, resolveChampion, type ArtifactSource } from "../gate/champion.ts";
import { configSectionSha256, holdoutSetSha256 } from "../gate/evaluation-inputs.ts";
import type { Git } from "../git/git.ts";
import { insideRepository } from "../repo-boundary.ts";
import { isUserError, UserError } from "../errors.ts";
import { evaluateModel } from "../gate/evaluate-model.ts";
import { holdoutSets } from "../gate/holdouts.ts";
import { privateHoldout } from "../gate/private-holdout.ts";
import { configAt } from "../gate/commit-tree.ts";
import { gateChangeNotice, gateChanges } from "../gate/gate-changes.ts";
import type { ModelConfig } from "../config/types.ts";
import type { ModelEvaluation } from "../gate/result.ts";
import type { Warning } from "../gate/reasons.ts";
import { conclusionOf, toResultFile } from "../gate/result-file.ts";
import { renderEvaluationMarkdown } from "../report/evaluate-markdown.ts";
import { renderEvaluationText } from "../report/evaluate-text.ts";
import { renderEvaluationHtml } from "../report/evaluate-html.ts";
import { evaluationJson } from "../report/evaluate-json.ts";
import { pullRequestFromEnv, type PullRequestInfo } from "../github/event.ts";
import { githubFromEnv, repoFromEnv } from "../github/client.ts";
import { commentAuthor, commentMarker, upsertComment } from "../github/sticky-comment.ts";
import { checksClientFromEnv, reportCheckRun } from "../github/check-run.ts";
import { newestFirst, NOTE_SCHEMA, newLineId, type EvaluateLine, type RecordLine } from "../provenance/note-line.ts";
import { readRecordedInputs } from "../provenance/record-inputs.ts";
import { TOOL } from "../version.ts";
import { commitOf } from "../git/revisions.ts";

export const EVALUATE_OPTIONS = {
  champion: {
    type: "string",
    value: "REV|PATH",
    description:
      "the champion: a commit, branch or tag, or an ONNX file (default: the newest modelkeeper/<model>/v<N> tag, else the base branch)",
  },
  challenger: {
    type: "string",
    value: "PATH",
    description: "the challenger ONNX file (default: the artifact in the working tree)",
  },
  "challenger-rev": {
    type: "string",
    value: "REV",
    description:
      "take the challenger's bytes from git objects at REV (a fetched pull request head), not from the working tree: no file of REV is checked out and none of its code runs; config and held-out set stay the working tree's (the base branch's in the trusted workflow)",
  },
  holdout: {
    type: "string",
    value: "FILE",
    description:
      "judge on this held-out file instead of data.holdout: a private set kept out of the repository, which no pull request can see or change (see README: Security)",
  },
  "result-file": {
    type: "string",
    value: "FILE",
    description: "write the result for the comment command (fork pull requests)",
  },
  "no-comment": { type: "boolean", description: "do not post the PR comment and check run, even with a token" },
  "comment-author": {
    type: "string",
    value: "LOGIN",
    description: "login the token comments as, to find its earlier comment (default: asked of the API)",
  },
  push: { type: "boolean", description: "push refs/notes/modelkeeper after writing the evaluate line" },
  remote: { type: "string", value: "NAME", description: "remote to push to (default: origin)" },
} as const satisfies Record<string, OptionSpec>;

/** evaluate's options, typed (retrain passes its own, with model and push set). */
export type EvaluateValues = OptionValues<typeof EVALUATE_OPTIONS>;

/**
 * What `evaluate` does, and the evaluation that ends a `retrain`. `pullRequest` overrides the event's PR (retrain pushes a new head commit,
 * so the event's head is stale by then).
 */
export async function runEvaluate(
  context: CommandContext,
  values: EvaluateValues,
  overrides: { pullRequest?: PullRequestInfo; commit?: string } = {},
): Promise<CommandResult> {
  const workspace = await openWorkspace(context, values);
  const { git, root } = workspace;
  const pr = overrides.pullRequest ?? pullRequestFromEnv(context.env);
  const challengerRev = values["challenger-rev"];
  if (challengerRev && values.challenger !== undefined)
    throw new UserError("--challenger and --challenger-rev both name the challenger: pass one.");
  const commit = challengerRev
    ? await resolveCommit(git, challengerRev)
    : (overrides.commit ?? (await resolveCommit(git, await recordTarget(git, context.env, undefined))));
  const base = values.champion ? undefined : await baseRef(git, context.env);
  const evaluations: ModelEvaluation[] = [];
  for (const model of workspace.models) {
    const challenger = await challengerOf(git, context.cwd, root, model, commit, values.challenger, challengerRev);
    const { champion, ignoredTags } = await resolveChampion(git, model, context.env, context.cwd, values.champion, {
      sha256: challenger.sha256,
      commit,
    });
    for (const ignored of ignoredTags) context.warn(`ignored ${ignored.tag}: ${ignored.reason}`);
    const plan =
      values.holdout !== undefined
        ? { sets: [await privateHoldout(values.holdout, context.cwd)], notices: [] as string[] }
        : await holdoutSets(git, root, model, base, workspace.config.relativePath, challengerRev ? commit : undefined);
    const gateNotice = await gateSettingsNotice(
      git,
      model,
      workspace.config.relativePath,
      challengerRev ? commit : undefined,
      base,
    );
    const notices: Warning[] = [
      ...(gateNotice ? [gateNotice] : []),
      ...plan.notices.map((text): Warning => ({ code: "holdout-notice", text })),
    ];
    const evaluated = await evaluateModel({
      model,
      challenger: { ...challenger, commit },
      champion,
      holdouts: plan.sets,
      log: context.log,
    });
    const notRetrained =
      evaluated.kind === "unchanged" ? await notRetrainedWarning(evaluated, git, commit, champion?.commit) : undefined;
    const evaluation: ModelEvaluation = {
      ...evaluated,
      notices,
      warnings: [
        ...notices,
        ...ignoredTags.map((t): Warning => ({ code: "champion-tag-ignored", tag: t.tag, why: t.reason })),
        ...evaluated.warnings,
        ...(notRetrained ? [notRetrained] : []),
      ],
      ...(ignoredTags.length ? { ignoredChampionTags: ignoredTags } : {}),
      inputs: {
        configSha256: configSectionSha256(model),
        holdoutSha256: holdoutSetSha256(plan.sets[0]?.files ?? {}),
      },
    };
    evaluations.push(evaluation);
  }

  const markdowns = evaluations.map(renderEvaluationMarkdown);
  const notes = evaluations.map((e) => noteLine(e, commit));
  const written = notes.filter((n): n is EvaluateLine => n !== undefined);
  if (written.length) await appendNoteLines(git, commit, written);
  if (values.push && written.length) await pushNotes(git, values.remote ?? "origin");
  if (values["result-file"] !== undefined) {
    await writeFile(
      resolve(context.cwd, values["result-file"]),
      JSON.stringify(toResultFile(evaluations, markdowns, notes, pr && { number: pr.number, headSha: pr.headSha })),
    );
  }
  const posted = values["no-comment"]
    ? []
    : await postToPullRequest(context, evaluations, markdowns, pr, values["comment-author"]);

  const exitCode = evaluations.some((e) => e.kind === "error")
    ? 2
    : evaluations.every((e) => e.kind === "unchanged" || e.verdict === "promote")
      ? 0
      : 1;
  const first = evaluations.find((e) => e.kind !== "unchanged") ?? evaluations[0];
  const paired = first?.holdouts.at(-1)?.paired;
  const overall = evaluations.some((e) => e.kind === "error")
    ? "error"
    : evaluations.some((e) => e.verdict === "reject")
      ? "reject"
      : evaluations.every((e) => e.kind === "unchanged")
        ? "unchanged"
        : evaluations.every((e) => e.kind === "unchanged" || e.verdict === "promote")
          ? "promote"
          : "inconclusive";
  const markdown = markdowns.join("\n");
  return {
    exitCode,
    data: { commit, verdict: overall, models: evaluations.map(evaluationJson), posted },
    text: evaluations.map(renderEvaluationText).join("\n\n"),
    markdown,
    html: renderEvaluationHtml(evaluations),
    outputs: {
      verdict: overall,
      metric: first?.metric ?? "",
      delta: paired ? String(paired.delta) : "",
      "ci-low": paired ? String(paired.ciLow) : "",
      "ci-high": paired ? String(paired.ciHigh) : "",
      report: markdown,
      commit,
    },
  };
}

function noteLine(e: ModelEvaluation, commit: string): EvaluateLine | undefined {
  if (!e.verdict || (e.kind !== "compared" && e.kind !== "first-model")) return undefined;
  const last = e.holdouts.at(-1);
  return {
    schema: NOTE_SCHEMA,
    id: newLineId(),
    event: "evaluate",
    model: e.model,
    at: new Date().toISOString(),
    tool: TOOL,
    verdict: e.verdict,
    kind: e.kind,
    commit,
    challenger: { sha256: e.challenger.sha256, path: e.challenger.label },
    ...(e.champion ? { champion: { sha256: e.champion.sha256, source: e.champion.label } } : {}),
    metric: last?.paired?.metric ?? e.metric,
    ...(last?.paired ? { delta: last.paired.delta, ciLow: last.paired.ciLow, ciHigh: last.paired.ciHigh } : {}),
    holdout: Object.assign({}, ...e.holdouts.map((h) => h.files)),
    seed: e.seed,
    ...(e.inputs ? { configSha256: e.inputs.configSha256, holdoutSha256: e.inputs.holdoutSha256 } : {}),
  };
}

/** The challenger's bytes: --challenger FILE, the artifact at --challenger-rev (from git objects), or the working tree's. */
async function challengerOf(
  git: Git,
  cwd: string,
  root: string,
  model: ModelConfig,
  commit: string,
  file: string | undefined,
  rev: string | undefined,
): Promise<ArtifactSource> {
  const artifact = model.artifact;
  if (rev) {
    const found = await fromGit(git, commit, artifact, `commit ${commit.slice(0, 12)} (from git objects)`);
    if (!found)
      throw new UserError(
        `--challenger-rev ${rev}: ${artifact} (the artifact the base's config names) does not exist at ${commit.slice(0, 12)}. A pull request that moves the artifact must change the config on the base branch first.`,
      );
    return found;
  }
  if (typeof file === "string") return fromFile(resolve(cwd, file), `file ${file}`);
  // The config's artifact: a link out of the repository must not make evaluate read (and hash) another file.
  return fromFile(insideRepository(root, artifact, `models.${model.name}.artifact`), "working tree");
}

/**
 * With --challenger-rev the working tree is the base and REV the branch; otherwise the working tree
 * is the branch and the base branch is the base. Undefined when there is nothing to compare.
 */
async function gateSettingsNotice(
  git: Git,
  model: ModelConfig,
  configPath: string,
  challengerCommit: string | undefined,
  base: { ref: string } | undefined,
): Promise<Warning | undefined> {
  const other = challengerCommit ?? (base ? await commitOf(git, base.ref) : undefined);
  if (!other) return undefined;
  const config = await configAt(git, other, configPath).catch(() => undefined);
  const counterpart = config?.models.find((m) => m.name === model.name);
  if (!counterpart) return undefined;
  return challengerCommit
    ? gateChangeNotice(gateChanges(model, counterpart), "base")
    : gateChangeNotice(gateChanges(counterpart, model), "branch");
}

/** A PR whose inputs changed but whose artifact did not was probably not retrained: the warning that says so. */
async function notRetrainedWarning(
  e: ModelEvaluation,
  git: Parameters<typeof readNote>[0],
  commit: string,
  championCommit: string | undefined,
): Promise<Warning | undefined> {
  if (!championCommit) return undefined;
  // Only lines naming the artifact both commits hold count: a line dated later for other bytes is not theirs.
  const naming = async (rev: string) =>
    newestFirst(await readNote(git, rev), "record", e.model).find((l) => l.artifact?.sha256 === e.challenger.sha256);
  const mine = await naming(commit);
  const theirs = await naming(championCommit);
  if (!mine || !theirs) return undefined;
  // A note line is the record, not the authority: one that cannot be read (altered, or naming a
  // manifest that is not there) is reported and decides nothing, never an error of the evaluation.
  let changed: boolean;
  try {
    changed = (await inputsFingerprint(git, mine)) !== (await inputsFingerprint(git, theirs));
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { code: "retrained-unknown", error: error.message.split("\n")[0] };
  }
  return changed ? { code: "inputs-changed-artifact-did-not" } : undefined;
}

/** What a record says went in (manifest or inline hashes, and the config section), as one comparable string. */
async function inputsFingerprint(git: Git, record: RecordLine): Promise<string> {
  const { inputs } = await readRecordedInputs(git, record, `the record of ${record.model}`);
  return JSON.stringify([inputs, record.section?.sha256 ?? null]);
}

async function postToPullRequest(
  context: CommandContext,
  evaluations: ModelEvaluation[],
  markdowns: string[],
  pr: ReturnType<typeof pullRequestFromEnv>,
  configuredAuthor: string | undefined,
): Promise<Array<{ model: string; comment?: string; checkRun: boolean }>> {
  const github = githubFromEnv(context.env, context.warn);
  if (!pr || !github) return [];
  const repo = repoFromEnv(context.env);
  const checks = checksClientFromEnv(context.env, context.warn);
  const out: Array<{ model: string; comment?: string; checkRun: boolean }> = [];
  let author: string | undefined;
  for (const [i, evaluation] of evaluations.entries()) {
    let url: string | undefined;
    try {
      author ??= await commentAuthor(github, configuredAuthor);
      url = (
        await upsertComment(github, repo, pr.number, commentMarker("evaluate", evaluation.model), markdowns[i], author)
      ).url;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status !== 403 && status !== 404) throw error;
      context.warn(
        `could not comment on pull request #${pr.number} (HTTP ${status}): a fork's read-only token? Use --result-file and the comment workflow (see README).`,
      );
    }
    const check = await reportCheckRun(checks?.github ?? github, repo, {
      name: `modelkeeper / ${evaluation.model}`,
      headSha: pr.headSha,
      conclusion: conclusionOf(evaluation),
      title: evaluation.verdict
        ? `${evaluation.model}: ${evaluation.verdict}`
        : `${evaluation.model}: ${evaluation.kind === "unchanged" ? "unchanged" : "no verdict"}`,
      summary: markdowns[i],
    });
    if (!check.created) context.warn(check.reason ?? "no check run");
    out.push({ model: evaluation.model, comment: url, checkRun: check.created });
  }
  return out;
}
