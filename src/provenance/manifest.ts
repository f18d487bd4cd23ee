import type { ModelConfig } from "../config/types.ts";
import { createGit, type Git } from "../git/git.ts";
import type { ManifestRef, RecordLine } from "./note-line.ts";
import { NOTE_SCHEMA, newLineId } from "./note-line.ts";
import { expandPaths, comparePaths } from "./expand-paths.ts";
import { findLockfiles } from "./lockfiles.ts";
import { hashInOrder, type HashStreamOptions, type HashStats, type FileHash } from "./hash-files.ts";
import { configSection, sectionSha256 } from "./config-section.ts";
import { ManifestWriter, ROLES, type Role } from "./manifest-store.ts";
import { TOOL } from "../version.ts";

/** Which files a model's record covers, by role, before hashing. */
export interface ModelFiles {
  artifact: string;
  data: string[];
  code: string[];
  config: string[];
  lockfiles: string[];
}

/**
 * The files of a model's record. modelkeeper.yml is not among them: the model's own resolved
 * section of it is hashed instead (config-section.ts), so other models' edits do not touch it.
 */
export async function listModelFiles(repoRoot: string, model: ModelConfig): Promise<ModelFiles> {
  const where = (key: string) => `models.${model.name}.${key}`;
  const [artifact] = await expandPaths(repoRoot, [model.artifact], where("artifact"));
  const data = await expandPaths(repoRoot, [...model.data.train, ...model.data.holdout], where("data"));
  const code = await expandPaths(repoRoot, model.code, where("code"));
  const config = model.config.length ? await expandPaths(repoRoot, model.config, where("config")) : [];
  return { artifact, data, code, config, lockfiles: await findLockfiles(repoRoot) };
}

/** The patterns behind each role, as recorded (verify uses them to find new files). */
export function modelPatterns(model: ModelConfig): RecordLine["patterns"] {
  return { data: [...model.data.train, ...model.data.holdout], code: model.code, config: model.config };
}

/** Whether `path` is one of the model's files (binary search: each role's list is sorted). */
export function hasPath(files: ModelFiles, path: string): boolean {
  return path === files.artifact || ROLES.some((role) => sortedIncludes(files[role], path));
}

export interface RecordOptions extends Omit<HashStreamOptions, "stats"> {
  git?: Git;
  now?: Date;
  env?: NodeJS.ProcessEnv;
  /** Per model: the hashed paths whose bytes were not the commit's (--allow-dirty). */
  dirty?: Map<string, string[]>;
}

/**
 * Hashes the files of several models in one pass, in path order, each file once, streaming every
 * hash into its models' manifest blobs as it arrives; returns each model's note line (not yet
 * written). Nothing per file is kept but the models' path lists.
 */
export async function buildRecords(
  repoRoot: string,
  models: Array<{ model: ModelConfig; files: ModelFiles }>,
  configFile: string,
  options: RecordOptions = {},
): Promise<Array<{ line: RecordLine; stats: HashStats }>> {
  const git = options.git ?? createGit(repoRoot, options.env);
  const sections = models.map(({ model }) => configSection(model));
  const writers = models.map(({ model }, i) => new ManifestWriter(git, { model: model.name, section: sections[i] }));
  const stats = models.map((): HashStats => ({ hashed: 0, reused: 0, bytesRead: 0 }));
  const artifacts: Array<FileHash | undefined> = models.map(() => undefined);
  const lists = models.flatMap(({ files }, m) => [
    { list: [files.artifact], at: 0, model: m, role: "artifact" as const },
    ...ROLES.map((role) => ({ list: files[role], at: 0, model: m, role })),
  ]);
  // The uses of each path handed to the hasher, in the same order as its answers come back.
  const uses: Array<Array<{ model: number; role: Role | "artifact" }>> = [];
  function* paths(): Generator<string> {
    for (;;) {
      let next: string | undefined;
      for (const l of lists)
        if (l.at < l.list.length && (next === undefined || comparePaths(l.list[l.at], next) < 0)) next = l.list[l.at];
      if (next === undefined) return;
      const found: Array<{ model: number; role: Role | "artifact" }> = [];
      for (const l of lists) {
        if (l.at < l.list.length && l.list[l.at] === next) {
          found.push({ model: l.model, role: l.role });
          l.at++;
        }
      }
      uses.push(found);
      yield next;
    }
  }
  try {
    let next = 0;
    for await (const group of hashInOrder(repoRoot, paths(), options)) {
      for (const file of group) {
        let counted = -1;
        for (const use of uses[next++]) {
          // A file in several roles of one model counts once for it (uses come model by model).
          if (counted !== use.model) {
            counted = use.model;
            if (file.read) (stats[use.model].hashed++, (stats[use.model].bytesRead += file.bytes));
            else stats[use.model].reused++;
          }
          if (use.role === "artifact") artifacts[use.model] = file;
          else {
            const pending = writers[use.model].add(use.role, file.path, file.sha256);
            if (pending) await pending;
          }
        }
      }
      // Drop the uses already consumed, so the queue stays as long as the hasher's window.
      uses.splice(0, next);
      next = 0;
    }
  } catch (error) {
    for (const writer of writers) writer.abort();
    throw error;
  }
  const out: Array<{ line: RecordLine; stats: HashStats }> = [];
  for (const [i, { model, files }] of models.entries()) {
    const manifest = await writers[i].finish();
    const artifact = artifacts[i]!;
    const line = recordLine(
      model,
      configFile,
      { path: files.artifact, ...artifact },
      manifest,
      options.dirty?.get(model.name) ?? [],
      options,
    );
    out.push({ line, stats: stats[i] });
  }
  return out;
}

/** A model's note line, from its artifact's hash and its manifest. */
export function recordLine(
  model: ModelConfig,
  configFile: string,
  artifact: { path: string } & FileHash,
  manifest: ManifestRef,
  dirty: string[],
  options: { now?: Date; env?: NodeJS.ProcessEnv } = {},
): RecordLine {
  const env = options.env ?? process.env;
  return {
    schema: NOTE_SCHEMA,
    id: newLineId(),
    event: "record",
    model: model.name,
    at: (options.now ?? new Date()).toISOString(),
    tool: TOOL,
    ...(model.train ? { train: model.train } : {}),
    artifact: { path: artifact.path, sha256: artifact.sha256, bytes: artifact.bytes },
    section: { file: configFile, sha256: sectionSha256(configSection(model)) },
    manifest,
    ...(dirty.length ? { dirty } : {}),
    patterns: modelPatterns(model),
    env: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      ...(env.GITHUB_ACTIONS === "true"
        ? { ci: "github-actions", runId: env.GITHUB_RUN_ID }
        : env.CI
          ? { ci: "ci" }
          : {}),
    },
  };
}

/** One model's record (retrain, rollback): its files listed, hashed and put in a manifest. */
export async function buildRecord(
  repoRoot: string,
  model: ModelConfig,
  configFile: string,
  options: RecordOptions = {},
): Promise<{ line: RecordLine; stats: HashStats }> {
  const [record] = await buildRecords(
    repoRoot,
    [{ model, files: await listModelFiles(repoRoot, model) }],
    configFile,
    options,
  );
  return record;
}

function sortedIncludes(list: string[], path: string): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const order = comparePaths(list[mid], path);
    if (order === 0) return true;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
