import { join } from "node:path";
import { defineCommand, type CommandResult } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { resolveCommit, type Git } from "../git/git.ts";
import { gitDir, isShallow } from "../git/git-dir.ts";
import { recordTarget } from "../provenance/record-target.ts";
import { appendNoteLines, hasNotesRef, pushNotes, readNote, FETCH_NOTES_HINT } from "../git/notes.ts";
import { buildRecords, listModelFiles, hasPath, recordLine, type ModelFiles } from "../provenance/manifest.ts";
import { RecordMemo, reusableRecord, type MemoValue } from "../provenance/record-memo.ts";
import { findLockfiles } from "../provenance/lockfiles.ts";
import { keepManifest } from "../provenance/manifest-store.ts";
import { scanDirtyFiles, type DirtyFile } from "../provenance/dirty-files.ts";
import type { ModelConfig } from "../config/types.ts";
import { UserError } from "../errors.ts";
import { HashCache } from "../provenance/hash-cache.ts";
import { CommittedBlobs } from "../provenance/committed-blobs.ts";
import { latest, NOTES_REF, type RecordLine } from "../provenance/note-line.ts";
import { canonicalJson } from "../provenance/canonical-json.ts";
import { renderRecordText, renderRecordMarkdown } from "../report/record-report.ts";
import { buildReferenceProfile, storeProfile, PROFILES_REF, type ProfileLine } from "../monitor/reference-profile.ts";

export const recordCommand = defineCommand({
  name: "record",
  summary: "hash each model's data, code, config and artifact into a note on the commit",
  usage: "record [--commit REV] [--push] [--allow-dirty]",
  options: {
    "allow-dirty": {
      type: "boolean",
      description:
        "record files that differ from the commit or are untracked, and mark the line `dirty` (default: refuse)",
    },
    commit: {
      type: "string",
      value: "REV",
      description: "commit to attach the note to (default: HEAD; on a pull_request event, the PR head)",
    },
    push: { type: "boolean", description: `push ${NOTES_REF}, merging with notes other jobs pushed` },
    remote: { type: "string", value: "NAME", description: "remote to push to (default: origin)" },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    // Independent read-only git questions, asked at once: each is a process start.
    const [commit, gitFolder] = await Promise.all([
      recordTarget(git, context.env, values.commit).then((rev) => resolveCommit(git, rev)),
      gitDir(git),
      warnIfNotesMissing(git, context.warn),
    ]);

    // The record must describe the commit: refuse files whose bytes are not the commit's. git
    // compares the tree while the models' files are listed.
    const checkedNs = BigInt(Date.now()) * 1_000_000n;
    const scan = scanDirtyFiles(git, commit);
    void scan.catch(() => {});
    const state = join(gitFolder, "modelkeeper");
    // A model whose committed trees are those of an earlier full record, with the working tree
    // exactly as committed there, reuses that record's manifest: nothing is walked or hashed.
    const memo = await RecordMemo.open(join(state, "record-memo"));
    const lockfiles = await findLockfiles(root);
    const keys = new Map<string, string | undefined>();
    const reused = new Map<string, MemoValue>();
    for (const model of workspace.models) {
      const { key, value } = await reusableRecord(git, commit, model, lockfiles, memo, async (wanted) =>
        (await scan)(wanted),
      );
      keys.set(model.name, key);
      if (value) reused.set(model.name, value);
    }
    const listed: Array<{ model: ModelConfig; files: ModelFiles }> = [];
    for (const model of workspace.models)
      if (!reused.has(model.name)) listed.push({ model, files: await listModelFiles(root, model) });
    const dirty = (await scan)((path) => listed.some(({ files }) => hasPath(files, path)));
    if (dirty.length && !values["allow-dirty"]) throw dirtyError(dirty, commit);
    const dirtyPaths = new Set(dirty.map((d) => d.path));
    if (dirty.length)
      context.warn(
        `recording ${dirty.length} file(s) that are not as committed in ${commit.slice(0, 12)} (--allow-dirty): the line is marked "dirty"`,
      );
    const dirtyByModel = new Map(
      listed.map(({ model, files }) => [model.name, dirty.filter((d) => hasPath(files, d.path)).map((d) => d.path)]),
    );

    // Hash everything first and write the note once: a failure anywhere adds no line at all.
    // Files git found as committed are known by blob id: an unchanged tree is neither read nor stat'ed.
    const built = new Map<string, { line: RecordLine; stats: { hashed: number; reused: number } }>();
    for (const [name, value] of reused) {
      context.log(
        `record: ${name}: the files under its patterns are exactly those of an earlier record (same git trees, nothing modified, untracked or ignored there): its manifest ${value.manifest.oid.slice(0, 12)} is reused`,
      );
      const model = workspace.models.find((m) => m.name === name)!;
      await keepManifest(git, value.manifest.oid);
      built.set(name, {
        line: recordLine(model, workspace.config.relativePath, value.artifact, value.manifest, [], {
          env: context.env,
        }),
        stats: { hashed: 0, reused: value.manifest.files + 1 },
      });
    }
    if (listed.length) {
      context.log(`record: hashing ${listed.map((l) => l.model.name).join(", ")}'s inputs and artifact`);
      const cache = await HashCache.open(join(state, "hash-cache"));
      const blobs = CommittedBlobs.open(git, commit, (path) => dirtyPaths.has(path));
      let late = 0;
      try {
        const lines = await buildRecords(root, listed, workspace.config.relativePath, {
          git,
          cache,
          blobs,
          checkedNs,
          env: context.env,
          dirty: dirtyByModel,
          onLate: () => late++,
        });
        await cache.save();
        for (const [i, { model }] of listed.entries()) {
          built.set(model.name, lines[i]);
          // Remembered only when the record is a function of the trees: every file clean, committed, regular and read before the check.
          const key = keys.get(model.name);
          const { line } = lines[i];
          if (key && blobs.misses === 0 && late === 0 && !line.dirty)
            memo.set(key, {
              manifest: line.manifest!,
              artifact: { path: line.artifact.path, sha256: line.artifact.sha256, bytes: line.artifact.bytes },
            });
        }
      } catch (error) {
        await cache.close();
        throw error;
      } finally {
        blobs.close();
      }
    }
    const records: Array<{ line: RecordLine; hashed: number; reused: number }> = [];
    const profiles: ProfileLine[] = [];
    for (const model of workspace.models) {
      const { line, stats } = built.get(model.name)!;
      if (model.drift.profile) {
        context.log(`record: profiling ${model.name}'s drift reference`);
        const profile = await buildReferenceProfile(root, model);
        profiles.push(profile);
        line.profile = { ref: PROFILES_REF, sha256: profile.sha256, rows: profile.profile.rowCount };
      }
      records.push({ line, hashed: stats.hashed, reused: stats.reused });
    }
    for (const profile of profiles) await storeProfile(git, commit, profile);
    // A rerun (after a kill, or a retried job) that finds the same record already there adds no
    // second line: same artifact, inputs, config section and dirt on the same commit.
    const existing = await readNote(git, commit);
    const fresh = records.filter((r) => {
      const before = latest(existing, "record", r.line.model);
      return !before || recordContent(before) !== recordContent(r.line);
    });
    for (const r of records)
      if (!fresh.includes(r))
        context.log(
          `record: ${r.line.model}: already recorded on ${commit.slice(0, 12)} with the same artifact and inputs; no new line`,
        );
    if (fresh.length)
      await appendNoteLines(
        git,
        commit,
        fresh.map((r) => r.line),
      );
    await memo.save();

    let pushed: { attempts: number; merged: boolean } | undefined;
    if (values.push) {
      const remote = values.remote ?? "origin";
      context.log(`record: pushing ${NOTES_REF} to ${remote}`);
      pushed = await pushNotes(git, remote);
      if (profiles.length) await pushNotes(git, remote, 12, PROFILES_REF);
    }

    const data = {
      commit,
      notesRef: NOTES_REF,
      pushed: Boolean(pushed),
      pushAttempts: pushed?.attempts ?? 0,
      models: records,
    };
    return {
      exitCode: 0,
      data,
      text: renderRecordText(data),
      markdown: renderRecordMarkdown(data),
      outputs: {
        commit,
        manifest: JSON.stringify(records.map((r) => r.line)),
        models: records.map((r) => r.line.model).join(","),
      },
    };
  },
});

