import type { ModelConfig } from "../config/types.ts";
import { createGit, type Git } from "../git/git.ts";
import type { RecordLine } from "./note-line.ts";
import { NOTE_SCHEMA, newLineId } from "./note-line.ts";
import { expandPaths, comparePaths } from "./expand-paths.ts";
import { findLockfiles } from "./lockfiles.ts";
import { hashFiles, type HashOptions, type HashStats, type FileHash } from "./hash-files.ts";
import { configSection, sectionSha256 } from "./config-section.ts";
import { writeManifest, type Role } from "./manifest-store.ts";
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

export function allPaths(files: ModelFiles): string[] {
  return [...new Set([files.artifact, ...files.data, ...files.code, ...files.config, ...files.lockfiles])];
}

/**
 * Hashes a model's files and writes its manifest blob; returns the note line (not yet written).
 * `dirty` marks a line recorded with --allow-dirty.
 */
export async function buildRecord(
  repoRoot: string,
  model: ModelConfig,
  configFile: string,
  options: HashOptions & { git?: Git; now?: Date; env?: NodeJS.ProcessEnv; files?: ModelFiles; dirty?: string[] } = {},
): Promise<{ line: RecordLine; stats: HashStats }> {
  const git = options.git ?? createGit(repoRoot, options.env);
  const files = options.files ?? (await listModelFiles(repoRoot, model));
  const { hashes, stats } = await hashFiles(repoRoot, allPaths(files), options);
  const section = configSection(model);
  const manifest = await writeManifest(git, { model: model.name, section }, manifestEntries(files, hashes));
  const env = options.env ?? process.env;
  const artifact = hashes.get(files.artifact)!;
  const line: RecordLine = {
    schema: NOTE_SCHEMA,
    id: newLineId(),
    event: "record",
    model: model.name,
    at: (options.now ?? new Date()).toISOString(),
    tool: TOOL,
    ...(model.train ? { train: model.train } : {}),
    artifact: { path: files.artifact, sha256: artifact.sha256, bytes: artifact.bytes },
    section: { file: configFile, sha256: sectionSha256(section) },
    manifest,
    ...(options.dirty?.length ? { dirty: options.dirty } : {}),
    patterns: modelPatterns(model),
    env: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      ...(env.GITHUB_ACTIONS === "true" ? { ci: "github-actions", runId: env.GITHUB_RUN_ID } : env.CI ? { ci: "ci" } : {}),
    },
  };
  return { line, stats };
}

function* manifestEntries(files: ModelFiles, hashes: Map<string, FileHash>): Generator<[Role, string, string]> {
  for (const role of ["data", "code", "config", "lockfiles"] as const) {
    for (const path of [...files[role]].sort(comparePaths)) yield [role, path, hashes.get(path)!.sha256];
  }
}
