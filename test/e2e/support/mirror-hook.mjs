// post-receive hook of the test's bare `origin`: makes every pushed branch visible to the GitHub
// stand-in, as a push to GitHub is visible to its API. Each new commit is rebuilt through GitHub's
// Git Database API (blobs, tree, commit with the same author, committer and dates), so it gets
// the same sha as in origin, then the branch ref is created or moved. Tags and notes are not
// mirrored (the stand-in does not model them). Any mismatch is printed and exits non-zero;
// the test also compares branch tips after every push.
//
// Configuration comes from the environment the hook script sets: MIRROR_API_URL, MIRROR_REPO
// (owner/name), MIRROR_TOKEN.
import { execFileSync } from "node:child_process";

const api = `${process.env.MIRROR_API_URL}/repos/${process.env.MIRROR_REPO}`;
const headers = {
  authorization: `token ${process.env.MIRROR_TOKEN}`,
  accept: "application/vnd.github+json",
  "content-type": "application/json",
  "user-agent": "mirror-hook",
};
const ZERO = "0000000000000000000000000000000000000000";

const git = (...args) => execFileSync("git", args, { encoding: "buffer", maxBuffer: 1 << 30 });

async function call(method, path, body) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function must(method, path, body, expected) {
  const result = await call(method, path, body);
  if (result.status !== expected)
    throw new Error(`${method} ${path}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** "Name <email> 1700000000 +0000" -> the API's {name, email, date}; the stand-in stores UTC only. */
function signature(line) {
  const match = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(line);
  if (!match) throw new Error(`cannot parse signature "${line}"`);
  if (match[4] !== "+0000") throw new Error(`signature "${line}" is not in UTC: run git with TZ=UTC`);
  return {
    name: match[1],
    email: match[2],
    date: new Date(Number(match[3]) * 1000).toISOString().replace(/\.000Z$/, "Z"),
  };
}

async function mirrorCommit(sha) {
  const raw = git("cat-file", "commit", sha).toString("utf8");
  const split = raw.indexOf("\n\n");
  const header = raw.slice(0, split).split("\n");
  const message = raw.slice(split + 2);
  const fields = { parent: [] };
  for (const line of header) {
    const [key, ...rest] = line.split(" ");
    if (key === "parent") fields.parent.push(rest.join(" "));
    else if (key === "tree" || key === "author" || key === "committer") fields[key] = rest.join(" ");
    else throw new Error(`commit ${sha} has a "${key}" header the API cannot reproduce`);
  }
  const entries = [];
  for (const row of git("ls-tree", "-r", "-z", "--full-tree", sha).toString("utf8").split("\0").filter(Boolean)) {
    const [meta, path] = row.split("\t");
    const [mode, type, objectSha] = meta.split(" ");
    if (type !== "blob") throw new Error(`${path}: ${type} entries are not mirrored`);
    const blob = await must(
      "POST",
      "/git/blobs",
      { content: git("cat-file", "blob", objectSha).toString("base64"), encoding: "base64" },
      201,
    );
    if (blob.sha !== objectSha) throw new Error(`${path}: blob ${blob.sha} != ${objectSha}`);
    entries.push({ path, mode, type: "blob", sha: objectSha });
  }
  const tree = await must("POST", "/git/trees", { tree: entries }, 201);
  if (tree.sha !== fields.tree) throw new Error(`commit ${sha}: tree ${tree.sha} != ${fields.tree}`);
  const commit = await must(
    "POST",
    "/git/commits",
    {
      message,
      tree: fields.tree,
      parents: fields.parent,
      author: signature(fields.author),
      committer: signature(fields.committer),
    },
    201,
  );
  if (commit.sha !== sha) throw new Error(`commit ${sha} was rebuilt as ${commit.sha}`);
}

async function main() {
  const input = await new Promise((resolve) => {
    let text = "";
    process.stdin
      .setEncoding("utf8")
      .on("data", (chunk) => (text += chunk))
      .on("end", () => resolve(text));
  });
  for (const line of input.split("\n").filter(Boolean)) {
    const [, after, ref] = line.split(" ");
    if (!ref.startsWith("refs/heads/")) continue;
    const refPath = `/git/refs/${ref.slice("refs/".length)}`;
    if (after === ZERO) {
      await must("DELETE", refPath, undefined, 204);
      continue;
    }
    const commits = git("rev-list", "--reverse", "--topo-order", after).toString("utf8").split("\n").filter(Boolean);
    for (const sha of commits) {
      if ((await call("GET", `/git/commits/${sha}`)).status === 404) await mirrorCommit(sha);
    }
    const existing = await call("GET", `/git/ref/${ref.slice("refs/".length)}`);
    if (existing.status === 404) await must("POST", "/git/refs", { ref, sha: after }, 201);
    else await must("PATCH", refPath, { sha: after, force: true }, 200);
  }
}

main().catch((error) => {
  process.stderr.write(`mirror-hook: ${error.message}\n`);
  process.exit(1);
});
