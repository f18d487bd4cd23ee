// GitHub's JSON shapes for the stand-in's records. Field names and nesting follow the REST API
// (and therefore what Octokit, Probot and webhook payloads carry): ids, node_id, url/html_url,
// user {login, type}, ISO timestamps. API urls point at the stand-in so they can be followed.
import type {
  AppRecord,
  CheckRunRecord,
  CommentRecord,
  DeploymentRecord,
  DeploymentStatusRecord,
  InstallationRecord,
  IssueRecord,
  LabelRecord,
  Links,
  Permission,
  PullRecord,
  ReactionRecord,
  Repo,
  UserRecord,
} from "./state.ts";
import type { TreeEntry } from "./git-store.ts";

export function user(links: Links, u: UserRecord) {
  const api = `${links.api}/users/${encodeURIComponent(u.login)}`;
  return {
    login: u.login,
    id: u.id,
    node_id: u.nodeId,
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `${links.html}/${u.type === "Bot" ? `apps/${u.login.replace(/\[bot\]$/, "")}` : u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** The booleans GitHub reports under `permissions` for a role. */
export function permissionFlags(permission: Permission | undefined) {
  const rank = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 }[permission ?? "read"] ?? 0;
  return { admin: rank >= 5, maintain: rank >= 4, push: rank >= 3, triage: rank >= 2, pull: rank >= 1 };
}

export function repository(links: Links, repo: Repo, viewerPermission?: Permission) {
  const api = `${links.api}/repos/${repo.fullName}`;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: user(links, repo.owner),
    html_url: `${links.html}/${repo.fullName}`,
    description: repo.description,
    fork: false,
    url: api,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    labels_url: `${api}/labels{/name}`,
    contents_url: `${api}/contents/{+path}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    hooks_url: `${api}/hooks`,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_tags_url: `${api}/git/tags{/sha}`,
    issue_events_url: `${api}/issues/events{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    mirror_url: null,
    svn_url: `${links.html}/${repo.fullName}`,
    clone_url: `${links.html}/${repo.fullName}.git`,
    git_url: `git://github.com/${repo.fullName}.git`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    created_at: repo.createdAt,
    updated_at: repo.pushedAt,
    pushed_at: repo.pushedAt,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    archived: false,
    disabled: false,
    open_issues_count: [...repo.issues.values()].filter((i) => i.state === "open").length,
    license: null,
    allow_forking: true,
    is_template: false,
    topics: [],
    visibility: repo.private ? "private" : "public",
    forks: 0,
    open_issues: [...repo.issues.values()].filter((i) => i.state === "open").length,
    watchers: 0,
    default_branch: repo.defaultBranch,
    ...(viewerPermission !== undefined ? { permissions: permissionFlags(viewerPermission) } : {}),
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    delete_branch_on_merge: false,
  };
}

