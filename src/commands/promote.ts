import { defineCommand, type CommandResult } from "./command.ts";
import { openWorkspace, selectModels } from "./workspace.ts";
import { resolveCommit, type Git } from "../git/git.ts";
import { appendNoteLines, mergeRemoteNotes, readNote } from "../git/notes.ts";
import {
  annotatedTagText,
  createAnnotatedTag,
  deleteLocalTag,
  fetchModelTags,
  localTagIds,
  pushTagWithNotes,
  remoteTagIds,
} from "../git/tags.ts";
import {
  fromGit,
  parseChampionClaim,
  tagPrefix,
  trustedChampion,
  trustedChampionTags,
  type IgnoredTag,
  type TrustedChampion,
} from "../gate/champion.ts";
import { rolledBackTo } from "../provenance/rollback-trailer.ts";
import { configAt, holdoutAt } from "../gate/commit-tree.ts";
import { privateHoldout } from "../gate/private-holdout.ts";
import type { HoldoutInput } from "../gate/score-holdout.ts";
import { evaluateModel } from "../gate/evaluate-model.ts";
import { configSectionSha256, holdoutSetSha256 } from "../gate/evaluation-inputs.ts";
import type { ModelEvaluation } from "../gate/result.ts";
import type { Warning } from "../gate/reasons.ts";
import { evaluationJson } from "../report/evaluate-json.ts";
import { reasonText } from "../report/reason-text.ts";
import { renderEvaluationMarkdown } from "../report/evaluate-markdown.ts";
import { NOTE_SCHEMA, NOTES_REF, newLineId, type EvaluateLine, type PromoteLine } from "../provenance/note-line.ts";
import { TOOL } from "../version.ts";
import { UserError } from "../errors.ts";
import type { ModelConfig } from "../config/types.ts";
import { escapeMarkdown, markdownCode } from "../report/escape.ts";
import { commitMessage, commitOf } from "../git/revisions.ts";
import { deleteRef, updateRef } from "../git/refs.ts";
import { configuredIdentity } from "../git/identity.ts";

interface Promotion {
  model: string;
  status: "promoted" | "already-champion";
  version: number;
  tag: string;
  sha256: string;
  forcedBy?: string;
  /** The verdict computed in this run (absent when the artifact already was the champion). */
  evaluation?: {
    verdict?: string;
    kind: string;
    champion?: string;
    configSha256: string;
    holdoutSha256: string;
    reasons: string[];
  };
  /** Set when the artifact was an earlier champion (a rollback): that tag. */
  restores?: string;
  /** A run killed after tagging locally, completed now. */
  resumed?: boolean;
  ignoredTags: IgnoredTag[];
}

