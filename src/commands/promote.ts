import type { Command, CommandResult } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { resolveCommit, type Git } from "../git/git.ts";
import { appendNoteLines, mergeRemoteNotes, readAllNotes } from "../git/notes.ts";
import { fetchModelTags, deleteLocalTag } from "../git/tags.ts";
import { championTags, fromGit, tagPrefix } from "../gate/champion.ts";
import { NOTE_SCHEMA, NOTES_REF, newLineId, type EvaluateLine, type PromoteLine } from "../provenance/note-line.ts";
import { TOOL } from "../version.ts";
import { UserError } from "../errors.ts";
import type { ModelConfig } from "../config/types.ts";
import { escapeMarkdown, markdownCode } from "../report/escape.ts";

interface Promotion {
  model: string;
  status: "promoted" | "already-champion";
  version: number;
  tag: string;
  sha256: string;
  forcedBy?: string;
  evaluation?: PromoteLine["evaluation"];
}

export const promoteCommand: Command = {
  name: "promote",
  summary: "make a commit's artifact the champion, if its evaluation said promote: note line + tag modelkeeper/<model>/v<N>",
  usage: "promote [--commit REV] [--force] [--no-push]",
  options: {
    commit: { type: "string", value: "REV", description: "commit whose artifact to promote (default: HEAD, e.g. the merge commit)" },
    force: { type: "boolean", description: "promote without a winning evaluation (loud; records who forced it)" },
    "no-push": { type: "boolean", description: "create the tag and note locally only (default: push both to the remote atomically)" },
    remote: { type: "string", value: "NAME", description: "remote to push to (default: origin)" },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const { git } = workspace;
    const remote = (values.remote as string | undefined) ?? "origin";
    const push = !values["no-push"];
    const commit = await resolveCommit(git, (values.commit as string | undefined) ?? "HEAD");
    if (push) {
      // Evaluations were written on PR branches by other jobs: bring in their notes and tags.
      await mergeRemoteNotes(git, remote);
      await fetchModelTags(git, remote);
    }
    const promotions: Promotion[] = [];
    for (const model of workspace.models) {
      promotions.push(await promoteModel(git, model, commit, { force: Boolean(values.force), push, remote, env: context.env, warn: context.warn, log: context.log }));
    }
    const text = promotions
      .map((p) => (p.status === "already-champion" ? `${p.model}: already the champion as ${p.tag}` : `${p.model}: promoted to ${p.tag}${p.forcedBy ? ` (FORCED by ${p.forcedBy}, without a winning evaluation)` : ""}`))
      .join("\n");
    const markdown = [
      "### modelkeeper promote",
      "",
      ...promotions.map((p) => `- **${escapeMarkdown(p.model)}**: ${p.status === "already-champion" ? "already the champion as" : "promoted to"} ${markdownCode(p.tag)}${p.forcedBy ? ` ⚠️ forced by ${escapeMarkdown(p.forcedBy)}` : ""}`),
      "",
    ].join("\n");
    return {
      exitCode: 0,
      data: { commit, promotions },
      text,
      markdown,
      outputs: { tags: promotions.map((p) => p.tag).join(","), version: promotions.map((p) => String(p.version)).join(",") },
    };
  },
};

interface PromoteOptions {
  force: boolean;
  push: boolean;
  remote: string;
  env: NodeJS.ProcessEnv;
  warn(line: string): void;
  log(line: string): void;
}

