import { readFile, writeFile, stat } from "node:fs/promises";
import { makeTempDir } from "../temp-dirs.ts";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { resolveCommit, type Git } from "../git/git.ts";
import { readBlob, smudgeLfsPointer } from "../git/blob.ts";
import type { ModelConfig } from "../config/types.ts";
import { UserError } from "../errors.ts";
import { commitOf, isAncestor, objectAt } from "../git/revisions.ts";
import { fetchRef, remoteDefaultBranch } from "../git/remotes.ts";
import { tagsOf } from "../git/tags.ts";
import { fileEntry } from "../git/tree.ts";
import { isSafePath } from "../provenance/manifest-store.ts";

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

/**
 * N of modelkeeper/<model>/vN, as promote names it (no leading zero, digits only, at most 15 of
 * them so N is an exact integer); NaN for any other name.
 */
function versionOf(model: string, tag: string): number {
  const rest = tag.slice(tagPrefix(model).length);
  return /^[1-9][0-9]{0,14}$/.test(rest) ? Number(rest) : NaN;
}

/** A tag named like a champion that is not one, and why: reported, never used. */
export interface IgnoredTag {
  tag: string;
  reason: string;
}

/** A champion tag that checked out: annotated, made by promote, and its artifact hashes to what it names. */
export interface TrustedChampion {
  tag: string;
  version: number;
  artifact: ArtifactSource;
  /** Where the artifact sits in the tagged commit, as the tag's claim names it. */
  artifactPath: string;
}

/** The machine-readable claim in a champion tag's message: promote's note line, as JSON on one line. */
export interface ChampionClaim {
  model: string;
  version: number;
  tag: string;
  artifact: { path: string; sha256: string };
}

/** The claim a tag message makes, if it makes a well-formed one for this tag. Pure. */
export function parseChampionClaim(message: string, model: string, tag: string): ChampionClaim | undefined {
  for (const line of message.split("\n")) {
    const text = line.trim();
    if (!text.startsWith("{")) continue;
    let value: any;
    try {
      value = JSON.parse(text);
    } catch {
      continue;
    }
    if (
      value?.event === "promote" &&
      value.model === model &&
      value.tag === tag &&
      value.version === versionOf(model, tag) &&
      typeof value.artifact?.path === "string" &&
      /^[0-9a-f]{64}$/.test(value.artifact?.sha256 ?? "")
    ) {
      return {
        model,
        version: value.version,
        tag,
        artifact: { path: value.artifact.path, sha256: value.artifact.sha256 },
      };
    }
  }
  return undefined;
}

/** Where a trusted champion tag must sit, and which artifact it must name. */
export interface ChampionFilter {
  /** The tagged commit must be in this commit's history (the protected branch the champion serves). */
  within?: { commit: string; name: string };
  /** Only tags whose claim names this artifact (was it ever the champion?). */
  only?: { sha256: string };
}

/**
 * The trusted champion tags of a model, newest first, checked one by one as the caller asks for
 * them: a tag modelkeeper/<model>/v<N> that is annotated, points at a commit, carries promote's
 * claim (model, version, artifact path and sha256) and whose artifact at that commit hashes to the
 * claim. Anything else named like a champion (a lightweight tag, a hand made annotated tag, one
 * whose artifact was swapped) is pushed to `ignored`, never yielded: tags are not covered by
 * branch protection, so anyone who can push could make one. With `within`, the tagged commit must
 * also be in that commit's history: an annotated tag with a well-formed claim, pushed by hand on a
 * side branch, is not a champion.
 */
