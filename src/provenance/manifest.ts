import type { ModelConfig } from "../config/types.ts";
import type { FileHashes, RecordLine } from "./note-line.ts";
import { NOTE_SCHEMA, newLineId } from "./note-line.ts";
import { expandPaths, comparePaths } from "./expand-paths.ts";
import { findLockfiles } from "./lockfiles.ts";
import { hashFiles, type HashOptions, type HashStats } from "./hash-files.ts";
import { TOOL } from "../version.ts";

/** Which files a model's record covers, by role, before hashing. */
export interface ModelFiles {
  artifact: string;
  data: string[];
  code: string[];
  config: string[];
  lockfiles: string[];
}

export async function listModelFiles(repoRoot: string, model: ModelConfig, configFile: string): Promise<ModelFiles> {
  const where = (key: string) => `models.${model.name}.${key}`;
  const [artifact] = await expandPaths(repoRoot, [model.artifact], where("artifact"));
  const data = await expandPaths(repoRoot, [...model.data.train, ...model.data.holdout], where("data"));
  const code = await expandPaths(repoRoot, model.code, where("code"));
  // The modelkeeper config is part of every model's configuration: it names the inputs.
  const config = await expandPaths(repoRoot, [...model.config, configFile], where("config"));
  return { artifact, data, code, config, lockfiles: await findLockfiles(repoRoot) };
}

/** The patterns behind each role, as recorded (verify uses them to find new files). */
export function modelPatterns(model: ModelConfig, configFile: string): RecordLine["patterns"] {
  return { data: [...model.data.train, ...model.data.holdout], code: model.code, config: [...model.config, configFile] };
}

export async function buildRecord(
  repoRoot: string,
  model: ModelConfig,
  configFile: string,
  options: HashOptions & { now?: Date; env?: NodeJS.ProcessEnv } = {},
): Promise<{ line: RecordLine; stats: HashStats }> {
  const files = await listModelFiles(repoRoot, model, configFile);
  const all = [...new Set([files.artifact, ...files.data, ...files.code, ...files.config, ...files.lockfiles])];
  const { hashes, stats } = await hashFiles(repoRoot, all, options);
  const pick = (paths: string[]): FileHashes => Object.fromEntries([...paths].sort(comparePaths).map((p) => [p, hashes.get(p)!.sha256]));
  const env = options.env ?? process.env;
  const line: RecordLine = {
    schema: NOTE_SCHEMA,
    id: newLineId(),
    event: "record",
    model: model.name,
    at: (options.now ?? new Date()).toISOString(),
    tool: TOOL,
    ...(model.train ? { train: model.train } : {}),
    artifact: { path: files.artifact, sha256: hashes.get(files.artifact)!.sha256, bytes: hashes.get(files.artifact)!.bytes },
    inputs: { data: pick(files.data), code: pick(files.code), config: pick(files.config), lockfiles: pick(files.lockfiles) },
    patterns: modelPatterns(model, configFile),
    env: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      ...(env.GITHUB_ACTIONS === "true" ? { ci: "github-actions", runId: env.GITHUB_RUN_ID } : env.CI ? { ci: "ci" } : {}),
    },
  };
  return { line, stats };
}