export const promoteCommand = defineCommand({
  name: "promote",
  summary:
    "make a commit's artifact the champion if it wins a evaluation computed here (the commit's own config and held-out set, against the trusted champion): note lines + tag modelkeeper/<model>/v<N>",
  usage: "promote [--commit REV] [--holdout FILE] [--force] [--no-push]",
  options: {
    commit: {
      type: "string",
      value: "REV",
      description: "commit whose artifact to promote (default: HEAD, e.g. the merge commit)",
    },
    force: {
      type: "boolean",
      description:
        "promote even when the evaluation computed here does not say promote (loud; records who forced it and the verdict)",
    },
    "no-push": {
      type: "boolean",
      description: "create the tag and note locally only (default: push both to the remote atomically)",
    },
    remote: { type: "string", value: "NAME", description: "remote to push to (default: origin)" },
    holdout: {
      type: "string",
      value: "FILE",
      description:
        "judge on this held-out file instead of the commit's data.holdout: the private set the PR workflow judged on (see README: Security)",
    },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const { git } = workspace;
    const remote = values.remote ?? "origin";
    const push = !values["no-push"];
    const commit = await resolveCommit(git, values.commit ?? "HEAD");
    // The commit's own config decides, not the working tree's (nor a config some other run used).
    const config = await configAt(git, commit, workspace.config.relativePath);
    if (!config)
      throw new UserError(
        `${workspace.config.relativePath} does not exist at ${commit.slice(0, 12)}: promote judges a commit on its own config. Commit the config first.`,
      );
    const models = selectModels(config, values.model);
    if (push) {
      await mergeRemoteNotes(git, remote);
      await fetchModelTags(git, remote);
    }
    const holdout = values.holdout !== undefined ? await privateHoldout(values.holdout, context.cwd) : undefined;
    const options: PromoteOptions = {
      force: Boolean(values.force),
      push,
      remote,
      env: context.env,
      warn: context.warn,
      log: context.log,
      configFile: workspace.config.relativePath,
      ...(holdout ? { holdout } : {}),
    };
    const promotions: Promotion[] = [];
    const evaluations: ModelEvaluation[] = [];
    for (const model of models) {
      const { promotion, evaluation } = await promoteModel(git, model, commit, options);
      promotions.push(promotion);
      if (evaluation) evaluations.push(evaluation);
    }
    const text = promotions
      .map((p) =>
        p.status === "already-champion"
          ? `${p.model}: already the champion as ${p.tag}`
          : `${p.model}: promoted to ${p.tag}${p.resumed ? " (completing an interrupted promote)" : ""}${p.forcedBy ? ` (FORCED by ${p.forcedBy}; the evaluation here said ${p.evaluation?.verdict ?? "nothing"})` : ""}`,
      )
      .join("\n");
    const markdown = [
      "### modelkeeper promote",
      "",
      ...promotions.map(
        (p) =>
          `- **${escapeMarkdown(p.model)}**: ${p.status === "already-champion" ? "already the champion as" : "promoted to"} ${markdownCode(p.tag)}` +
          `${p.forcedBy ? ` ⚠️ forced by ${escapeMarkdown(p.forcedBy)} (the evaluation here said ${escapeMarkdown(p.evaluation?.verdict ?? "nothing")})` : ""}`,
      ),
      "",
      ...evaluations.map(renderEvaluationMarkdown),
    ].join("\n");
    return {
      exitCode: 0,
      data: { commit, promotions, evaluations: evaluations.map(evaluationJson) },
      text,
      markdown,
      outputs: {
        tags: promotions.map((p) => p.tag).join(","),
        version: promotions.map((p) => String(p.version)).join(","),
      },
    };
  },
});

interface PromoteOptions {
  force: boolean;
  /** --holdout FILE: the private held-out set, instead of the commit's data.holdout. */
  holdout?: HoldoutInput;
  push: boolean;
  remote: string;
  env: NodeJS.ProcessEnv;
  configFile: string;
  warn(line: string): void;
  log(line: string): void;
}

/**
 * Promotes one model. The verdict is computed here, on the commit's own config and held-out set,
 * against the trusted champion; no note line is obeyed. The tag and the note lines are pushed in
 * one `git push --atomic`: the remote gets both or neither. A rerun after a kill completes a
 * local-only tag of the same artifact; a lost race fetches, re-judges and tries again.
 */