export function label(links: Links, repo: Repo, l: LabelRecord) {
  return {
    id: l.id,
    node_id: l.nodeId,
    url: `${links.api}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    default: l.default,
    description: l.description,
  };
}

/** OWNER / COLLABORATOR / NONE, as GitHub fills `author_association` for bots that gate on it. */
function authorAssociation(repo: Repo, u: UserRecord): string {
  if (u.login.toLowerCase() === repo.owner.login.toLowerCase()) return "OWNER";
  if (repo.collaborators.has(u.login.toLowerCase())) return "COLLABORATOR";
  return "NONE";
}

function reactionSummary(url: string, reactions: ReactionRecord[]) {
  const count = (content: string) => reactions.filter((r) => r.content === content).length;
  return {
    url: `${url}/reactions`,
    total_count: reactions.length,
    "+1": count("+1"),
    "-1": count("-1"),
    laugh: count("laugh"),
    hooray: count("hooray"),
    confused: count("confused"),
    heart: count("heart"),
    rocket: count("rocket"),
    eyes: count("eyes"),
  };
}

export function reaction(links: Links, r: ReactionRecord) {
  return { id: r.id, node_id: r.nodeId, user: user(links, r.user), content: r.content, created_at: r.createdAt };
}

export function issue(links: Links, repo: Repo, i: IssueRecord) {
  const api = `${links.api}/repos/${repo.fullName}/issues/${i.number}`;
  const html = `${links.html}/${repo.fullName}/${i.isPullRequest ? "pull" : "issues"}/${i.number}`;
  const pull = repo.pulls.get(i.number);
  return {
    url: api,
    repository_url: `${links.api}/repos/${repo.fullName}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    id: i.id,
    node_id: i.nodeId,
    number: i.number,
    title: i.title,
    user: user(links, i.user),
    labels: i.labels.map((name) => label(links, repo, repo.ensureLabel(name))),
    state: i.state,
    locked: i.locked,
    assignee: i.assignees[0] ? user(links, repo.state.user(i.assignees[0])) : null,
    assignees: i.assignees.map((login) => user(links, repo.state.user(login))),
    milestone: null,
    comments: repo.commentsOn(i.number).length,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    author_association: authorAssociation(repo, i.user),
    active_lock_reason: null,
    ...(pull
      ? {
          draft: pull.draft,
          pull_request: {
            url: `${links.api}/repos/${repo.fullName}/pulls/${i.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: pull.mergedAt,
          },
        }
      : {}),
    body: i.body,
    closed_by: i.closedBy ? user(links, i.closedBy) : null,
    reactions: reactionSummary(api, i.reactions),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    state_reason: i.stateReason,
  };
}

export function comment(links: Links, repo: Repo, c: CommentRecord) {
  const api = `${links.api}/repos/${repo.fullName}/issues/comments/${c.id}`;
  const subject = repo.issues.get(c.issueNumber);
  return {
    url: api,
    html_url: `${links.html}/${repo.fullName}/${subject?.isPullRequest ? "pull" : "issues"}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${links.api}/repos/${repo.fullName}/issues/${c.issueNumber}`,
    id: c.id,
    node_id: c.nodeId,
    user: user(links, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: authorAssociation(repo, c.user),
    body: c.body,
    reactions: reactionSummary(api, c.reactions),
    performed_via_github_app: null,
  };
}

export function pull(links: Links, repo: Repo, p: PullRecord) {
  const i = repo.issues.get(p.number)!;
  const api = `${links.api}/repos/${repo.fullName}/pulls/${p.number}`;
  const html = `${links.html}/${repo.fullName}/pull/${p.number}`;
  const open = i.state === "open";
  const headSha = open ? (repo.branchSha(p.head.ref) ?? p.head.sha) : p.head.sha;
  const baseSha = open ? (repo.branchSha(p.base.ref) ?? p.base.sha) : p.base.sha;
  const mergeable = open ? !("conflicts" in repo.git.mergeTrees(baseSha, headSha)) : null;
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: user(links, repo.owner),
    repo: repository(links, repo),
  });
  return {
    url: api,
    id: p.id,
    node_id: p.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${links.api}/repos/${repo.fullName}/issues/${p.number}`,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${links.api}/repos/${repo.fullName}/pulls/comments{/number}`,
    comments_url: `${links.api}/repos/${repo.fullName}/issues/${p.number}/comments`,
    statuses_url: `${links.api}/repos/${repo.fullName}/statuses/${headSha}`,
    number: p.number,
    state: i.state,
    locked: i.locked,
    title: i.title,
    user: user(links, i.user),
    body: i.body,
    labels: i.labels.map((name) => label(links, repo, repo.ensureLabel(name))),
    milestone: null,
    active_lock_reason: null,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    merged_at: p.mergedAt,
    merge_commit_sha: p.mergeCommitSha,
    assignee: i.assignees[0] ? user(links, repo.state.user(i.assignees[0])) : null,
    assignees: i.assignees.map((login) => user(links, repo.state.user(login))),
    requested_reviewers: [],
    requested_teams: [],
    head: side(p.head.ref, headSha),
    base: side(p.base.ref, baseSha),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: `${links.api}/repos/${repo.fullName}/issues/${p.number}` },
      comments: { href: `${links.api}/repos/${repo.fullName}/issues/${p.number}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${links.api}/repos/${repo.fullName}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${links.api}/repos/${repo.fullName}/statuses/${headSha}` },
    },
    author_association: authorAssociation(repo, i.user),
    auto_merge: null,
    draft: p.draft,
    merged: p.merged,
    mergeable,
    rebaseable: mergeable,
    mergeable_state: open ? (mergeable ? "clean" : "dirty") : "unknown",
    merged_by: p.mergedBy ? user(links, p.mergedBy) : null,
    comments: repo.commentsOn(p.number).length,
    review_comments: 0,
    maintainer_can_modify: p.maintainerCanModify,
    commits: repo.git.ancestors(headSha).filter((sha) => !repo.git.isAncestor(sha, p.base.sha)).length,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

export function ref(links: Links, repo: Repo, name: string, sha: string) {
  return {
    ref: name,
    node_id: `REF_${Buffer.from(`${repo.fullName}:${name}`).toString("base64url")}`,
    url: `${links.api}/repos/${repo.fullName}/git/${name}`,
    object: { sha, type: "commit", url: `${links.api}/repos/${repo.fullName}/git/commits/${sha}` },
  };
}

const UNSIGNED = { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null };

/** The Git Database API's commit (GET/POST /git/commits). */
export function gitCommit(links: Links, repo: Repo, sha: string) {
  const c = repo.git.commit(sha)!;
  return {
    sha,
    node_id: `C_${Buffer.from(sha, "hex").toString("base64url")}`,
    url: `${links.api}/repos/${repo.fullName}/git/commits/${sha}`,
    html_url: `${links.html}/${repo.fullName}/commit/${sha}`,
    author: c.author,
    committer: c.committer,
    tree: { sha: c.tree, url: `${links.api}/repos/${repo.fullName}/git/trees/${c.tree}` },
    message: c.message,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${links.api}/repos/${repo.fullName}/git/commits/${p}`,
      html_url: `${links.html}/${repo.fullName}/commit/${p}`,
    })),
    verification: UNSIGNED,
  };
}

