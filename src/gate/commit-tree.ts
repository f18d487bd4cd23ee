import { mkdir, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import type { Git } from "../git/git.ts";
import { readBlob } from "../git/blob.ts";
import { parseConfig } from "../config/parse.ts";
import type { Config, ModelConfig } from "../config/types.ts";
import { makeTempDir } from "../temp-dirs.ts";
import { UserError } from "../errors.ts";
import { matchTreePaths } from "./tree-paths.ts";
import type { HoldoutInput } from "./score-holdout.ts";
import { objectAt } from "../git/revisions.ts";
import { treeFiles } from "../git/tree.ts";

/**
 * A commit's own files read from git objects, never from a checkout: the config and held-out set
 * of a commit are what it says, whatever the working tree holds (and no code of it runs).
 */

/** The config file as committed at `commit`; undefined when the commit has no such file. */
export async function configAt(git: Git, commit: string, relativePath: string): Promise<Config | undefined> {
  const blob = await objectAt(git, commit, relativePath);
  if (blob === undefined) return undefined;
  const text = (await readBlob(git, blob)).toString("utf8");
  return parseConfig(text, `${relativePath} at ${commit.slice(0, 12)}`);
}

/** The model's held-out files as committed at `commit`, matched by ITS config's patterns, copied to a temporary folder. */
export async function holdoutAt(
  git: Git,
  commit: string,
  model: ModelConfig,
  name: string,
  files?: Map<string, string>,
): Promise<HoldoutInput> {
  const tree = files ?? (await treeFiles(git, commit));
  const { matched, unmatched } = matchTreePaths([...tree.keys()], model.data.holdout);
  if (unmatched.length) {
    throw new UserError(
      `models.${model.name}.data.holdout: "${unmatched[0]}" matches no file at ${commit.slice(0, 12)}. Commit the held-out set, or fix the path in the config.`,
      { key: `models.${model.name}.data.holdout` },
    );
  }
  return materialize(
    git,
    matched.map((p) => [p, tree.get(p)!] as const),
    name,
  );
}

/** Copies blobs (path, blob id) to a temporary folder under their paths; hashes them on the way. */
export async function materialize(
  git: Git,
  blobs: ReadonlyArray<readonly [string, string]>,
  name: string,
): Promise<HoldoutInput> {
  const dir = makeTempDir("holdout");
  const hashes: Record<string, string> = {};
  for (const [path, blob] of blobs) {
    // git's own checkout refuses such entries; a crafted tree object may still hold them.
    if (
      path.startsWith("/") ||
      path.split("/").some((segment) => segment === ".." || segment === "." || segment === "" || segment === ".git")
    ) {
      throw new UserError(`${JSON.stringify(path)}: not a safe path inside the repository; refusing to read it.`);
    }
    const bytes = await readBlob(git, blob);
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
    hashes[path] = createHash("sha256").update(bytes).digest("hex");
  }
  return { name, paths: blobs.map(([p]) => join(dir, p)), files: hashes };
}
