// The Git Database API: refs, blobs, trees and commits.
import type { FlatEntry, Signature } from "../git-store.ts";
import { created, GitHubError, noContent, notFound, ok, unprocessable } from "../http.ts";
import * as render from "../render.ts";
import type { Repo } from "../state.ts";
import { requirePush, type Handler, type HandlerContext } from "./context.ts";

export const gitHandlers: Record<string, Handler> = {
  "git/get-ref": (ctx) => {
    const repo = ctx.repo();
    const name = `refs/${ctx.params.ref}`;
    const sha = repo.git.refs.get(name);
    if (!sha) throw notFound();
    return ok(render.ref(ctx.links, repo, name, sha));
  },

  "git/list-matching-refs": (ctx) => {
    const repo = ctx.repo();
    const prefix = `refs/${ctx.params.ref}`;
    const refs = [...repo.git.refs].filter(([name]) => name.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1));
    return ok(refs.map(([name, sha]) => render.ref(ctx.links, repo, name, sha)));
  },

  "git/create-ref": (ctx) => {
    const repo = ctx.repo();
    requirePush(ctx, repo);
    const { ref, sha } = ctx.body as { ref: string; sha: string };
    if (!/^refs\/[^/]+\/.+/.test(ref)) {
      throw unprocessable(`${ref} is not a valid ref name: it must start with 'refs/' and have at least two slashes`);
    }
    if (repo.git.refs.has(ref)) throw unprocessable("Reference already exists");
    if (!repo.git.commit(sha)) throw unprocessable("Object does not exist");
    repo.setRef(ref, sha, ctx.actor);
    const body = render.ref(ctx.links, repo, ref, sha);
    return { status: 201, body, headers: { location: body.url } };
  },

  "git/update-ref": (ctx) => {
    const repo = ctx.repo();
    requirePush(ctx, repo);
    const name = `refs/${ctx.params.ref}`;
    const current = repo.git.refs.get(name);
    if (!current) throw unprocessable("Reference does not exist");
    const { sha, force } = ctx.body as { sha: string; force?: boolean };
    if (!repo.git.commit(sha)) throw unprocessable("Object does not exist");
    if (!force && !repo.git.isAncestor(current, sha)) throw unprocessable("Update is not a fast forward");
    repo.setRef(name, sha, ctx.actor);
    return ok(render.ref(ctx.links, repo, name, sha));
  },

  "git/delete-ref": (ctx) => {
    const repo = ctx.repo();
    requirePush(ctx, repo);
    const name = `refs/${ctx.params.ref}`;
    if (!repo.git.refs.has(name)) throw unprocessable("Reference does not exist");
    repo.deleteRef(name);
    return noContent();
  },

  "git/create-blob": (ctx) => {
    const repo = ctx.repo();
    requirePush(ctx, repo);
    const { content, encoding } = ctx.body as { content: string; encoding?: string };
    if (encoding === "base64" && !isBase64(content)) throw unprocessable("content is not valid Base64");
    const sha = repo.git.writeBlob(Buffer.from(content, encoding === "base64" ? "base64" : "utf8"));
    return created({ url: `${ctx.links.api}/repos/${repo.fullName}/git/blobs/${sha}`, sha });
  },

  "git/get-blob": (ctx) => {
    const repo = ctx.repo();
    const content = repo.git.blob(ctx.params.file_sha);
    if (!content) throw notFound();
    return ok({
      sha: ctx.params.file_sha,
      node_id: `B_${Buffer.from(ctx.params.file_sha, "hex").toString("base64url")}`,
      size: content.length,
      url: `${ctx.links.api}/repos/${repo.fullName}/git/blobs/${ctx.params.file_sha}`,
      content: render.wrapBase64(content),
      encoding: "base64",
    });
  },

  "git/create-tree": (ctx) => {
    const repo = ctx.repo();
    requirePush(ctx, repo);
    const { tree, base_tree: baseTree } = ctx.body as {
      tree: Array<{
        path: string;
        mode: string;
        type: "blob" | "tree" | "commit";
        sha?: string | null;
        content?: string;
      }>;
      base_tree?: string;
    };
    let files = new Map<string, FlatEntry>();
    if (baseTree) {
      if (!repo.git.tree(baseTree)) throw unprocessable("base_tree is not a valid tree oid");
      files = repo.git.flatten(baseTree);
    }
    for (const entry of tree) {
      const path = entry.path.replace(/^\/+|\/+$/g, "");
      if (entry.sha === null) {
        for (const existing of [...files.keys()])
          if (existing === path || existing.startsWith(`${path}/`)) files.delete(existing);
        continue;
      }
      if (entry.content !== undefined) {
        files.set(path, { mode: entry.mode, type: "blob", sha: repo.git.writeBlob(Buffer.from(entry.content)) });
      } else if (entry.type === "tree") {
        if (!entry.sha || !repo.git.tree(entry.sha)) throw unprocessable(`tree.sha ${entry.sha} is not a valid tree`);
        for (const [sub, value] of repo.git.flatten(entry.sha)) files.set(`${path}/${sub}`, value);
      } else {
        if (entry.type === "blob" && (!entry.sha || !repo.git.blob(entry.sha))) {
          throw unprocessable(`tree.sha ${entry.sha} is not a valid blob`);
        }
        files.set(path, { mode: entry.mode, type: entry.type, sha: entry.sha! });
      }
    }
    const sha = repo.git.buildTree(files);
    return created(renderTree(ctx, repo, sha, false));
  },

  "git/get-tree": (ctx) => {
    const repo = ctx.repo();
    const given = String(ctx.params.tree_sha);
    const commitSha = repo.git.tree(given) ? undefined : repo.git.resolve(given);
    const sha = repo.git.tree(given) ? given : commitSha ? repo.git.commit(commitSha)?.tree : undefined;
    if (!sha) throw notFound();
    return ok(renderTree(ctx, repo, sha, ctx.query.recursive !== undefined));
  },

  "git/create-commit": (ctx) => {
    const repo = ctx.repo();
    requirePush(ctx, repo);
    const body = ctx.body as {
      message: string;
      tree: string;
      parents?: string[];
      author?: Partial<Signature>;
      committer?: Partial<Signature>;
    };
    if (!repo.git.tree(body.tree)) throw unprocessable("Tree SHA does not exist");
    for (const parent of body.parents ?? []) {
      if (!repo.git.commit(parent)) throw unprocessable("Parent SHA does not exist or is not a commit object");
    }
    const fallback = repo.signatureOf(ctx.actor);
    const author = signature(body.author, fallback);
    const sha = repo.git.writeCommit({
      tree: body.tree,
      parents: body.parents ?? [],
      message: body.message,
      author,
      committer: signature(body.committer, body.author ? author : fallback),
    });
    return created(render.gitCommit(ctx.links, repo, sha));
  },

  "git/get-commit": (ctx) => {
    const repo = ctx.repo();
    if (!repo.git.commit(ctx.params.commit_sha)) throw notFound();
    return ok(render.gitCommit(ctx.links, repo, ctx.params.commit_sha));
  },
};

