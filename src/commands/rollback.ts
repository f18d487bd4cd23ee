import { mkdir, copyFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Command, CommandResult } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { appendNoteLines, mergeRemoteNotes, pushNotes, readNote } from "../git/notes.ts";
import { fetchModelTags } from "../git/tags.ts";
import { championTags, fromGit, tagPrefix } from "../gate/champion.ts";
import { latest, NOTE_SCHEMA, newLineId, type RecordLine } from "../provenance/note-line.ts";
import { githubFromEnv, repoFromEnv } from "../github/client.ts";
import { TOOL } from "../version.ts";
import { UserError } from "../errors.ts";

export const rollbackCommand: Command = {
  name: "rollback",
  summary: "restore a previous champion's artifact, as a commit or a pull request; promote then re-tags it as the newest version",
  usage: "rollback --model NAME [--to vN] [--pr]",
  options: {
    to: { type: "string", value: "vN", description: "the version to restore (default: the champion before the current one)" },
    pr: { type: "boolean", description: "push a branch modelkeeper/rollback/<model> and open a pull request (needs GITHUB_TOKEN and GITHUB_REPOSITORY)" },
    remote: { type: "string", value: "NAME", description: "remote to fetch tags from and push to (default: origin)" },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    if (workspace.models.length !== 1) throw new UserError(`rollback acts on one model: pass --model (one of ${workspace.config.models.map((m) => m.name).join(", ")}).`);
    const [model] = workspace.models;
    const remote = (values.remote as string | undefined) ?? "origin";
    if ((await git.tryRun(["remote", "get-url", remote])).code === 0) {
      await fetchModelTags(git, remote);
      await mergeRemoteNotes(git, remote).catch(() => false);
    }
    const tags = await championTags(git, model.name);
    const target = pickTarget(tags, values.to as string | undefined, model.name);
    const artifact = await fromGit(git, target.tag, model.artifact, `tag ${target.tag}`);
    if (!artifact) throw new UserError(`${target.tag} has no ${model.artifact}: cannot restore it.`);

    const branch = values.pr ? `modelkeeper/rollback/${model.name}` : undefined;
    if (branch) await git.run(["checkout", "--quiet", "-B", branch]);
    await mkdir(dirname(join(root, model.artifact)), { recursive: true });
    await copyFile(artifact.path, join(root, model.artifact));
    await git.run(["add", "--", model.artifact]);
    const message = `modelkeeper: roll back ${model.name} to v${target.version}\n\nRestores ${model.artifact} from ${target.tag} (sha256 ${artifact.sha256}).`;
    const staged = await git.tryRun(["diff", "--cached", "--quiet"]);
    if (staged.code === 0) throw new UserError(`${model.artifact} is already the artifact of ${target.tag}: nothing to roll back.`);
    await git.run(["commit", "--quiet", "-m", message]);
    const commit = (await git.run(["rev-parse", "HEAD"])).trim();

    // The restored artifact was built from the tagged commit's inputs: record those, marked as a rollback.
    const original = latest(await readNote(git, artifact.commit!), "record", model.name);
    const line: RecordLine = {
      ...(original ?? emptyRecord(model.name, model.artifact, artifact.sha256, artifact.bytes)),
      schema: NOTE_SCHEMA,
      id: newLineId(),
      at: new Date().toISOString(),
      tool: TOOL,
      rollbackTo: { version: target.version, tag: target.tag },
    };
    await appendNoteLines(git, commit, [line]);

    let pullRequest: { number: number; url: string } | undefined;
    if (branch) {
      await git.run(["push", "--quiet", "--force-with-lease", remote, `${branch}:refs/heads/${branch}`]);
      await pushNotes(git, remote);
      const github = githubFromEnv(context.env, context.warn);
      if (!github) throw new UserError("rollback --pr needs GITHUB_TOKEN to open the pull request (the branch was pushed).");
      const repo = repoFromEnv(context.env);
      const base = (await github.rest.repos.get({ ...repo })).data.default_branch;
      const open = await github.rest.pulls.list({ ...repo, state: "open", head: `${repo.owner}:${branch}`, base });
      const pr = open.data[0]
        ? open.data[0]
        : (await github.rest.pulls.create({ ...repo, head: branch, base, title: `Roll back ${model.name} to v${target.version}`, body: `${message}\n\nMerge, then \`modelkeeper promote\` re-tags it as the newest version.` })).data;
      pullRequest = { number: pr.number, url: pr.html_url };
    }
    const text = `${model.name}: restored ${model.artifact} from ${target.tag} in commit ${commit.slice(0, 12)}${pullRequest ? `; pull request #${pullRequest.number} ${pullRequest.url}` : ""}. Merge it, then run promote to make it the newest version.`;
    return {
      exitCode: 0,
      data: { model: model.name, to: target, commit, sha256: artifact.sha256, pullRequest },
      text,
      markdown: `### modelkeeper rollback\n\n${text}\n`,
      outputs: { commit, tag: target.tag, ...(pullRequest ? { "pull-request": String(pullRequest.number) } : {}) },
    };
  },
};

function pickTarget(tags: Array<{ tag: string; version: number }>, to: string | undefined, model: string): { tag: string; version: number } {
  if (to) {
    const version = Number(to.replace(/^v/, ""));
    const found = tags.find((t) => t.version === version);
    if (!Number.isInteger(version) || !found) {
      throw new UserError(`--to ${to}: no tag ${tagPrefix(model)}${to.replace(/^v/, "")}. Versions there: ${tags.map((t) => `v${t.version}`).join(", ") || "none"}.`);
    }
    return found;
  }
  if (tags.length < 2) throw new UserError(`${model} has ${tags.length} champion version(s): there is no previous one to roll back to. Pass --to vN.`);
  return tags[1];
}

function emptyRecord(model: string, path: string, sha256: string, bytes: number): RecordLine {
  return {
    schema: NOTE_SCHEMA, id: "", event: "record", model, at: "", tool: TOOL,
    artifact: { path, sha256, bytes },
    inputs: { data: {}, code: {}, config: {}, lockfiles: {} },
    patterns: { data: [], code: [], config: [] },
    env: { node: process.version, platform: `${process.platform}-${process.arch}` },
  };
}
