// The contents API: read a file or directory at a ref; create, update or delete one file as a
// commit on a branch (base64 content, `sha` required to replace an existing file).
import type { Signature } from "../git-store.ts";
import { GitHubError, notFound, ok, unprocessable } from "../http.ts";
import * as render from "../render.ts";
import { requirePush, type Handler, type HandlerContext } from "./context.ts";
import { isBase64 } from "./git.ts";
import type { Repo } from "../state.ts";

export const contentHandlers: Record<string, Handler> = {
  "repos/get-content": (ctx) => {
    const repo = ctx.repo();
    const ref = (ctx.query.ref as string | undefined) || repo.defaultBranch;
    const sha = repo.git.resolve(ref);
    if (!sha) throw notFound(`No commit found for the ref ${ref}`);
    const path = String(ctx.params.path ?? "").replace(/^\/+|\/+$/g, "");
    const entry = repo.git.entryAt(sha, path);
    if (!entry) throw notFound();
    if (entry.type === "tree") {
      const children = repo.git.tree(entry.sha) ?? [];
      return ok(
        children.map((child) =>
          render.contentEntry(ctx.links, repo, path ? `${path}/${child.name}` : child.name, child, ref, false),
        ),
      );
    }
    if (/\.raw\b|vnd\.github\.raw/.test(String(ctx.headers.accept ?? ""))) {
      return {
        status: 200,
        raw: {
          contentType: "application/vnd.github.raw; charset=utf-8",
          data: repo.git.blob(entry.sha) ?? Buffer.alloc(0),
        },
      };
    }
    return ok(render.contentEntry(ctx.links, repo, path, entry, ref, true));
  },

  "repos/create-or-update-file-contents": (ctx) => {
    const repo = ctx.repo();
    requirePush(ctx, repo);
    const body = ctx.body as {
      message: string;
      content: string;
      sha?: string;
      branch?: string;
      author?: Partial<Signature>;
      committer?: Partial<Signature>;
    };
    if (!isBase64(body.content)) throw unprocessable("content is not valid Base64");
    const { branch, path, existing } = locate(ctx, repo, body.branch);
    if (existing) {
      if (!body.sha) throw unprocessable(`Invalid request.\n\n"sha" wasn't supplied.`);
      if (body.sha !== existing.sha) throw new GitHubError(409, `${path} does not match ${body.sha}`);
    }
    const commitSha = commitChange(ctx, repo, branch, body, path, Buffer.from(body.content, "base64"));
    const entry = repo.git.entryAt(commitSha, path)!;
    return {
      status: existing ? 200 : 201,
      body: {
        content: render.contentEntry(ctx.links, repo, path, entry, branch, false),
        commit: render.gitCommit(ctx.links, repo, commitSha),
      },
    };
  },

  "repos/delete-file": (ctx) => {
    const repo = ctx.repo();
    requirePush(ctx, repo);
    const body = ctx.body as {
      message: string;
      sha: string;
      branch?: string;
      author?: Partial<Signature>;
      committer?: Partial<Signature>;
    };
    const { branch, path, existing } = locate(ctx, repo, body.branch);
    if (!existing) throw notFound();
    if (body.sha !== existing.sha) throw new GitHubError(409, `${path} does not match ${body.sha}`);
    const commitSha = commitChange(ctx, repo, branch, body, path, null);
    return ok({ content: null, commit: render.gitCommit(ctx.links, repo, commitSha) });
  },
};

function locate(ctx: HandlerContext, repo: Repo, requestedBranch: string | undefined) {
  const branch = requestedBranch ?? repo.defaultBranch;
  const tip = repo.branchSha(branch);
  if (!tip) throw notFound(`Branch ${branch} not found`);
  const path = String(ctx.params.path).replace(/^\/+|\/+$/g, "");
  const existing = repo.git.entryAt(tip, path);
  if (existing?.type === "tree") throw unprocessable(`${path} is a directory`);
  return { branch, path, existing };
}

function commitChange(
  ctx: HandlerContext,
  repo: Repo,
  branch: string,
  body: { message: string; author?: Partial<Signature>; committer?: Partial<Signature> },
  path: string,
  content: Buffer | null,
): string {
  const parent = repo.branchSha(branch)!;
  const files = repo.git.flatten(repo.git.commit(parent)!.tree);
  if (content === null) files.delete(path);
  else files.set(path, { mode: files.get(path)?.mode ?? "100644", type: "blob", sha: repo.git.writeBlob(content) });
  const fallback = repo.signatureOf(ctx.actor);
  const committer = { ...fallback, ...pickSignature(body.committer) };
  const author = body.author ? { ...fallback, ...pickSignature(body.author) } : committer;
  const sha = repo.git.writeCommit({
    tree: repo.git.buildTree(files),
    parents: [parent],
    message: body.message,
    author,
    committer,
  });
  repo.setRef(`refs/heads/${branch}`, sha, ctx.actor);
  return sha;
}

function pickSignature(given: Partial<Signature> | undefined): Partial<Signature> {
  if (!given) return {};
  return {
    ...(given.name ? { name: given.name } : {}),
    ...(given.email ? { email: given.email } : {}),
    ...(given.date ? { date: new Date(given.date).toISOString().replace(/\.\d{3}Z$/, "Z") } : {}),
  };
}
