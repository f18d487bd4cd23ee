import { join } from "node:path";
import { defineCommand, type CommandContext, type CommandResult } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { gitDir } from "../git/git-dir.ts";
import { assertNoStaleLocks, type Git } from "../git/git.ts";
import { appendNoteLines, mergeRemoteNotes, readNote } from "../git/notes.ts";
import { pushAtomic } from "../git/atomic-push.ts";
import { commitWithFile } from "../git/commit-file.ts";
import { fileEntry } from "../git/tree.ts";
import { currentBranch, updateRef } from "../git/refs.ts";
import { hasRemote } from "../git/remotes.ts";
import { restoreFromHead } from "../git/working-tree.ts";
import { withWorktree } from "../git/worktree.ts";
import { fetchModelTags } from "../git/tags.ts";
import { tagPrefix, trustedChampionTags, type IgnoredTag, type TrustedChampion } from "../gate/champion.ts";
import { buildRecord } from "../provenance/manifest.ts";
import { NOTES_REF, type RecordLine } from "../provenance/note-line.ts";
import { rollbackTrailer, rolledBackTo } from "../provenance/rollback-trailer.ts";
import { githubFromEnv, repoFromEnv } from "../github/client.ts";
import { insideRepository } from "../repo-boundary.ts";
import { takeRunLock } from "../run-lock.ts";
import type { ModelConfig } from "../config/types.ts";
import { UserError } from "../errors.ts";
import { commitMessage, commitOf, headCommit } from "../git/revisions.ts";

/** The trailer that marks rollback's commits, so a rerun recognises one a killed run made. */

export const rollbackCommand = defineCommand({
  name: "rollback",
  summary:
    "restore a previous champion's artifact, as a commit or a pull request; promote then re-tags it as the newest version",
  usage: "rollback --model NAME [--to vN] [--pr | --push]",
  options: {
    to: {
      type: "string",
      value: "vN",
      description: "the version to restore (default: the champion before the current one)",
    },
    pr: {
      type: "boolean",
      description:
        "push a branch modelkeeper/rollback/<model> and open a pull request (needs GITHUB_TOKEN and GITHUB_REPOSITORY); the checkout is left as it is",
    },
    push: {
      type: "boolean",
      description: "push the commit on the current branch together with its note (one atomic push)",
    },
    remote: { type: "string", value: "NAME", description: "remote to fetch tags from and push to (default: origin)" },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    if (workspace.models.length !== 1)
      throw new UserError(
        `rollback acts on one model: pass --model (one of ${workspace.config.models.map((m) => m.name).join(", ")}).`,
      );
    const [model] = workspace.models;
    insideRepository(root, model.artifact, `models.${model.name}.artifact`);
    const remote = values.remote ?? "origin";
    const current = await branchToCommitOn(git, Boolean(values.pr));
    const branch = values.pr ? `modelkeeper/rollback/${model.name}` : current!;
    await assertNoStaleLocks(git, [NOTES_REF, `refs/heads/${branch}`]);
    const release = takeRunLock(join(await gitDir(git), "modelkeeper", "rollback.lock"), "modelkeeper rollback");
    try {
      if (await hasRemote(git, remote)) {
        await fetchModelTags(git, remote);
        await mergeRemoteNotes(git, remote).catch(() => false);
      }
      // Only trusted champions can be restored: a lightweight or hand-made tag named like one, or
      // one on a side branch, would let whoever pushed it choose the production model.
      const head = await headCommit(git);
      const ignored: IgnoredTag[] = [];
      const trusted: TrustedChampion[] = [];
      for await (const tag of trustedChampionTags(
        git,
        model.name,
        { within: { commit: head, name: `the current branch ${current ?? "HEAD"}` } },
        ignored,
      ))
        trusted.push(tag);
      for (const tag of ignored) context.log(`rollback: ignored ${tag.tag}: ${tag.reason}`);
      const target = pickTarget(trusted, values.to, model.name);
      const artifact = target.artifact;
      const entry = await fileEntry(git, target.tag, target.artifactPath);
      if (!entry) throw new UserError(`${target.tag} has no ${target.artifactPath}: cannot restore it.`);
      const message = `modelkeeper: roll back ${model.name} to v${target.version}\n\nRestores ${model.artifact} from ${target.tag} (sha256 ${artifact.sha256}).\n\n${rollbackTrailer(model.name, target.version)}`;

      // A rerun finds the commit a killed run made (on the branch already, note or not) and finishes it.
      const tip = (await commitOf(git, `refs/heads/${branch}`)) ?? "";
      let commit: string;
      if (tip && (await isRollbackCommit(git, tip, model, target.version, entry.blob))) {
        commit = tip;
        context.log(`rollback: ${branch} already has the rollback commit ${tip.slice(0, 12)}: finishing it`);
      } else {
        if ((await fileEntry(git, "HEAD", model.artifact))?.blob === entry.blob) {
          throw new UserError(`${model.artifact} is already the artifact of ${target.tag}: nothing to roll back.`);
        }
        commit = await commitWithFile(git, {
          parent: head,
          path: model.artifact,
          blob: entry.blob,
          mode: entry.mode,
          message,
        });
      }
      // The note comes before any ref points at the commit: no reader sees the commit without it.
      await ensureRecord(git, commit, model, workspace.config.relativePath, target, context);
      if (commit !== tip)
        await updateRef(git, `refs/heads/${branch}`, commit, {
          expect: values.pr ? tip || "" : head,
          message: "modelkeeper rollback",
        });
      if (!values.pr) await restoreFromHead(git, model.artifact);

      let pullRequest: { number: number; url: string } | undefined;
      if (values.pr || values.push) {
        // The rollback branch is modelkeeper's own: a rerun replaces an older rollback there.
        const source = values.pr ? `+${commit}` : commit;
        await pushAtomic(
          git,
          remote,
          [
            { source, destination: `refs/heads/${branch}` },
            { source: NOTES_REF, destination: NOTES_REF },
          ],
          [NOTES_REF],
        );
      }
      if (values.pr) pullRequest = await openPullRequest(context, branch, model, target, message);
      const text = `${model.name}: restored ${model.artifact} from ${target.tag} in commit ${commit.slice(0, 12)} on ${branch}${pullRequest ? `; pull request #${pullRequest.number} ${pullRequest.url}` : ""}. Merge it, then run promote to make it the newest version.`;
      return {
        exitCode: 0,
        data: {
          model: model.name,
          to: { tag: target.tag, version: target.version },
          commit,
          branch,
          sha256: artifact.sha256,
          pullRequest,
        },
        text,
        markdown: `### modelkeeper rollback\n\n${text}\n`,
        outputs: { commit, tag: target.tag, ...(pullRequest ? { "pull-request": String(pullRequest.number) } : {}) },
      };
    } finally {
      release();
    }
  },
});