/** The repos API's commit (GET /commits/{ref}, branches), with the git commit nested under `commit`. */
export function repoCommit(links: Links, repo: Repo, sha: string, withFiles = false) {
  const c = repo.git.commit(sha)!;
  const api = `${links.api}/repos/${repo.fullName}`;
  const actor = (name: string) => {
    const known = repo.state.users.get(name.toLowerCase());
    return known ? user(links, known) : null;
  };
  const result: Record<string, unknown> = {
    sha,
    node_id: `C_${Buffer.from(sha, "hex").toString("base64url")}`,
    commit: {
      author: c.author,
      committer: c.committer,
      message: c.message,
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
      url: `${api}/git/commits/${sha}`,
      comment_count: 0,
      verification: UNSIGNED,
    },
    url: `${api}/commits/${sha}`,
    html_url: `${links.html}/${repo.fullName}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    author: actor(c.author.name),
    committer: actor(c.committer.name),
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api}/commits/${p}`,
      html_url: `${links.html}/${repo.fullName}/commit/${p}`,
    })),
  };
  if (withFiles) {
    const before = c.parents[0] ? repo.git.flatten(repo.git.commit(c.parents[0])!.tree) : new Map();
    const after = repo.git.flatten(c.tree);
    const files = [];
    for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const [b, a] = [before.get(path), after.get(path)];
      if (b?.sha === a?.sha) continue;
      files.push({
        sha: (a ?? b)!.sha,
        filename: path,
        status: !b ? "added" : !a ? "removed" : "modified",
        additions: 0,
        deletions: 0,
        changes: 0,
        blob_url: `${links.html}/${repo.fullName}/blob/${sha}/${path}`,
        raw_url: `${links.html}/${repo.fullName}/raw/${sha}/${path}`,
        contents_url: `${api}/contents/${path}?ref=${sha}`,
      });
    }
    result.stats = { total: 0, additions: 0, deletions: 0 };
    result.files = files;
  }
  return result;
}

export function branch(links: Links, repo: Repo, name: string, sha: string) {
  return {
    name,
    commit: repoCommit(links, repo, sha),
    _links: {
      self: `${links.api}/repos/${repo.fullName}/branches/${name}`,
      html: `${links.html}/${repo.fullName}/tree/${name}`,
    },
    protected: false,
    protection: { enabled: false, required_status_checks: { enforcement_level: "off", contexts: [], checks: [] } },
    protection_url: `${links.api}/repos/${repo.fullName}/branches/${name}/protection`,
  };
}