/** --commit, else the PR head on a pull_request event (not GitHub's merge commit), else HEAD. */

/** What a record says about the commit, without when, where and by which run it was written. */
function recordContent(line: RecordLine): string {
  const { train, artifact, manifest, section, inputs, dirty, patterns, profile, rollbackTo } = line;
  return canonicalJson({
    train,
    artifact,
    manifest: manifest?.sha256,
    section,
    inputs,
    dirty: dirty ?? [],
    patterns,
    profile,
    rollbackTo,
  });
}

function dirtyError(dirty: DirtyFile[], commit: string): UserError {
  const shown = dirty.slice(0, 20).map((d) => `  ${d.state.padEnd(9)} ${d.path}`);
  const more = dirty.length > shown.length ? [`  … and ${dirty.length - shown.length} more`] : [];
  return new UserError(
    [
      `record: ${dirty.length} hashed file(s) are not as committed in ${commit.slice(0, 12)}, so the record would not describe the commit:`,
      ...shown,
      ...more,
      `Commit them (or stash or restore them) and run record again, or pass --allow-dirty to record them as they are (the line is marked "dirty"). Files kept outside git on purpose belong in .gitignore.`,
    ].join("\n"),
    { file: dirty[0].path },
  );
}

async function warnIfNotesMissing(git: Git, warn: (line: string) => void): Promise<void> {
  if ((await isShallow(git)) && !(await hasNotesRef(git))) {
    warn(
      `this is a shallow clone without ${NOTES_REF}: existing notes were not fetched. To read them, ${FETCH_NOTES_HINT}.`,
    );
  }
}
