// An in-memory git object database with real git object ids (SHA-1 over git's own encoding), so
// shas behave as on GitHub: equal content gives equal blob and tree shas, and a commit sha
// changes with its parents. Enough for refs, trees, the contents API and pull request merges.
import { createHash } from "node:crypto";

export interface Signature {
  name: string;
  email: string;
  /** ISO 8601, second precision. */
  date: string;
}

export interface TreeEntry {
  name: string;
  /** git file mode: 100644 file, 100755 executable, 040000 tree, 120000 symlink, 160000 submodule. */
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
}

export type GitObject =
  | { type: "blob"; content: Buffer }
  | { type: "tree"; entries: TreeEntry[] }
  | { type: "commit"; tree: string; parents: string[]; message: string; author: Signature; committer: Signature };

export type CommitObject = Extract<GitObject, { type: "commit" }>;

/** A file (or submodule) in a flattened tree, keyed by its full path. */
export interface FlatEntry {
  mode: string;
  type: "blob" | "commit";
  sha: string;
}

export class GitStore {
  readonly objects = new Map<string, GitObject>();
  /** Full ref name ("refs/heads/main") to commit sha. */
  readonly refs = new Map<string, string>();

  writeBlob(content: Buffer): string {
    return this.store({ type: "blob", content }, content);
  }