function signature(given: Partial<Signature> | undefined, fallback: Signature): Signature {
  if (!given) return fallback;
  if (given.date !== undefined && Number.isNaN(Date.parse(given.date)))
    throw new GitHubError(422, "Invalid request.\n\nFor 'properties/date', is not a date.");
  return {
    name: given.name ?? fallback.name,
    email: given.email ?? fallback.email,
    date: given.date ? new Date(given.date).toISOString().replace(/\.\d{3}Z$/, "Z") : fallback.date,
  };
}

function renderTree(ctx: HandlerContext, repo: Repo, sha: string, recursive: boolean) {
  const api = `${ctx.links.api}/repos/${repo.fullName}/git`;
  const entries: Array<Record<string, unknown>> = [];
  const walk = (treeSha: string, prefix: string) => {
    for (const entry of repo.git.tree(treeSha) ?? []) {
      const path = prefix + entry.name;
      const blob = entry.type === "blob" ? repo.git.blob(entry.sha) : undefined;
      entries.push({
        path,
        mode: entry.mode,
        type: entry.type,
        sha: entry.sha,
        ...(blob ? { size: blob.length } : {}),
        url: `${api}/${entry.type === "tree" ? "trees" : "blobs"}/${entry.sha}`,
      });
      if (recursive && entry.type === "tree") walk(entry.sha, `${path}/`);
    }
  };
  walk(sha, "");
  return { sha, url: `${api}/trees/${sha}`, tree: entries, truncated: false };
}

export function isBase64(text: string): boolean {
  const compact = text.replace(/\s+/g, "");
  return /^[A-Za-z0-9+/]*={0,2}$/.test(compact) && compact.length % 4 === 0;
}
