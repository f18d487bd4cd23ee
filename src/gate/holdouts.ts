import { join } from "node:path";
import type { Git } from "../git/git.ts";
import type { ModelConfig } from "../config/types.ts";
import { expandPaths } from "../provenance/expand-paths.ts";
import { hashFiles } from "../provenance/hash-files.ts";
import type { HoldoutInput } from "./score-holdout.ts";
import { configAt, materialize } from "./commit-tree.ts";
import { treeFiles } from "../git/tree.ts";
import { blobIdsOfFiles } from "../git/blob.ts";
import { matchTreePaths } from "./tree-paths.ts";
import { isUserError, UserError } from "../errors.ts";
import { commitOf, headCommit } from "../git/revisions.ts";

export interface HoldoutPlan {
  /** The sets to evaluate on; when there are two, the first (the base's) is the yardstick. */
  sets: HoldoutInput[];
  /** Said at the top of the report: the PR changed the held-out set, or the base's could not be read. */
  notices: string[];
}

/**
 * The held-out set(s) to evaluate on. The base branch's config says which files the base judges
 * on, whatever the PR's config says: when the branch renamed, moved, deleted, added or edited
 * held-out files, the base's set (read from git objects at the base commit) is evaluated first and
 * decides, the branch's own set is evaluated too and shown; a PR must not quietly move the goal.
 */
export async function holdoutSets(
  git: Git,
  root: string,
  model: ModelConfig,
  base: { name: string; ref: string } | undefined,
  configPath: string,
  challengerCommit?: string,
): Promise<HoldoutPlan> {
  if (challengerCommit) return holdoutSetsForRev(git, root, model, base, configPath, challengerCommit);
  const head = await headCommit(git);
  const baseCommit = base ? await commitOf(git, base.ref) : undefined;
  const compare = base !== undefined && baseCommit !== undefined && baseCommit !== head;
  // With a base to fall back on, a branch that deleted its held-out files is judged on the base's.
  let paths: string[] = [];
  try {
    paths = await expandPaths(root, model.data.holdout, `models.${model.name}.data.holdout`);
  } catch (error) {
    if (!compare || !isUserError(error)) throw error;
  }
  const { hashes } = await hashFiles(root, paths);
  const current: HoldoutInput = {
    name: "holdout",
    paths: paths.map((p) => join(root, p)),
    files: Object.fromEntries(paths.map((p) => [p, hashes.get(p)!.sha256])),
  };
  if (!compare) return { sets: [current], notices: [] };

  // Which held-out files does the base's own config name, at the base commit?
  let baseModel: ModelConfig | undefined;
  try {
    baseModel = (await configAt(git, baseCommit, configPath))?.models.find((m) => m.name === model.name);
  } catch (error) {
    return {
      sets: [current],
      notices: [
        `the base branch ${base.name}'s ${configPath} cannot be read (${(error as Error).message.split("\n")[0]}): judged on this branch's held-out set only.`,
      ],
    };
  }
  const own = (notice: string): HoldoutPlan => {
    if (!paths.length)
      throw new UserError(
        `models.${model.name}.data.holdout: "${model.data.holdout[0]}" matches no file, and ${notice}. Fix the path in the config.`,
        { key: `models.${model.name}.data.holdout` },
      );
    return { sets: [current], notices: [] };
  };
  if (!baseModel) return own(`the base branch ${base.name} has no model ${model.name} to fall back on`); // a new model: nothing to hold it to.
  const tree = await treeFiles(git, baseCommit);
  const { matched: basePaths } = matchTreePaths([...tree.keys()], baseModel.data.holdout);
  if (basePaths.length === 0) {
    if (!paths.length) own(`the base branch ${base.name} has none either`);
    return {
      sets: [current],
      notices: [
        `the base branch ${base.name} has no file matching its data.holdout (${baseModel.data.holdout.join(", ")}): judged on this branch's held-out set only.`,
      ],
    };
  }
  const workingBlobs = await blobIdsOfFiles(
    git,
    paths.map((p) => join(root, p)),
  );
  const working = new Map(paths.map((p, i) => [p, workingBlobs[i]]));
  const removed = basePaths.filter((p) => !working.has(p));
  const added = paths.filter((p) => !tree.has(p) || !basePaths.includes(p));
  const edited = basePaths.filter((p) => working.has(p) && working.get(p) !== tree.get(p));
  if (!removed.length && !added.length && !edited.length) return { sets: [current], notices: [] };

  const baseSet = await materialize(
    git,
    basePaths.map((p) => [p, tree.get(p)!] as const),
    `base holdout (${base.name})`,
  );
  const sets = paths.length ? [baseSet, { ...current, name: "PR holdout" }] : [baseSet];
  return { sets, notices: [changeNotice({ removed, added, edited }, base.name, paths.length > 0)] };
}