  writeTree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort((a, b) => compareTreeNames(a, b));
    const body = Buffer.concat(
      sorted.map((e) =>
        Buffer.concat([Buffer.from(`${e.mode.replace(/^0+/, "")} ${e.name}\0`), Buffer.from(e.sha, "hex")]),
      ),
    );
    return this.store({ type: "tree", entries: sorted }, body);
  }

  writeCommit(commit: Omit<CommitObject, "type">): string {
    const lines = [`tree ${commit.tree}`, ...commit.parents.map((p) => `parent ${p}`)];
    lines.push(`author ${formatSignature(commit.author)}`, `committer ${formatSignature(commit.committer)}`);
    const body = Buffer.from(`${lines.join("\n")}\n\n${commit.message}`);
    return this.store({ type: "commit", ...commit }, body);
  }

  get(sha: string): GitObject | undefined {
    return this.objects.get(sha);
  }

  commit(sha: string): CommitObject | undefined {
    const object = this.objects.get(sha);
    return object?.type === "commit" ? object : undefined;
  }

  tree(sha: string): TreeEntry[] | undefined {
    const object = this.objects.get(sha);
    return object?.type === "tree" ? object.entries : undefined;
  }

  blob(sha: string): Buffer | undefined {
    const object = this.objects.get(sha);
    return object?.type === "blob" ? object.content : undefined;
  }

  /**
   * A branch name, tag name, full ref, full sha or unique sha prefix (7+ hex) to a commit sha,
   * looked up in the order git uses for ambiguous names.
   */
  resolve(ref: string): string | undefined {
    for (const candidate of [ref, `refs/heads/${ref}`, `refs/tags/${ref}`]) {
      const sha = this.refs.get(candidate);
      if (sha) return sha;
    }
    if (/^[0-9a-f]{40}$/.test(ref)) return this.objects.has(ref) ? ref : undefined;
    if (/^[0-9a-f]{7,39}$/.test(ref)) {
      const matches = [...this.objects.keys()].filter((sha) => sha.startsWith(ref) && this.commit(sha));
      return matches.length === 1 ? matches[0] : undefined;
    }
    return undefined;
  }

  /** Every file below a tree, by full path. */
  flatten(treeSha: string, prefix = "", into = new Map<string, FlatEntry>()): Map<string, FlatEntry> {
    for (const entry of this.tree(treeSha) ?? []) {
      const path = prefix + entry.name;
      if (entry.type === "tree") this.flatten(entry.sha, `${path}/`, into);
      else into.set(path, { mode: entry.mode, type: entry.type, sha: entry.sha });
    }
    return into;
  }

  /** Builds (and stores) the nested trees for a set of files; returns the root tree sha. */
  buildTree(files: Map<string, FlatEntry>): string {
    type Dir = { files: TreeEntry[]; dirs: Map<string, Dir> };
    const root: Dir = { files: [], dirs: new Map() };
    for (const [path, entry] of files) {
      const parts = path.split("/");
      let dir = root;
      for (const part of parts.slice(0, -1)) {
        let child = dir.dirs.get(part);
        if (!child) dir.dirs.set(part, (child = { files: [], dirs: new Map() }));
        dir = child;
      }
      dir.files.push({ name: parts[parts.length - 1], ...entry });
    }
    const write = (dir: Dir): string =>
      this.writeTree([
        ...dir.files,
        ...[...dir.dirs].map(([name, child]) => ({ name, mode: "040000", type: "tree" as const, sha: write(child) })),
      ]);
    return write(root);
  }

  /** What sits at `path` in a commit: a blob or a tree entry, or undefined. Empty path = root tree. */
  entryAt(commitSha: string, path: string): TreeEntry | undefined {
    const commit = this.commit(commitSha);
    if (!commit) return undefined;
    let current: TreeEntry = { name: "", mode: "040000", type: "tree", sha: commit.tree };
    for (const part of path.split("/").filter(Boolean)) {
      if (current.type !== "tree") return undefined;
      const next = this.tree(current.sha)?.find((e) => e.name === part);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }

  /** Ancestors of a commit including itself, nearest first (breadth-first). */
  ancestors(sha: string): string[] {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.commit(next)?.parents ?? []));
    }
    return [...seen];
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    return this.ancestors(descendant).includes(ancestor);
  }

  /** The nearest common ancestor (good enough for the linear histories tests build). */
  mergeBase(a: string, b: string): string | undefined {
    const ofA = new Set(this.ancestors(a));
    return this.ancestors(b).find((sha) => ofA.has(sha));
  }

  /**
   * Three-way merge of two commits' trees, file by file: a side that changed a file since the
   * merge base wins; both changing it differently is a conflict (GitHub then refuses to merge).
   */
  mergeTrees(ours: string, theirs: string): { tree: string } | { conflicts: string[] } {
    const base = this.mergeBase(ours, theirs);
    const filesOf = (sha: string | undefined) =>
      sha ? this.flatten(this.commit(sha)!.tree) : new Map<string, FlatEntry>();
    const [baseFiles, ourFiles, theirFiles] = [filesOf(base), filesOf(ours), filesOf(theirs)];
    const merged = new Map<string, FlatEntry>();
    const conflicts: string[] = [];
    const same = (x?: FlatEntry, y?: FlatEntry) => x?.sha === y?.sha && x?.mode === y?.mode;
    for (const path of new Set([...baseFiles.keys(), ...ourFiles.keys(), ...theirFiles.keys()])) {
      const [b, o, t] = [baseFiles.get(path), ourFiles.get(path), theirFiles.get(path)];
      const pick = same(o, t) ? o : same(b, o) ? t : same(b, t) ? o : "conflict";
      if (pick === "conflict") conflicts.push(path);
      else if (pick) merged.set(path, pick);
    }
    return conflicts.length ? { conflicts: conflicts.sort() } : { tree: this.buildTree(merged) };
  }

  /**
   * An object as git encodes it (from `git cat-file --batch`), kept under git's own id, so commits
   * pushed from a real repository keep their shas.
   */
  storeRaw(type: string, body: Buffer): string {
    if (type === "blob") return this.store({ type: "blob", content: body }, body);
    if (type === "tree") {
      const entries: TreeEntry[] = [];
      for (let at = 0; at < body.length;) {
        const space = body.indexOf(0x20, at);
        const nul = body.indexOf(0, space);
        const mode = body.subarray(at, space).toString().padStart(6, "0");
        const sha = body.subarray(nul + 1, nul + 21).toString("hex");
        entries.push({
          name: body.subarray(space + 1, nul).toString(),
          mode,
          type: mode === "040000" ? "tree" : mode === "160000" ? "commit" : "blob",
          sha,
        });
        at = nul + 21;
      }
      return this.store({ type: "tree", entries }, body);
    }
    if (type === "commit") {
      const text = body.toString();
      const split = text.indexOf("\n\n");
      const headers = text.slice(0, split).split("\n");
      const field = (name: string) =>
        headers.filter((h) => h.startsWith(`${name} `)).map((h) => h.slice(name.length + 1));
      const signature = (line: string): Signature => {
        const m = /^(.*) <(.*)> (\d+) [+-]\d{4}$/.exec(line)!;
        return { name: m[1], email: m[2], date: new Date(Number(m[3]) * 1000).toISOString().replace(/\.000Z$/, "Z") };
      };
      return this.store(
        {
          type: "commit",
          tree: field("tree")[0],
          parents: field("parent"),
          message: text.slice(split + 2),
          author: signature(field("author")[0]),
          committer: signature(field("committer")[0]),
        },
        body,
      );
    }
    throw new Error(`storeRaw: ${type} objects are not kept`);
  }

  private store(object: GitObject, body: Buffer): string {
    const sha = createHash("sha1").update(`${object.type} ${body.length}\0`).update(body).digest("hex");
    if (!this.objects.has(sha)) this.objects.set(sha, object);
    return sha;
  }
}

/** git sorts tree entries by name, comparing a subtree's name as if it ended in "/". */
function compareTreeNames(a: TreeEntry, b: TreeEntry): number {
  const key = (e: TreeEntry) => Buffer.from(e.type === "tree" ? `${e.name}/` : e.name);
  return Buffer.compare(key(a), key(b));
}

function formatSignature(signature: Signature): string {
  const seconds = Math.floor(Date.parse(signature.date) / 1000);
  return `${signature.name} <${signature.email}> ${seconds} +0000`;
}
