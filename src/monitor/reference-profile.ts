import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Git } from "../git/git.ts";
import type { ModelConfig } from "../config/types.ts";
import { readTables } from "../data/index.ts";
import { insideRepository } from "../repo-boundary.ts";
import { expandPaths } from "../provenance/expand-paths.ts";
import { appendRawLines, readNoteText } from "../git/notes.ts";
import { buildProfile, parseDriftProfile, type DriftProfile } from "../stats/drift/profile.ts";
import { createRandom } from "../stats/numeric/random.ts";
import { loadModel, closeModel } from "../model/runner.ts";
import { withPredictions } from "./prediction-columns.ts";
import { isUserError } from "../errors.ts";

/**
 * Reference profiles for drift: a compact summary of the training data (quantile bins, category
 * counts, missing shares, a bounded sample for KS), stored by `record` in its own notes ref so
 * monitoring needs no raw training data. One JSON line per model, so cat_sort_uniq merges work.
 */
export const PROFILES_REF = "refs/notes/modelkeeper-profiles";

/** Seed of the profile's reservoir sample: the same data gives the same profile. */
const PROFILE_SEED = 20240601;

export interface ProfileLine {
  schema: 1;
  model: string;
  at: string;
  sha256: string;
  profile: DriftProfile;
}

/** Profiles the model's drift reference, with the model's own scores on it when it can score them. */
export async function buildReferenceProfile(root: string, model: ModelConfig): Promise<ProfileLine> {
  const paths = await expandPaths(
    root,
    model.drift.reference ?? model.data.train,
    `models.${model.name}.drift.reference`,
  );
  let table = await readTables(paths.map((p) => join(root, p)));
  try {
    const handle = await loadModel(insideRepository(root, model.artifact, `models.${model.name}.artifact`));
    try {
      table = await withPredictions(
        table,
        handle,
        model,
        model.features ?? table.columns.map((c) => c.name).filter((n) => n !== model.label),
      );
    } finally {
      await closeModel(handle);
    }
  } catch (error) {
    if (!isUserError(error)) throw error;
    // Without scores the profile still serves input drift.
  }
  const random = createRandom(PROFILE_SEED);
  const profile = buildProfile({ ...table, source: paths.join(", ") }, { random: () => random.nextFloat() });
  const json = JSON.stringify(profile);
  return {
    schema: 1,
    model: model.name,
    at: new Date().toISOString(),
    sha256: createHash("sha256").update(json).digest("hex"),
    profile,
  };
}

export async function storeProfile(git: Git, commit: string, line: ProfileLine): Promise<void> {
  await appendRawLines(git, commit, [JSON.stringify(line)], PROFILES_REF);
}

/** The newest stored profile of a model on a commit, checked field by field. */
export async function readProfile(git: Git, commit: string, model: string): Promise<ProfileLine | undefined> {
  const text = await readNoteText(git, commit, PROFILES_REF);
  if (!text) return undefined;
  let best: ProfileLine | undefined;
  for (const raw of text.split("\n")) {
    if (!raw.trim().startsWith("{")) continue;
    let value: any;
    try {
      value = JSON.parse(raw);
    } catch {
      continue;
    }
    if (value?.model !== model || (best && value.at <= best.at)) continue;
    best = { ...value, profile: parseDriftProfile(value.profile, `${PROFILES_REF} on ${commit.slice(0, 12)}`) };
  }
  return best;
}
