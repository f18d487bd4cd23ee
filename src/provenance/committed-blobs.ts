import type { Git } from "../git/git.ts";

/**
 * The blob ids of the commit's regular files among `wanted`, except `dirty` ones: for these git
 * has just found the working tree byte-for-byte equal to the commit, so a hash known for the blob
 * is the file's hash, without a stat or a read. Symbolic links are left out (their blob is the
 * link's target, not the bytes a reader gets).
 */
export async function committedBlobs(git: Git, commit: string, wanted: Set<string>, dirty: Set<string>): Promise<Map<string, string>> {
  const listing = await git.run(["ls-tree", "-r", "-z", "--full-tree", commit]);
  const blobs = new Map<string, string>();
  let start = 0;
  for (let end = listing.indexOf("\0"); end !== -1; start = end + 1, end = listing.indexOf("\0", start)) {
    // "<mode> SP <type> SP <oid> TAB <path>"
    const tab = listing.indexOf("\t", start);
    if (tab === -1 || tab > end) continue;
    const path = listing.slice(tab + 1, end);
    if (!wanted.has(path) || dirty.has(path)) continue;
    const [mode, type, oid] = listing.slice(start, tab).split(" ");
    if (type === "blob" && (mode === "100644" || mode === "100755")) blobs.set(path, oid);
  }
  return blobs;
}
