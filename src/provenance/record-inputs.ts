import type { Git } from "../git/git.ts";
import type { RecordInputs, RecordLine } from "./note-line.ts";
import { isSafePath, readManifest } from "./manifest-store.ts";
import { UserError } from "../errors.ts";

/** What a record says the inputs were: per-file hashes, and the config section where recorded. */
export interface RecordedInputs {
  inputs: RecordInputs;
  /** The model's resolved config section (lines with a manifest); older lines hashed the whole file. */
  section?: { file: string; sha256: string; value: Record<string, unknown> };
}

/** Reads a record line's inputs, from its manifest blob or (older lines) inline. */
export async function readRecordedInputs(git: Git, record: RecordLine, where: string): Promise<RecordedInputs> {
  if (!isSafePath(record.artifact?.path ?? ""))
    throw new UserError(
      `${where}: the record names the artifact path ${JSON.stringify(record.artifact?.path)}, which is not inside the repository: the note was altered. Record the commit again.`,
    );
  if (record.manifest) {
    const manifest = await readManifest(git, record.manifest, where);
    if (manifest.model !== record.model)
      throw new UserError(
        `${where}: the record's manifest belongs to model "${manifest.model}", not "${record.model}": the note was altered. Record the commit again.`,
      );
    return {
      inputs: manifest.inputs,
      ...(record.section ? { section: { ...record.section, value: manifest.section } } : {}),
    };
  }
  const inline = record.inputs ?? { data: {}, code: {}, config: {}, lockfiles: {} };
  const inputs: RecordInputs = { data: {}, code: {}, config: {}, lockfiles: {} };
  for (const role of ["data", "code", "config", "lockfiles"] as const) {
    for (const [path, sha256] of Object.entries(inline[role] ?? {})) {
      if (!isSafePath(path))
        throw new UserError(
          `${where}: the record names the path ${JSON.stringify(path)}, which is not inside the repository: the note was altered. Record the commit again.`,
        );
      inputs[role][path] = sha256;
    }
  }
  return { inputs };
}
