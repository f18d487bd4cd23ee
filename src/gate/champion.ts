import { readFile, writeFile, stat } from "node:fs/promises";
import { makeTempDir } from "../temp-dirs.ts";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import type { Git } from "../git/git.ts";
import { readBlob } from "../git/blob.ts";
import type { ModelConfig } from "../config/types.ts";
import { UserError } from "../errors.ts";

/** An artifact ready to load, with where it came from. */
export interface ArtifactSource {
  /** A file on disk (the working tree, or a temporary copy of a blob from git). */
  path: string;
  sha256: string;
  bytes: number;
  /** For people: "tag modelkeeper/fraud/v3", "base branch main", "working tree", "file x.onnx". */
  label: string;
  /** The commit the artifact was taken from, when it came from git. */
  commit?: string;
}

const LFS_POINTER = "version https://git-lfs.github.com/spec/v1";

export function tagPrefix(model: string): string {
  return `modelkeeper/${model}/v`;
}

/** The champion tags of a model, newest (highest N) first. */
export async function championTags(git: Git, model: string): Promise<Array<{ tag: string; version: number }>> {
  const out = await git.run(["tag", "--list", `${tagPrefix(model)}*`]);
  return out
    .split("\n")
    .map((tag) => tag.trim())
    .filter(Boolean)
    .map((tag) => ({ tag, version: Number(tag.slice(tagPrefix(model).length)) }))
    .filter((t) => Number.isInteger(t.version) && t.version > 0)
    .sort((a, b) => b.version - a.version);
}

/**
 * Finds the champion: --champion PATH or REV when given; else the artifact of the newest
 * modelkeeper/<model>/v<N> tag; else the artifact on the base branch (GITHUB_BASE_REF in a PR,
 * else the remote's default branch). Undefined when there is none (a first model).
 */
export async function resolveChampion(
  git: Git,
  model: ModelConfig,
  env: NodeJS.ProcessEnv,
  cwd: string,
  override: string | undefined,
): Promise<ArtifactSource | undefined> {
  if (override) {
    const asFile = resolve(cwd, override);
    if (await stat(asFile).then((s) => s.isFile(), () => false)) return fromFile(asFile, `file ${override}`);
    const commit = await git.tryRun(["rev-parse", "--verify", "--quiet", `${override}^{commit}`]);
    if (commit.code !== 0) {
      throw new UserError(`--champion ${override}: neither a file nor a commit. Pass the path of an ONNX file or a commit, branch or tag (fetch it first in a shallow clone).`);
    }
    const found = await fromGit(git, commit.stdout.trim(), model.artifact, `commit ${override}`);
    if (!found) throw new UserError(`--champion ${override}: ${model.artifact} does not exist at that commit.`);
    return found;
  }
  const [newest] = await championTags(git, model.name);
  if (newest) {
    const found = await fromGit(git, newest.tag, model.artifact, `tag ${newest.tag}`);
    if (found) return found;
  }
  const base = await baseRef(git, env);
  return base ? fromGit(git, base.ref, model.artifact, `base branch ${base.name}`) : undefined;
}

/** The base branch to compare with, fetched if it is missing from a shallow clone. */
export async function baseRef(git: Git, env: NodeJS.ProcessEnv): Promise<{ name: string; ref: string } | undefined> {
  let name = env.GITHUB_BASE_REF || undefined;
  if (!name) {
    const head = await git.tryRun(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
    if (head.code === 0) name = head.stdout.trim().replace(/^origin\//, "");
    else {
      const remote = await git.tryRun(["ls-remote", "--symref", "origin", "HEAD"]);
      name = /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(remote.stdout)?.[1];
    }
  }
  if (!name) return undefined;
  for (const ref of [`refs/remotes/origin/${name}`, `refs/heads/${name}`]) {
    if ((await git.tryRun(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).code === 0) return { name, ref };
  }
  const fetched = await git.tryRun(["fetch", "--quiet", "--depth=1", "origin", `+refs/heads/${name}:refs/remotes/origin/${name}`]);
  return fetched.code === 0 ? { name, ref: `refs/remotes/origin/${name}` } : undefined;
}

/** The artifact as committed at `rev`, copied to a temporary file; undefined if absent there. */
export async function fromGit(git: Git, rev: string, path: string, label: string): Promise<ArtifactSource | undefined> {
  const commit = (await git.tryRun(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`])).stdout.trim();
  const blob = await git.tryRun(["rev-parse", "--verify", "--quiet", `${rev}:${path}`]);
  if (!commit || blob.code !== 0) return undefined;
  const bytes = await readBlob(git, blob.stdout.trim());
  const file = join(makeTempDir("champion"), path.split("/").pop() ?? "model.onnx");
  await writeFile(file, isLfsPointer(bytes) ? await smudgeLfs(git, bytes, path, label) : bytes);
  return { ...(await fromFile(file, label)), commit };
}

export async function fromFile(path: string, label: string): Promise<ArtifactSource> {
  let bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`${path}: cannot read the model (${error.code}). Check the path, or run the train command first.`, { file: path });
  });
  if (isLfsPointer(bytes)) {
    throw new UserError(`${path} is a Git LFS pointer, not the model. Fetch the real file: \`git lfs pull\` (in a workflow: actions/checkout with \`lfs: true\`).`, { file: path });
  }
  return { path, label, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}

function isLfsPointer(bytes: Buffer): boolean {
  return bytes.length < 1024 && bytes.subarray(0, LFS_POINTER.length).toString("utf8") === LFS_POINTER;
}

/** Resolves an LFS pointer through git-lfs when it is installed; otherwise says how. */
async function smudgeLfs(git: Git, pointer: Buffer, path: string, label: string): Promise<Buffer> {
  const { execFile } = await import("node:child_process");
  return new Promise((resolveFile, reject) => {
    const child = execFile("git", ["lfs", "smudge", "--", path], { cwd: git.cwd, encoding: "buffer", maxBuffer: 4 * 1024 ** 3 }, (error, stdout) => {
      if (error || isLfsPointer(stdout)) {
        reject(new UserError(`${path} at ${label} is a Git LFS pointer and git-lfs could not fetch it. Install git-lfs and run \`git lfs fetch origin\` (in a workflow: actions/checkout with \`lfs: true\`).`, { file: path }));
      } else resolveFile(stdout);
    });
    child.stdin?.end(pointer);
  });
}
