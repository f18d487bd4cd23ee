/**
 * Which artifact is the champion, for the server: the one place serve asks. The poll is cheap (the
 * newest tag's name and blob id); when that changes, the artifact loaded is the trusted champion's
 * (gate/champion.ts: annotated, made by promote, artifact hash checked, in the default branch's
 * history), so a hand-made tag never reaches production.
 * Reads git objects only: no checkout, so a running server never touches the working tree.
 */
import type { Git } from "../git/git.ts";
import type { ModelConfig } from "../config/types.ts";
import { baseRef, championTags, resolveChampion, tagPrefix, trustedChampion, type ArtifactSource } from "../gate/champion.ts";
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
  if (override) {
    const { champion: found } = await resolveChampion(git, model, env, cwd, override, { sha256: "", commit: "" });
    if (!found) throw new UserError(`${ref.label}: ${model.artifact} does not exist there. Promote a commit that holds the artifact, or pass --champion PATH.`, { key: "artifact" });
    return { ...found, version: ref.version ?? `sha256:${found.sha256.slice(0, 12)}` };
  }
  const base = await baseRef(git, env);
  const within = { commit: (await git.run(["rev-parse", `${base?.ref ?? "HEAD"}^{commit}`])).trim(), name: base ? `the default branch ${base.name}` : "HEAD" };
  const { champion, ignored } = await trustedChampion(git, model.name, { within });
  if (!champion) {
    throw new UserError(`${model.name}: no trusted champion tag (${ignored.map((t) => `${t.tag}: ${t.reason}`).join("; ") || "none"}). Promote a model with modelkeeper promote, or pass --champion REV|PATH.`);
  }
  return { ...champion.artifact, version: `v${champion.version}` };
}

export function noChampionError(model: ModelConfig): UserError {
  return new UserError(
    `${model.name} has no champion yet: no tag ${tagPrefix(model.name)}<N> in this repository. Promote a model first (modelkeeper promote), fetch the tags (git fetch origin 'refs/tags/modelkeeper/*:refs/tags/modelkeeper/*'), or pass --champion REV|PATH.`,
  );
}