async function promoteModel(git: Git, model: ModelConfig, commit: string, options: PromoteOptions): Promise<Promotion> {
  const artifact = await fromGit(git, commit, model.artifact, `commit ${commit.slice(0, 12)}`);
  if (!artifact) throw new UserError(`${model.artifact} does not exist at ${commit.slice(0, 12)}: nothing to promote for ${model.name}.`);

  const tags = await championTags(git, model.name);
  if (tags.length) {
    const current = await fromGit(git, tags[0].tag, model.artifact, tags[0].tag);
    if (current?.sha256 === artifact.sha256) {
      return { model: model.name, status: "already-champion", version: tags[0].version, tag: tags[0].tag, sha256: artifact.sha256 };
    }
  }

  // The evaluation is found by the artifact's hash, not by commit: merge, squash and rebase
  // merges all make new commits, but the bytes of the artifact stay the same.
  const evaluation = await findEvaluation(git, model.name, artifact.sha256);
  let forcedBy: string | undefined;
  if (!evaluation || evaluation.line.verdict !== "promote") {
    const why = evaluation
      ? `its latest evaluation (${evaluation.line.at}, on ${evaluation.commit.slice(0, 12)}) said ${evaluation.line.verdict}`
      : `no evaluation of this artifact (sha256 ${artifact.sha256.slice(0, 12)}) was found in ${NOTES_REF}`;
    if (!options.force) {
      throw new UserError(
        `refusing to promote ${model.name}: ${why}. Run evaluate on the pull request that built it (and push its notes), ` +
          `or pass --force to promote anyway (recorded with your name).`,
      );
    }
    forcedBy = await whoIsForcing(git, options.env);
    options.warn(`FORCED promotion of ${model.name} by ${forcedBy}: ${why}.`);
  }

  for (let attempt = 1; attempt <= 10; attempt++) {
    const version = ((await championTags(git, model.name))[0]?.version ?? 0) + 1;
    const tag = `${tagPrefix(model.name)}${version}`;
    const line: PromoteLine = {
      schema: NOTE_SCHEMA,
      id: newLineId(),
      event: "promote",
      model: model.name,
      at: new Date().toISOString(),
      tool: TOOL,
      version,
      tag,
      artifact: { path: model.artifact, sha256: artifact.sha256 },
      ...(evaluation ? { evaluation: { commit: evaluation.commit, verdict: evaluation.line.verdict, at: evaluation.line.at, id: evaluation.line.id } } : {}),
      ...(forcedBy ? { forcedBy } : {}),
    };
    const notesBefore = (await git.tryRun(["rev-parse", "--verify", "--quiet", NOTES_REF])).stdout.trim();
    await appendNoteLines(git, commit, [line]);
    await git.run(["tag", "-a", tag, "-m", `modelkeeper: ${model.name} v${version}\n\n${JSON.stringify(line)}`, commit]);
    if (!options.push) return { model: model.name, status: "promoted", version, tag, sha256: artifact.sha256, forcedBy, evaluation: line.evaluation };

    // One atomic push claims the version and publishes the note: both land, or neither does.
    const result = await git.tryRun(["push", "--atomic", "--porcelain", options.remote, `refs/tags/${tag}`, `${NOTES_REF}:${NOTES_REF}`]);
    if (result.code === 0) return { model: model.name, status: "promoted", version, tag, sha256: artifact.sha256, forcedBy, evaluation: line.evaluation };

    // Lost a race (another promote took v<N>, or pushed notes): undo locally, catch up, retry.
    await deleteLocalTag(git, tag);
    if (notesBefore) await git.run(["update-ref", NOTES_REF, notesBefore]);
    else await git.tryRun(["update-ref", "-d", NOTES_REF]);
    if (!/rejected|already exists|fetch first|non-fast-forward|failed to update|cannot lock/i.test(result.stdout + result.stderr)) {
      throw new UserError(`could not push ${tag} and ${NOTES_REF} to ${options.remote}: ${(result.stderr || result.stdout).trim()}. Nothing was promoted; check that the job may push (permissions: contents: write).`);
    }
    options.log(`promote: ${tag} or the notes moved on ${options.remote} meanwhile; fetching and trying again`);
    await fetchModelTags(git, options.remote);
    await mergeRemoteNotes(git, options.remote);
  }
  throw new UserError(`could not promote ${model.name}: other promotions kept racing. Run promote again.`);
}

/** The newest evaluation of an artifact, by hash, across every note. */
export async function findEvaluation(git: Git, model: string, sha256: string): Promise<{ commit: string; line: EvaluateLine } | undefined> {
  let best: { commit: string; line: EvaluateLine } | undefined;
  for (const { commit, lines } of await readAllNotes(git)) {
    for (const line of lines) {
      if (line.event !== "evaluate" || line.model !== model || line.challenger?.sha256 !== sha256) continue;
      if (!best || line.at > best.line.at) best = { commit, line };
    }
  }
  return best;
}

async function whoIsForcing(git: Git, env: NodeJS.ProcessEnv): Promise<string> {
  if (env.GITHUB_ACTOR) return `${env.GITHUB_ACTOR} (GitHub Actions run ${env.GITHUB_RUN_ID ?? "?"})`;
  const name = (await git.tryRun(["config", "user.name"])).stdout.trim();
  const email = (await git.tryRun(["config", "user.email"])).stdout.trim();
  return name || email ? `${name} <${email}>` : "unknown user";
}

