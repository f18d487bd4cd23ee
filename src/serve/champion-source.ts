/**
 * Which artifact is the champion, for the server: the one place serve asks. The champion is the
 * trusted one (gate/champion.ts: an annotated tag made by promote, its artifact hashing to its
 * claim, in the served branch's history), so a hand-made tag named like a newer champion, a
 * lightweight one or one pushed from a side branch, never reaches production, neither its
 * artifact nor its config. The poll stays cheap: the trust check (which reads and hashes the
 * artifact) runs again only when the model's tags or the branch move.
 * Reads git objects only: no checkout, so a running server never touches the working tree.
 */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { resolveCommit, type Git } from "../git/git.ts";
import { objectAt, headCommit } from "../git/revisions.ts";
import { localTagIds } from "../git/tags.ts";
import type { ModelConfig } from "../config/types.ts";
import {
  baseRef,
  fromGit,
  resolveChampion,
  tagPrefix,
  trustedChampion,
  type ArtifactSource,
  type IgnoredTag,
} from "../gate/champion.ts";
import { insideRepository, isWithin } from "../repo-boundary.ts";
import { removeTempDir } from "../temp-dirs.ts";
import { UserError } from "../errors.ts";

export interface ChampionRef {
  /** What identifies this exact artifact cheaply: the tag (or override) and the artifact's hash or blob id. */
  key: string;
  /** The answer's model_version: "v<N>" for a champion tag, else "sha256:<first 12>" once loaded. */
  version?: string;
  /** The tag or revision read, for messages. */
  label: string;
  /** The git revision to read the artifact (and the config) from: the trusted tag's commit; undefined for a plain file. */
  rev?: string;
  /** For a trusted champion: where its artifact is at `rev` and the sha256 its tag claims. */
  claim?: { path: string; sha256: string };
  /** Champion-named tags that were passed over, and why. */
  ignored?: IgnoredTag[];
}

export interface ChampionArtifact extends ArtifactSource {
  version: string;
}

/** The last trust decision per repository and model, and the state of the refs it was made on. */
const decided = new Map<string, { refs: string; ref: ChampionRef | undefined }>();

/** The champion to serve now (no blob is read unless the tags or the branch moved): undefined when the model has none yet. */
export async function currentChampion(
  git: Git,
  model: ModelConfig,
  override: string | undefined,
  cwd: string,
): Promise<ChampionRef | undefined> {
  if (override) {
    const tagged = override.startsWith(tagPrefix(model.name))
      ? override.slice(tagPrefix(model.name).length)
      : undefined;
    const blob = await objectAt(git, override, model.artifact);
    return {
      key: `override ${override} ${blob ?? ""}`,
      ...(tagged && /^\d+$/.test(tagged) ? { version: `v${tagged}` } : {}),
      label: override,
      ...(blob !== undefined ? { rev: override } : {}),
    };
  }
  const within = await servedBranch(git);
  const tags = await localTagIds(git, tagPrefix(model.name));
  const refs = [within.commit, ...[...tags].map(([tag, id]) => `${id} ${tag}`)].join("\n");
  const cacheKey = `${git.cwd}\0${model.name}`;
  const last = decided.get(cacheKey);
  if (last?.refs === refs) return last.ref;
  const { champion, ignored } = await trustedChampion(git, model.name, { within });
  let ref: ChampionRef | undefined;
  if (champion) {
    // The copy taken to hash it is not kept: fetchChampion takes the bytes again from the commit.
    removeTempDir(dirname(champion.artifact.path));
    ref = {
      key: `${champion.tag} ${champion.artifact.sha256}`,
      version: `v${champion.version}`,
      label: `tag ${champion.tag}`,
      rev: champion.artifact.commit,
      claim: { path: champion.artifactPath, sha256: champion.artifact.sha256 },
      ignored,
    };
  }
  decided.set(cacheKey, { refs, ref });
  return ref;
}

/** The artifact of `ref` as a file ready to load. */
export async function fetchChampion(
  git: Git,
  model: ModelConfig,
  ref: ChampionRef,
  override: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<ChampionArtifact> {
  if (override) {
    checkInsideRepository(git, override, cwd);
    const { champion: found } = await resolveChampion(git, model, env, cwd, override, { sha256: "", commit: "" });
    if (!found)
      throw new UserError(
        `${ref.label}: ${model.artifact} does not exist there. Promote a commit that holds the artifact, or pass --champion PATH.`,
        { key: "artifact" },
      );
    return { ...found, version: ref.version ?? `sha256:${found.sha256.slice(0, 12)}` };
  }
  if (!ref.rev || !ref.claim) throw noChampionError(model);
  // Git objects are addressed by content, so these are the bytes the trust check hashed; checked anyway.
  const artifact = await fromGit(git, ref.rev, ref.claim.path, ref.label);
  if (!artifact || artifact.sha256 !== ref.claim.sha256) {
    throw new UserError(
      `${ref.label}: ${ref.claim.path} at ${ref.rev.slice(0, 12)} no longer has the sha256 its tag names (${ref.claim.sha256.slice(0, 12)}); not serving it.`,
    );
  }
  return { ...artifact, version: ref.version ?? `sha256:${artifact.sha256.slice(0, 12)}` };
}

/**
 * A champion is in the history of the branch it serves: the remote's default branch when known,
 * else what is checked out. (A PR's GITHUB_BASE_REF has no say in what production serves.)
 */
async function servedBranch(git: Git): Promise<{ commit: string; name: string }> {
  const base = await baseRef(git, {});
  return {
    commit: base ? await resolveCommit(git, base.ref) : await headCommit(git),
    name: base ? `the default branch ${base.name}` : "HEAD",
  };
}

/**
 * --champion/--canary/--shadow PATH may name any file, but one named inside the repository is held
 * to the repository's boundary, as evaluate holds the configured artifact: a link there cannot
 * send the server to a file outside.
 */
function checkInsideRepository(git: Git, override: string, cwd: string): void {
  const path = resolve(cwd, override);
  if (existsSync(path) && isWithin(resolve(git.cwd), path))
    insideRepository(git.cwd, path, `the model file to serve (${override})`);
}

export function noChampionError(model: ModelConfig): UserError {
  return new UserError(
    `${model.name} has no trusted champion yet: no tag ${tagPrefix(model.name)}<N> made by promote in the default branch's history. Promote a model first (modelkeeper promote), fetch the tags (git fetch origin 'refs/tags/modelkeeper/*:refs/tags/modelkeeper/*'), or pass --champion REV|PATH.`,
  );
}