/** One entry of the contents API: a file (optionally with its base64 content) or a directory. */
export function contentEntry(
  links: Links,
  repo: Repo,
  path: string,
  entry: TreeEntry,
  ref: string,
  withContent: boolean,
) {
  const encodedPath = path.split("/").map(encodeURIComponent).join("/");
  const api = `${links.api}/repos/${repo.fullName}/contents/${encodedPath}?ref=${encodeURIComponent(ref)}`;
  const isDir = entry.type === "tree";
  const gitUrl = `${links.api}/repos/${repo.fullName}/git/${isDir ? "trees" : "blobs"}/${entry.sha}`;
  const html = `${links.html}/${repo.fullName}/${isDir ? "tree" : "blob"}/${ref}/${encodedPath}`;
  const content = !isDir ? repo.git.blob(entry.sha) : undefined;
  return {
    type: isDir ? "dir" : entry.type === "commit" ? "submodule" : entry.mode === "120000" ? "symlink" : "file",
    ...(withContent && content ? { encoding: "base64" } : {}),
    size: content?.length ?? 0,
    name: path.split("/").pop()!,
    path,
    ...(withContent && content ? { content: wrapBase64(content) } : {}),
    sha: entry.sha,
    url: api,
    git_url: gitUrl,
    html_url: html,
    download_url: isDir ? null : `https://raw.githubusercontent.com/${repo.fullName}/${ref}/${encodedPath}`,
    _links: { self: api, git: gitUrl, html },
  };
}

/** GitHub wraps base64 file content at 60 characters per line. */
export function wrapBase64(data: Buffer): string {
  return (data.toString("base64").match(/.{1,60}/g) ?? [""]).join("\n") + "\n";
}

export function checkRun(links: Links, repo: Repo, run: CheckRunRecord) {
  const api = `${links.api}/repos/${repo.fullName}/check-runs/${run.id}`;
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: run.nodeId,
    external_id: run.externalId,
    url: api,
    html_url: `${links.html}/${repo.fullName}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${api}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.checkSuiteId },
    app: run.app ? app(links, repo.state.app) : null,
    pull_requests: [...repo.pulls.values()]
      .filter(
        (p) =>
          repo.issues.get(p.number)!.state === "open" && (repo.branchSha(p.head.ref) ?? p.head.sha) === run.headSha,
      )
      .map((p) => ({
        url: `${links.api}/repos/${repo.fullName}/pulls/${p.number}`,
        id: p.id,
        number: p.number,
        head: {
          ref: p.head.ref,
          sha: run.headSha,
          repo: { id: repo.id, url: `${links.api}/repos/${repo.fullName}`, name: repo.name },
        },
        base: {
          ref: p.base.ref,
          sha: p.base.sha,
          repo: { id: repo.id, url: `${links.api}/repos/${repo.fullName}`, name: repo.name },
        },
      })),
  };
}

export function deployment(links: Links, repo: Repo, d: DeploymentRecord) {
  const api = `${links.api}/repos/${repo.fullName}/deployments/${d.id}`;
  return {
    url: api,
    id: d.id,
    node_id: d.nodeId,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: user(links, d.creator),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${api}/statuses`,
    repository_url: `${links.api}/repos/${repo.fullName}`,
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment,
  };
}

export function deploymentStatus(links: Links, repo: Repo, d: DeploymentRecord, s: DeploymentStatusRecord) {
  const api = `${links.api}/repos/${repo.fullName}/deployments/${d.id}`;
  return {
    url: `${api}/statuses/${s.id}`,
    id: s.id,
    node_id: s.nodeId,
    state: s.state,
    creator: user(links, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: "",
    log_url: "",
    environment_url: "",
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: api,
    repository_url: `${links.api}/repos/${repo.fullName}`,
  };
}

export function app(links: Links, a: AppRecord) {
  return {
    id: a.id,
    slug: a.slug,
    node_id: a.nodeId,
    client_id: `Iv1.standin${a.id}`,
    owner: user(links, a.owner),
    name: a.name,
    description: "",
    external_url: `${links.html}/apps/${a.slug}`,
    html_url: `${links.html}/apps/${a.slug}`,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    permissions: APP_PERMISSIONS,
    events: ["issues", "issue_comment", "pull_request", "repository_dispatch", "check_run"],
  };
}

export const APP_PERMISSIONS = {
  checks: "write",
  contents: "write",
  issues: "write",
  metadata: "read",
  pull_requests: "write",
  actions: "write",
};

export function installation(links: Links, a: AppRecord, i: InstallationRecord) {
  return {
    id: i.id,
    account: user(links, i.account),
    repository_selection: "all",
    access_tokens_url: `${links.api}/app/installations/${i.id}/access_tokens`,
    repositories_url: `${links.api}/installation/repositories`,
    html_url: `${links.html}/settings/installations/${i.id}`,
    app_id: a.id,
    app_slug: a.slug,
    target_id: i.account.id,
    target_type: i.account.type === "Organization" ? "Organization" : "User",
    permissions: APP_PERMISSIONS,
    events: ["issues", "issue_comment", "pull_request", "repository_dispatch", "check_run"],
    created_at: i.createdAt,
    updated_at: i.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