async function promoteModel(
  git: Git,
  model: ModelConfig,
  commit: string,
  options: PromoteOptions,
): Promise<{ promotion: Promotion; evaluation?: ModelEvaluation }> {
  const artifact = await fromGit(git, commit, model.artifact, `commit ${commit.slice(0, 12)}`);
  if (!artifact)
    throw new UserError(
      `${model.artifact} does not exist at ${commit.slice(0, 12)}: nothing to promote for ${model.name}.`,
    );
  const base = { model: model.name, sha256: artifact.sha256 };

  for (let attempt = 1; attempt <= 5; attempt++) {
    if (options.push) {
      const resumed = await resumeLocalOnlyTag(git, model, commit, artifact.sha256, options);
      if (resumed) return { promotion: { ...base, ...resumed, status: "promoted", resumed: true, ignoredTags: [] } };
    }
    const { champion, ignored } = await trustedChampion(git, model.name, {
      within: { commit, name: `the promoted commit ${commit.slice(0, 12)}` },
    });
    for (const t of ignored) options.warn(`ignored ${t.tag}: ${t.reason}`);
    if (champion?.artifact.sha256 === artifact.sha256) {
      return {
        promotion: {
          ...base,
          status: "already-champion",
          version: champion.version,
          tag: champion.tag,
          ignoredTags: ignored,
        },
      };
    }

    const holdout = options.holdout ?? (await holdoutAt(git, commit, model, "holdout"));
    const evaluated = await evaluateModel({
      model,
      challenger: { ...artifact, commit },
      champion: champion?.artifact,
      holdouts: [holdout],
      log: options.log,
    });
    const inputs = { configSha256: configSectionSha256(model), holdoutSha256: holdoutSetSha256(holdout.files) };
    const evaluation: ModelEvaluation = {
      ...evaluated,
      warnings: [
        ...ignored.map((t): Warning => ({ code: "champion-tag-ignored", tag: t.tag, why: t.reason })),
        ...evaluated.warnings,
      ],
      ...(ignored.length ? { ignoredChampionTags: ignored } : {}),
      inputs,
    };
    const summary = {
      verdict: evaluation.verdict,
      kind: evaluation.kind,
      champion: champion?.tag,
      ...inputs,
      reasons: [...evaluation.reasons.map(reasonText), ...evaluation.errors],
    };
    let forcedBy: string | undefined;
    // A rollback restores an artifact that was the champion before: it need not beat the champion
    // it replaces, which is misbehaving in production. Only a rollback said so: any other commit
    // bringing back a former champion's bytes (a PR judged against another base) must win.
    const restores =
      evaluation.verdict === "promote" ? undefined : await rollbackTarget(git, model, commit, artifact.sha256);
    if (restores)
      options.log(
        `promote: ${model.name}'s artifact was the champion as ${restores.tag}: re-promoting it (a rollback) without a winning evaluation`,
      );
    if (evaluation.verdict !== "promote" && !restores) {
      const why =
        `evaluated here against ${champion ? champion.tag : "no champion (first model: absolute floors only)"} on ${commit.slice(0, 12)}'s own config and held-out set, ` +
        `it ${evaluation.verdict ? `says ${evaluation.verdict}` : "has no verdict"}: ${summary.reasons.join("; ") || "no reason given"}`;
      if (!options.force)
        throw new UserError(
          `refusing to promote ${model.name}: ${why}. Promote only a model that wins, or pass --force to promote anyway (recorded with your name).`,
        );
      forcedBy = await whoIsForcing(git, options.env);
      options.warn(`FORCED promotion of ${model.name} by ${forcedBy}: ${why}.`);
    }

    const version = await nextVersion(git, model.name, commit, options);
    const tag = `${tagPrefix(model.name)}${version}`;
    const at = new Date().toISOString();
    const evaluateLine = evaluateLineOf(evaluation, model, commit, at, options.configFile);
    const line: PromoteLine = {
      schema: NOTE_SCHEMA,
      id: newLineId(),
      event: "promote",
      model: model.name,
      at,
      tool: TOOL,
      version,
      tag,
      artifact: { path: model.artifact, sha256: artifact.sha256 },
      ...(evaluateLine ? { evaluation: { commit, verdict: evaluateLine.verdict, at, id: evaluateLine.id } } : {}),
      computedBy: "promote",
      ...inputs,
      ...(champion ? { champion: { tag: champion.tag, sha256: champion.artifact.sha256 } } : {}),
      ...(restores ? { restores: restores.tag } : {}),
      ...(forcedBy ? { forcedBy } : {}),
    };
    const notesBefore = await commitOf(git, NOTES_REF);
    // The tag first, then the note: a run killed in between leaves a local tag whose message
    // carries the line, which the rerun re-appends before it pushes both.
    await createAnnotatedTag(git, tag, tagMessage(line), commit);
    await appendNoteLines(git, commit, evaluateLine ? [evaluateLine, line] : [line]);
    const promotion: Promotion = {
      ...base,
      status: "promoted",
      version,
      tag,
      forcedBy,
      restores: restores?.tag,
      evaluation: summary,
      ignoredTags: ignored,
    };
    if (!options.push) return { promotion, evaluation };

    const pushed = await pushTagWithNotes(git, options.remote, tag, NOTES_REF);
    if (pushed.ok) return { promotion, evaluation };

    // Lost a race (another promote took v<N>, or pushed notes): undo locally, catch up, judge again.
    await deleteLocalTag(git, tag);
    if (notesBefore) await updateRef(git, NOTES_REF, notesBefore);
    else await deleteRef(git, NOTES_REF);
    if (!/rejected|already exists|fetch first|non-fast-forward|failed to update|cannot lock/i.test(pushed.output)) {
      throw new UserError(
        `could not push ${tag} and ${NOTES_REF} to ${options.remote}: ${pushed.output}. Nothing was promoted; check that the job may push (permissions: contents: write).`,
      );
    }
    options.log(`promote: ${tag} or the notes moved on ${options.remote} meanwhile; fetching and judging again`);
    await fetchModelTags(git, options.remote);
    await mergeRemoteNotes(git, options.remote);
  }
  throw new UserError(`could not promote ${model.name}: other promotions kept racing. Run promote again.`);
}

