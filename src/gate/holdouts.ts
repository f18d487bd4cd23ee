import { writeFile, mkdir } from "node:fs/promises";
import { makeTempDir } from "../temp-dirs.ts";
import { dirname, join } from "node:path";
import type { Git } from "../git/git.ts";
import { readBlob } from "../git/blob.ts";
import type { ModelConfig } from "../config/types.ts";
import { expandPaths } from "../provenance/expand-paths.ts";
import { hashFiles } from "../provenance/hash-files.ts";
import type { HoldoutInput } from "./evaluate-model.ts";

/**
 * The held-out set(s) to evaluate on. When the branch changed the held-out files relative to the
 * base, both the base's and the branch's sets are returned: a PR must not quietly move the goal.
 */
export async function holdoutSets(git: Git, root: string, model: ModelConfig, base: { name: string; ref: string } | undefined): Promise<HoldoutInput[]> {
  const paths = await expandPaths(root, model.data.holdout, `models.${model.name}.data.holdout`);
  const { hashes } = await hashFiles(root, paths);
  const current: HoldoutInput = { name: "holdout", paths: paths.map((p) => join(root, p)), files: Object.fromEntries(paths.map((p) => [p, hashes.get(p)!.sha256])) };
  if (!base) return [current];
  const head = (await git.run(["rev-parse", "HEAD"])).trim();
  const baseCommit = (await git.tryRun(["rev-parse", "--verify", "--quiet", `${base.ref}^{commit}`])).stdout.trim();
  if (!baseCommit || baseCommit === head) return [current];

  // Which holdout files did the base have, and are they the same blobs?
  const baseFiles = await git.tryRun(["ls-tree", "-r", "--name-only", baseCommit, "--", ...model.data.holdout.map((p) => (/[*?[{]/.test(p) ? `:(glob)${p}` : p))]);
  const basePaths = baseFiles.stdout.split("\n").filter(Boolean).sort();
  if (basePaths.length === 0) return [current];
  const workingBlobs = (await git.run(["hash-object", "--", ...paths])).trim().split("\n");
  const baseBlobs = await Promise.all(basePaths.map(async (p) => (await git.run(["rev-parse", `${baseCommit}:${p}`])).trim()));
  const same = basePaths.length === paths.length && basePaths.every((p, i) => p === paths[i] && baseBlobs[i] === workingBlobs[i]);
  if (same) return [current];

  const dir = makeTempDir("base-holdout");
  for (const path of basePaths) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), await readBlob(git, `${baseCommit}:${path}`));
  }
  const baseHashes = (await hashFiles(dir, basePaths)).hashes;
  return [
    { name: `base holdout (${base.name})`, paths: basePaths.map((p) => join(dir, p)), files: Object.fromEntries(basePaths.map((p) => [p, baseHashes.get(p)!.sha256])) },
    { ...current, name: "PR holdout" },
  ];
}