export async function* trustedChampionTags(
  git: Git,
  model: string,
  filter: ChampionFilter,
  ignored: IgnoredTag[],
): AsyncGenerator<TrustedChampion> {
  const { within, only } = filter;
  const tags = (await tagsOf(git, tagPrefix(model)))
    .map(({ name: tag, type, peeledType, message }) => ({
      tag,
      type,
      peeledType,
      message,
      version: versionOf(model, tag),
    }))
    .filter((t) => Number.isInteger(t.version) && t.version > 0)
    .sort((a, b) => b.version - a.version);
  for (const t of tags) {
    if (t.type !== "tag") {
      ignored.push({
        tag: t.tag,
        reason: "a lightweight tag: modelkeeper's champion tags are annotated (made by promote)",
      });
      continue;
    }
    if (t.peeledType !== "commit") {
      ignored.push({ tag: t.tag, reason: `it points at a ${t.peeledType || "non-commit object"}, not a commit` });
      continue;
    }
    const claim = parseChampionClaim(t.message, model, t.tag);
    if (!claim) {
      ignored.push({
        tag: t.tag,
        reason:
          "its message carries no promote record naming this model, version and artifact sha256: not made by modelkeeper promote",
      });
      continue;
    }
    if (only && claim.artifact.sha256 !== only.sha256) continue;
    if (within && !(await isAncestor(git, `refs/tags/${t.tag}^{commit}`, within.commit))) {
      ignored.push({
        tag: t.tag,
        reason: `it points at a commit that is not in the history of ${within.name} (a tag pushed from another branch; in a shallow clone, fetch with fetch-depth: 0)`,
      });
      continue;
    }
    // The claim's path is the tag maker's text: checked before git is asked about it, so a hostile
    // one is this tag's problem (ignored), never an error that stops the search for the champion.
    if (!isSafePath(claim.artifact.path)) {
      ignored.push({
        tag: t.tag,
        reason: `its claim names ${JSON.stringify(claim.artifact.path)}, which is not a path inside the repository`,
      });
      continue;
    }
    const entry = await fileEntry(git, `refs/tags/${t.tag}^{commit}`, claim.artifact.path);
    if (!entry || entry.mode === "120000") {
      ignored.push({
        tag: t.tag,
        reason: entry
          ? `${claim.artifact.path} at the tagged commit is a symbolic link, not the model`
          : `${claim.artifact.path} does not exist at the tagged commit (as a file)`,
      });
      continue;
    }
    const artifact = await fromGit(git, `refs/tags/${t.tag}`, claim.artifact.path, `tag ${t.tag}`);
    if (!artifact) {
      ignored.push({ tag: t.tag, reason: `${claim.artifact.path} does not exist at the tagged commit` });
      continue;
    }
    if (artifact.sha256 !== claim.artifact.sha256) {
      ignored.push({
        tag: t.tag,
        reason: `${claim.artifact.path} at the tagged commit has sha256 ${artifact.sha256.slice(0, 12)}, but the tag names ${claim.artifact.sha256.slice(0, 12)}`,
      });
      continue;
    }
    yield { tag: t.tag, version: t.version, artifact, artifactPath: claim.artifact.path };
  }
}

/** The trusted champion: the newest of `trustedChampionTags`, and the tags passed over on the way. */
export async function trustedChampion(
  git: Git,
  model: string,
  filter: ChampionFilter = {},
): Promise<{ champion?: TrustedChampion; ignored: IgnoredTag[] }> {
  const ignored: IgnoredTag[] = [];
  for await (const champion of trustedChampionTags(git, model, filter, ignored)) return { champion, ignored };
  return { ignored };
}

/** Where the champion came from, and the tags that were passed over (for the report and the JSON). */
export interface ChampionResolution {
  champion?: ArtifactSource;
  ignoredTags: IgnoredTag[];
}

/**
 * Finds the champion: --champion PATH or REV when given; else the trusted champion tag, whatever
 * commit is checked out; else the artifact on the base branch (GITHUB_BASE_REF in a PR, else the
 * remote's default branch). On the base branch itself, with no champion tag, the committed artifact
 * is the challenger, not a champion (a first model); a different file is compared against it.
 */
