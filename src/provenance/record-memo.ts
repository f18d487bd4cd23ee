import { createHash } from "node:crypto";
import { readFile, writeFile, rename } from "node:fs/promises";
import type { Git } from "../git/git.ts";
import { hasBlob, objectsAt } from "../git/revisions.ts";
import { ignoredFiles } from "../git/working-tree.ts";
import type { ModelConfig } from "../config/types.ts";
import type { ManifestRef } from "./note-line.ts";
import type { FileHash } from "./hash-files.ts";
import { canonicalJson } from "./canonical-json.ts";
import { configSection } from "./config-section.ts";
import { modelPatterns } from "./manifest.ts";
import { isGlob, staticPrefix } from "./glob.ts";

/** What a record of an unchanged tree reuses: the manifest and the artifact's hash. */
export interface MemoValue {
  manifest: ManifestRef;
  artifact: { path: string } & FileHash;
}

/** Lines kept in the memo file: one per recent (model, tree) pair. */
const KEEP = 64;

/**
 * The paths whose committed trees decide a model's record: the artifact, each pattern's static
 * folder (the whole folder a walk would visit) and the root lockfiles. "" is the whole tree.
 */
function memoPaths(model: ModelConfig, lockfiles: string[]): string[] {
  const patterns = [model.artifact, ...model.data.train, ...model.data.holdout, ...model.code, ...model.config];
  const normalized = patterns.map((p) => p.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, ""));
  return [...new Set([...normalized.map((p) => (isGlob(p) ? staticPrefix(p) : p)), ...lockfiles])].sort();
}

/**
 * The memo key of a model's record on `commit`: its config section, patterns and the object ids
 * git holds at its memo paths. The same key means the same committed files under every path the
 * record walks; undefined when one of the paths is not in the commit.
 */
async function memoKey(git: Git, commit: string, model: ModelConfig, paths: string[]): Promise<string | undefined> {
  const oids = await objectsAt(git, commit, paths);
  if (oids === undefined) return undefined;
  return createHash("sha256")
    .update(
      canonicalJson({
        memo: 1,
        section: configSection(model),
        patterns: modelPatterns(model),
        artifact: model.artifact,
        trees: paths.map((p, i) => [p, oids[i]]),
      }),
    )
    .digest("hex");
}

/**
 * The memo of a model's record on `commit` when it applies: the key is known; the working tree
 * holds exactly the committed files under the memo paths (git's diff and untracked files, from
 * the record's check, name none of them, and no ignored file lies under them, which a walk would
 * hash), so a walk of the patterns would find the key's files byte for byte; and the manifest
 * blob is here. The key is returned either way, for storing the full record's result.
 */
export async function reusableRecord(
  git: Git,
  commit: string,
  model: ModelConfig,
  lockfiles: string[],
  memo: RecordMemo,
  dirtyAmong: (wanted: (path: string) => boolean) => unknown[] | Promise<unknown[]>,
): Promise<{ key: string | undefined; value: MemoValue | undefined }> {
  const paths = memoPaths(model, lockfiles);
  const key = await memoKey(git, commit, model, paths);
  const value = key ? memo.get(key) : undefined;
  if (!key || !value) return { key, value: undefined };
  // Three read-only questions, asked at once (the dirty scan is already running).
  const [dirty, ignored, present] = await Promise.all([
    dirtyAmong((path) => paths.some((p) => p === "" || path === p || path.startsWith(`${p}/`))),
    ignoredFiles(
      git,
      paths.map((p) => (p === "" ? "." : p)),
    ),
    hasBlob(git, value.manifest.oid),
  ]);
  return { key, value: dirty.length === 0 && ignored.length === 0 && present ? value : undefined };
}

/**
 * Remembers, per memo key, the manifest and artifact hash a full record computed, under .git/
 * (per clone, never pushed). Only stored when every hashed file was a clean committed regular
 * file read before the check (no symbolic link, ignored file or late write), so the value is a
 * function of the key. A memo is a shortcut, never an authority: the note line written from it
 * names the same manifest blob a full record would write, and that blob must exist here.
 */
export class RecordMemo {
  private constructor(
    private readonly file: string,
    private readonly lines: string[],
  ) {}

  static async open(file: string): Promise<RecordMemo> {
    const text = await readFile(file, "utf8").catch(() => "");
    return new RecordMemo(
      file,
      text.split("\n").filter((l) => /^[0-9a-f]{64} \{/.test(l)),
    );
  }

  get(key: string): MemoValue | undefined {
    const line = this.lines.findLast((l) => l.startsWith(`${key} `));
    if (!line) return undefined;
    try {
      const value = JSON.parse(line.slice(65)) as MemoValue;
      const ok =
        /^[0-9a-f]{40,64}$/.test(value?.manifest?.oid) &&
        /^[0-9a-f]{64}$/.test(value.manifest.sha256) &&
        /^[0-9a-f]{64}$/.test(value.artifact?.sha256) &&
        typeof value.artifact.path === "string";
      return ok ? value : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: MemoValue): void {
    const kept = this.lines.filter((l) => !l.startsWith(`${key} `));
    this.lines.splice(0, this.lines.length, ...kept.slice(-(KEEP - 1)), `${key} ${JSON.stringify(value)}`);
  }

  /** Temp file and rename: a crash leaves the old memo or the new one. */
  async save(): Promise<void> {
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, this.lines.join("\n") + "\n");
    await rename(temp, this.file);
  }
}
