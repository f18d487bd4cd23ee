import { join } from "node:path";
import { defineCommand, type CommandResult } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { resolveCommit } from "../git/git.ts";
import { findRecord, noRecordError, type FoundRecord } from "../provenance/find-record.ts";
import { type FileHashes, type RecordLine } from "../provenance/note-line.ts";
import { expandPaths, comparePaths } from "../provenance/expand-paths.ts";
import { findLockfiles } from "../provenance/lockfiles.ts";
import { hashInOrder } from "../provenance/hash-files.ts";
import { HashCache } from "../provenance/hash-cache.ts";
import { compareRecord, type CurrentHashes, type PathChange } from "../provenance/compare.ts";
import { modelPatterns } from "../provenance/manifest.ts";
import { readRecordedInputs } from "../provenance/record-inputs.ts";
import { sectionChange } from "../provenance/config-section.ts";
import { renderVerifyText, renderVerifyMarkdown } from "../report/verify-report.ts";
import { gitDir } from "../git/git-dir.ts";

export const verifyCommand = defineCommand({
  name: "verify",
  summary: "re-hash the working tree and compare it with a commit's record",
  usage: "verify [--commit REV] [--fast]",
  options: {
    commit: { type: "string", value: "REV", description: "commit whose record to check against (default: HEAD)" },
    fast: {
      type: "boolean",
      description: "trust files whose size and mtime are unchanged since record (default: read every byte)",
    },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    const rev = values.commit ?? "HEAD";
    const commit = await resolveCommit(git, rev);
    const cacheFile = values.fast ? join(await gitDir(git), "modelkeeper", "hash-cache") : undefined;

    const models: Array<{
      model: string;
      recordedAt: string;
      recordCommit: string;
      relation: FoundRecord["relation"];
      dirty?: string[];
      ok: boolean;
      checked: number;
      changes: PathChange[];
    }> = [];
    for (const model of workspace.models) {
      const found = await findRecord(git, model, commit, context.warn);
      if (!found) throw await noRecordError(git, model.name, rev, commit);
      const { record } = found;
      if (found.relation !== "own")
        context.log(
          `verify: ${model.name}: no record on ${commit.slice(0, 12)} itself; using the record of the same artifact on ${found.commit.slice(0, 12)} (${found.relation === "ancestor" ? "an ancestor" : "a commit whose recorded files are identical"})`,
        );
      const recorded = await readRecordedInputs(git, record, `record of ${model.name} on ${found.commit.slice(0, 12)}`);
      context.log(`verify: hashing ${model.name}'s files${values.fast ? " (fast: unchanged files trusted)" : ""}`);
      const current = await currentHashes(root, record, modelPatterns(model), cacheFile);
      const changes = [...sectionChange(model, recorded), ...compareRecord(record, recorded.inputs, current)];
      const checked = Object.values(current).reduce((n, files) => n + Object.keys(files).length, 0);
      models.push({
        model: model.name,
        recordedAt: record.at,
        recordCommit: found.commit,
        relation: found.relation,
        ...(record.dirty?.length ? { dirty: record.dirty } : {}),
        ok: changes.length === 0,
        checked,
        changes,
      });
    }
    const ok = models.every((m) => m.ok);
    const data = { commit, ok, fast: Boolean(values.fast), models };
    return {
      exitCode: ok ? 0 : 1,
      data,
      text: renderVerifyText(data),
      markdown: renderVerifyMarkdown(data),
      outputs: { ok: String(ok), changed: String(models.reduce((n, m) => n + m.changes.length, 0)), commit },
    };
  },
});

/** The model's config section today against the recorded one, with the keys that changed. */

/**
 * Hashes what the record's patterns and the config's patterns match today: the config's too, so a
 * record that names fewer files (a forged or stale line) shows every other input as new. A pattern
 * that now matches nothing is not an error here: its files are simply missing, which is what
 * verify reports.
 */
async function currentHashes(
  root: string,
  record: RecordLine,
  configured: RecordLine["patterns"],
  cacheFile: string | undefined,
): Promise<CurrentHashes> {
  const expand = async (patterns: string[]) => {
    const out = new Set<string>();
    for (const pattern of patterns) {
      for (const path of await expandPaths(root, [pattern], "record").catch(() => [])) out.add(path);
    }
    return [...out];
  };
  const roles = {
    artifact: await expand([record.artifact.path]),
    data: await expand([...record.patterns.data, ...configured.data]),
    code: await expand([...record.patterns.code, ...configured.code]),
    config: await expand([...record.patterns.config, ...configured.config]),
    lockfiles: await findLockfiles(root),
  };
  // In path order: the cache is merged with the paths as a stream.
  const all = [...new Set(Object.values(roles).flat())].sort(comparePaths);
  const hashes = new Map<string, string>();
  // One pass over the cache per model: it is read and rewritten in path order.
  const cache = cacheFile ? await HashCache.open(cacheFile) : undefined;
  try {
    for await (const group of hashInOrder(root, all, { cache }))
      for (const file of group) hashes.set(file.path, file.sha256);
    await cache?.save();
  } catch (error) {
    await cache?.close();
    throw error;
  }
  const pick = (paths: string[]): FileHashes => Object.fromEntries(paths.map((p) => [p, hashes.get(p)!]));
  return {
    artifact: pick(roles.artifact),
    data: pick(roles.data),
    code: pick(roles.code),
    config: pick(roles.config),
    lockfiles: pick(roles.lockfiles),
  };
}
