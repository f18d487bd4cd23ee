/**
 * Which artifact is the champion, for the server: the one function serve calls, so the rule can
 * change in one place (trust-gate makes champion resolution accept only annotated tags that
 * modelkeeper made; switch `newestChampionTag` / `resolveChampion` here when it lands).
 * Reads git objects only: no checkout, so a running server never touches the working tree.
 */
import type { Git } from "../git/git.ts";
import type { ModelConfig } from "../config/types.ts";
import { championTags, fromGit, resolveChampion, tagPrefix, type ArtifactSource } from "../gate/champion.ts";
import { UserError } from "../errors.ts";

export interface ChampionRef {
  /** What identifies this exact artifact cheaply: the tag (or override) and the artifact's blob id. */
  key: string;
  /** The answer's model_version: "v<N>" for a champion tag, else "sha256:<first 12>" once loaded. */
  version?: string;
  /** The tag or revision read, for messages. */
  label: string;
  /** The git revision to read the artifact (and the config) from; undefined for a plain file. */
  rev?: string;
}

export interface ChampionArtifact extends ArtifactSource {
  version: string;
}

/** The champion to serve now, cheaply (no blob is read): undefined when the model has none yet. */
export async function currentChampion(git: Git, model: ModelConfig, override: string | undefined, cwd: string): Promise<ChampionRef | undefined> {
  if (override) {
    const tagged = override.startsWith(tagPrefix(model.name)) ? override.slice(tagPrefix(model.name).length) : undefined;
    const blob = await git.tryRun(["rev-parse", "--verify", "--quiet", `${override}:${model.artifact}`]);
    return {
      key: `override ${override} ${blob.code === 0 ? blob.stdout.trim() : ""}`,
      ...(tagged && /^\d+$/.test(tagged) ? { version: `v${tagged}` } : {}),
      label: override,
      ...(blob.code === 0 ? { rev: override } : {}),
    };
  }
  const [newest] = await championTags(git, model.name);
  if (!newest) return undefined;
  const blob = await git.tryRun(["rev-parse", "--verify", "--quiet", `${newest.tag}:${model.artifact}`]);
  return { key: `${newest.tag} ${blob.code === 0 ? blob.stdout.trim() : "missing"}`, version: `v${newest.version}`, label: `tag ${newest.tag}`, rev: newest.tag };
}

/** The artifact of `ref` as a file ready to load. */
export async function fetchChampion(git: Git, model: ModelConfig, ref: ChampionRef, override: string | undefined, cwd: string, env: NodeJS.ProcessEnv): Promise<ChampionArtifact> {
  const found = override ? await resolveChampion(git, model, env, cwd, override) : await fromGit(git, ref.rev!, model.artifact, ref.label);
  if (!found) throw new UserError(`${ref.label}: ${model.artifact} does not exist there. Promote a commit that holds the artifact, or pass --champion PATH.`, { key: "artifact" });
  return { ...found, version: ref.version ?? `sha256:${found.sha256.slice(0, 12)}` };
}

export function noChampionError(model: ModelConfig): UserError {
  return new UserError(
    `${model.name} has no champion yet: no tag ${tagPrefix(model.name)}<N> in this repository. Promote a model first (modelkeeper promote), fetch the tags (git fetch origin 'refs/tags/modelkeeper/*:refs/tags/modelkeeper/*'), or pass --champion REV|PATH.`,
  );
}