/**
 * A tag of this artifact that exists here but not on the remote was made by a promote killed
 * before its push: push it now (with its note line). Other local-only champion tags are leftovers
 * of a lost race or made by hand; they are removed so they cannot shadow the remote's.
 */
async function resumeLocalOnlyTag(
  git: Git,
  model: ModelConfig,
  commit: string,
  sha256: string,
  options: PromoteOptions,
): Promise<{ version: number; tag: string } | undefined> {
  const prefix = tagPrefix(model.name);
  const [remote, local] = [await remoteTagIds(git, options.remote, prefix), await localTagIds(git, prefix)];
  let resume: { tag: string; line: PromoteLine } | undefined;
  for (const [tag, id] of local) {
    if (remote.get(tag) === id) continue;
    const message = await annotatedTagText(git, tag);
    const peeled = await commitOf(git, `refs/tags/${tag}`);
    const claim = parseChampionClaim(message.slice(message.indexOf("\n\n") + 2), model.name, tag);
    if (!resume && !remote.has(tag) && claim && claim.artifact.sha256 === sha256 && peeled === commit) {
      resume = {
        tag,
        line: JSON.parse(
          message
            .split("\n")
            .find((l) => l.trim().startsWith("{") && l.includes(`"tag":${JSON.stringify(tag)}`))!
            .trim(),
        ),
      };
      continue;
    }
    options.log(
      `promote: removing the local-only tag ${tag} (not on ${options.remote}): a leftover of an interrupted or lost promote`,
    );
    await deleteLocalTag(git, tag);
  }
  if (!resume) return undefined;
  if (!(await readNote(git, commit)).some((l) => l.event === "promote" && l.id === resume.line.id))
    await appendNoteLines(git, commit, [resume.line]);
  options.log(
    `promote: ${resume.tag} was created here but never pushed (an interrupted promote): pushing it with its note`,
  );
  for (let attempt = 1; attempt <= 5; attempt++) {
    if ((await pushTagWithNotes(git, options.remote, resume.tag, NOTES_REF)).ok)
      return { version: resume.line.version, tag: resume.tag };
    if ((await remoteTagIds(git, options.remote, prefix)).has(resume.tag)) {
      // Someone else took the name meanwhile: drop ours and judge again.
      await deleteLocalTag(git, resume.tag);
      await fetchModelTags(git, options.remote);
      return undefined;
    }
    await mergeRemoteNotes(git, options.remote); // the notes moved on: merge and push again
  }
  throw new UserError(
    `could not push ${resume.tag} and ${NOTES_REF} to ${options.remote}: other writers kept pushing notes. Run promote again.`,
  );
}