/**
 * --challenger-rev (the trusted PR workflow): the working tree is the base and decides; the PR
 * head's own config and held-out files, read from git objects at `challengerCommit`, are compared
 * with it, so a PR that moves, renames, edits or deletes the held-out set is flagged at the top and
 * its own set is shown too (it must not reject).
 */
async function holdoutSetsForRev(
  git: Git,
  root: string,
  model: ModelConfig,
  base: { name: string } | undefined,
  configPath: string,
  challengerCommit: string,
): Promise<HoldoutPlan> {
  const paths = await expandPaths(root, model.data.holdout, `models.${model.name}.data.holdout`);
  const { hashes } = await hashFiles(root, paths);
  const baseName = base?.name ?? "checked out";
  const current: HoldoutInput = {
    name: "holdout",
    paths: paths.map((p) => join(root, p)),
    files: Object.fromEntries(paths.map((p) => [p, hashes.get(p)!.sha256])),
  };
  let prModel: ModelConfig | undefined;
  try {
    prModel = (await configAt(git, challengerCommit, configPath))?.models.find((m) => m.name === model.name);
  } catch (error) {
    return {
      sets: [current],
      notices: [
        `the pull request's ${configPath} cannot be read (${(error as Error).message.split("\n")[0]}): judged on the base's held-out set; its own could not be compared.`,
      ],
    };
  }
  const tree = await treeFiles(git, challengerCommit);
  const prPaths = prModel ? matchTreePaths([...tree.keys()], prModel.data.holdout).matched : [];
  const baseBlobs = await blobIdsOfFiles(
    git,
    paths.map((p) => join(root, p)),
  );
  const removed = paths.filter((p) => !prPaths.includes(p));
  const added = prPaths.filter((p) => !paths.includes(p));
  const edited = paths.filter((p, i) => prPaths.includes(p) && tree.get(p) !== baseBlobs[i]);
  if (!removed.length && !added.length && !edited.length) return { sets: [current], notices: [] };
  const baseSet = { ...current, name: `base holdout (${baseName})` };
  const sets = prPaths.length
    ? [
        baseSet,
        await materialize(
          git,
          prPaths.map((p) => [p, tree.get(p)!] as const),
          "PR holdout",
        ),
      ]
    : [baseSet];
  return { sets, notices: [changeNotice({ removed, added, edited }, baseName, prPaths.length > 0)] };
}

function changeNotice(
  c: { removed: string[]; added: string[]; edited: string[] },
  baseName: string,
  prSetShown: boolean,
): string {
  const change = [
    c.removed.length ? `removes or renames ${list(c.removed)}` : "",
    c.added.length ? `adds ${list(c.added)}` : "",
    c.edited.length ? `edits ${list(c.edited)}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return (
    `this pull request changes the held-out set (it ${change}): the verdict is decided on the base branch ${baseName}'s held-out set, as its config names it` +
    (prSetShown ? "; this branch's set is shown too and must not reject." : ".")
  );
}

function list(paths: string[]): string {
  return paths.length > 3 ? `${paths.slice(0, 3).join(", ")} and ${paths.length - 3} more` : paths.join(", ");
}