export async function resolveChampion(
  git: Git,
  model: ModelConfig,
  env: NodeJS.ProcessEnv,
  cwd: string,
  override: string | undefined,
  challenger: { sha256: string; commit: string },
): Promise<ChampionResolution> {
  if (override) {
    const asFile = resolve(cwd, override);
    if (
      await stat(asFile).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return { champion: await fromFile(asFile, `file ${override}`), ignoredTags: [] };
    const commit = await commitOf(git, override);
    if (commit === undefined) {
      throw new UserError(
        `--champion ${override}: neither a file nor a commit. Pass the path of an ONNX file or a commit, branch or tag (fetch it first in a shallow clone).`,
      );
    }
    const found = await fromGit(git, commit, model.artifact, `commit ${override}`);
    if (!found) throw new UserError(`--champion ${override}: ${model.artifact} does not exist at that commit.`);
    return { champion: found, ignoredTags: [] };
  }
  // A champion is in the history of the branch it serves: the base branch (a PR's target, or the
  // default branch), else what is checked out.
  const base = await baseRef(git, env);
  const within = base
    ? { commit: await resolveCommit(git, base.ref), name: `the base branch ${base.name}` }
    : { commit: challenger.commit, name: "the commit evaluated" };
  const { champion, ignored } = await trustedChampion(git, model.name, { within });
  if (champion) return { champion: champion.artifact, ignoredTags: ignored };
  const found = base ? await fromGit(git, base.ref, model.artifact, `base branch ${base.name}`) : undefined;
  if (found && found.commit === challenger.commit && found.sha256 === challenger.sha256)
    return { ignoredTags: ignored };
  return { champion: found, ignoredTags: ignored };
}

/** The base branch to compare with, fetched if it is missing from a shallow clone. */
export async function baseRef(git: Git, env: NodeJS.ProcessEnv): Promise<{ name: string; ref: string } | undefined> {
  const name = env.GITHUB_BASE_REF || (await remoteDefaultBranch(git, "origin"));
  if (!name) return undefined;
  for (const ref of [`refs/remotes/origin/${name}`, `refs/heads/${name}`]) {
    if ((await commitOf(git, ref)) !== undefined) return { name, ref };
  }
  const fetched = await fetchRef(git, "origin", `refs/heads/${name}`, `refs/remotes/origin/${name}`, { depth: 1 });
  return fetched.ok ? { name, ref: `refs/remotes/origin/${name}` } : undefined;
}

/** The artifact as committed at `rev`, copied to a temporary file; undefined if absent there. */
export async function fromGit(git: Git, rev: string, path: string, label: string): Promise<ArtifactSource | undefined> {
  const commit = await commitOf(git, rev);
  const blob = await objectAt(git, rev, path);
  if (commit === undefined || blob === undefined) return undefined;
  // A link committed in place of the model holds a path, not the model; never follow it.
  if ((await fileEntry(git, commit, path))?.mode === "120000") {
    throw new UserError(
      `${path} at ${label} is a symbolic link, not the model: modelkeeper reads the committed file itself and follows no link. Commit the ONNX file in its place.`,
      { file: path },
    );
  }
  const bytes = await readBlob(git, blob);
  const file = join(makeTempDir("champion"), path.split("/").pop() ?? "model.onnx");
  await writeFile(file, isLfsPointer(bytes) ? await smudgeLfs(git, bytes, path, label) : bytes);
  return { ...(await fromFile(file, label)), commit };
}

export async function fromFile(path: string, label: string): Promise<ArtifactSource> {
  let bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(
      `${path}: cannot read the model (${error.code}). Check the path, or run the train command first.`,
      { file: path },
    );
  });
  if (isLfsPointer(bytes)) {
    throw new UserError(
      `${path} is a Git LFS pointer, not the model. Fetch the real file: \`git lfs pull\` (in a workflow: actions/checkout with \`lfs: true\`).`,
      { file: path },
    );
  }
  return { path, label, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}

function isLfsPointer(bytes: Buffer): boolean {
  return bytes.length < 1024 && bytes.subarray(0, LFS_POINTER.length).toString("utf8") === LFS_POINTER;
}

/** Resolves an LFS pointer through git-lfs when it is installed; otherwise says how. */
async function smudgeLfs(git: Git, pointer: Buffer, path: string, label: string): Promise<Buffer> {
  const smudged = await smudgeLfsPointer(git, pointer, path).catch(() => undefined);
  if (smudged === undefined || isLfsPointer(smudged)) {
    throw new UserError(
      `${path} at ${label} is a Git LFS pointer and git-lfs could not fetch it. Install git-lfs and run \`git lfs fetch origin\` (in a workflow: actions/checkout with \`lfs: true\`).`,
      { file: path },
    );
  }
  return smudged;
}