/**
 * The trusted former champion this commit rolls back to, if it is a rollback: the commit that last
 * changed the artifact (the rollback commit itself, through a merge or a squash) says
 * `Modelkeeper-Rollback: <model> vN`, and vN is a trusted tag of exactly these bytes.
 */
async function rollbackTarget(
  git: Git,
  model: ModelConfig,
  commit: string,
  sha256: string,
): Promise<TrustedChampion | undefined> {
  const message = await commitMessage(git, commit, model.artifact);
  const versions = rolledBackTo(message, model.name);
  if (!versions.length) return undefined;
  for await (const former of trustedChampionTags(
    git,
    model.name,
    { only: { sha256 }, within: { commit, name: `the promoted commit ${commit.slice(0, 12)}` } },
    [],
  )) {
    if (versions.includes(former.version)) return former;
  }
  return undefined;
}

/**
 * The next version: one above the newest trusted champion in the promoted commit's history, then
 * past any name already taken here or on the remote (trusted or not, a tag name can be used once).
 * Only trusted tags set the numbering: a hand-pushed v99999999999999999999999 must not make the
 * next name unreadable (v1e+23) or freeze the champion.
 */
async function nextVersion(git: Git, model: string, commit: string, options: PromoteOptions): Promise<number> {
  let next = 1;
  for await (const newest of trustedChampionTags(
    git,
    model,
    { within: { commit, name: `the promoted commit ${commit.slice(0, 12)}` } },
    [],
  )) {
    next = newest.version + 1;
    break;
  }
  const prefix = tagPrefix(model);
  const taken = new Set([
    ...(await localTagIds(git, prefix)).keys(),
    ...(options.push ? (await remoteTagIds(git, options.remote, prefix)).keys() : []),
  ]);
  while (taken.has(`${prefix}${next}`)) next++;
  return next;
}

/** promote's claim, machine-readable: the promote line as JSON on its own line (see champion.ts). */
function tagMessage(line: PromoteLine): string {
  return `modelkeeper: ${line.model} v${line.version}\n\nmodel ${line.model}, artifact ${line.artifact.path} sha256 ${line.artifact.sha256}\n\n${JSON.stringify(line)}`;
}

function evaluateLineOf(
  e: ModelEvaluation,
  model: ModelConfig,
  commit: string,
  at: string,
  configFile: string,
): EvaluateLine | undefined {
  if (!e.verdict || (e.kind !== "compared" && e.kind !== "first-model")) return undefined;
  const last = e.holdouts.at(-1);
  return {
    schema: NOTE_SCHEMA,
    id: newLineId(),
    event: "evaluate",
    model: model.name,
    at,
    tool: TOOL,
    verdict: e.verdict,
    kind: e.kind,
    commit,
    challenger: { sha256: e.challenger.sha256, path: model.artifact },
    ...(e.champion ? { champion: { sha256: e.champion.sha256, source: e.champion.label } } : {}),
    metric: last?.paired?.metric ?? e.metric,
    ...(last?.paired ? { delta: last.paired.delta, ciLow: last.paired.ciLow, ciHigh: last.paired.ciHigh } : {}),
    holdout: Object.assign({}, ...e.holdouts.map((h) => h.files)),
    seed: e.seed,
    computedBy: "promote",
    configFile,
    ...(e.inputs ?? {}),
  };
}

async function whoIsForcing(git: Git, env: NodeJS.ProcessEnv): Promise<string> {
  if (env.GITHUB_ACTOR) return `${env.GITHUB_ACTOR} (GitHub Actions run ${env.GITHUB_RUN_ID ?? "?"})`;
  const { name, email } = await configuredIdentity(git);
  return name || email ? `${name} <${email}>` : "unknown user";
}