/** The branch checked out; with --pr, none may be (the rollback goes to its own branch). */
async function branchToCommitOn(git: Git, pr: boolean): Promise<string | undefined> {
  const branch = await currentBranch(git);
  if (branch !== undefined || pr) return branch;
  throw new UserError(
    "rollback commits on the current branch, but HEAD is detached: check out a branch first, or pass --pr.",
  );
}

/** `commit` is rollback's commit of this model to this version, and holds the version's artifact. */
async function isRollbackCommit(
  git: Git,
  commit: string,
  model: ModelConfig,
  version: number,
  blob: string,
): Promise<boolean> {
  const message = await commitMessage(git, commit);
  if (!rolledBackTo(message, model.name).includes(version)) return false;
  return (await fileEntry(git, commit, model.artifact))?.blob === blob;
}

/**
 * The rollback commit's record, hashed from the commit's own tree (a clean worktree), so that
 * `verify` passes on it; marked with the version it restores. Added once: a rerun finds it.
 */
async function ensureRecord(
  git: Git,
  commit: string,
  model: ModelConfig,
  configFile: string,
  target: { version: number; tag: string },
  context: CommandContext,
): Promise<void> {
  const present = (await readNote(git, commit)).some(
    (l) => l.event === "record" && l.model === model.name && (l as RecordLine).rollbackTo?.version === target.version,
  );
  if (present) return;
  context.log(`rollback: recording ${model.name}'s inputs at ${commit.slice(0, 12)}`);
  const { line } = await withWorktree(git, commit, (dir) => buildRecord(dir, model, configFile, { env: context.env }));
  await appendNoteLines(git, commit, [{ ...line, rollbackTo: { version: target.version, tag: target.tag } }]);
}

async function openPullRequest(
  context: CommandContext,
  branch: string,
  model: ModelConfig,
  target: { version: number },
  message: string,
): Promise<{ number: number; url: string }> {
  const github = githubFromEnv(context.env, context.warn);
  if (!github)
    throw new UserError("rollback --pr needs GITHUB_TOKEN to open the pull request (the branch was pushed).");
  const repo = repoFromEnv(context.env);
  const base = (await github.rest.repos.get({ ...repo })).data.default_branch;
  const open = await github.rest.pulls.list({ ...repo, state: "open", head: `${repo.owner}:${branch}`, base });
  const pr = open.data[0]
    ? open.data[0]
    : (
        await github.rest.pulls.create({
          ...repo,
          head: branch,
          base,
          title: `Roll back ${model.name} to v${target.version}`,
          body: `${message}\n\nMerge, then \`modelkeeper promote\` re-tags it as the newest version.`,
        })
      ).data;
  return { number: pr.number, url: pr.html_url };
}

/** The version to restore: --to vN, else the trusted champion before the newest. Pure. */
function pickTarget(tags: TrustedChampion[], to: string | undefined, model: string): TrustedChampion {
  if (to) {
    const version = Number(to.replace(/^v/, ""));
    const found = tags.find((t) => t.version === version);
    if (!Number.isInteger(version) || !found) {
      throw new UserError(
        `--to ${to}: no trusted champion tag ${tagPrefix(model)}${to.replace(/^v/, "")} in this branch's history. Trusted versions there: ${tags.map((t) => `v${t.version}`).join(", ") || "none"}.`,
      );
    }
    return found;
  }
  if (tags.length < 2)
    throw new UserError(
      `${model} has ${tags.length} trusted champion version(s) in this branch's history: there is no previous one to roll back to. Pass --to vN.`,
    );
  return tags[1];
}
