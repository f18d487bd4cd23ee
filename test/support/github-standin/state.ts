// The stand-in's world: users, the GitHub App and its installations, and every repository with
// its git data, issues, pull requests, comments, labels, check runs and dispatches. Handlers and
// tests share these methods, so a test can seed state (an issue, a branch, a PR) exactly as the
// API would create it, and read it back to assert what a bot did.
import { GitHubError, notFound, unprocessable, validationFailed } from "./http.ts";
import { GitStore, type Signature } from "./git-store.ts";
import * as render from "./render.ts";
import { execFileSync } from "node:child_process";

export type Permission = "admin" | "maintain" | "write" | "triage" | "read";

export interface UserRecord {
  login: string;
  id: number;
  nodeId: string;
  type: "User" | "Bot" | "Organization";
}

export interface LabelRecord {
  id: number;
  nodeId: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface ReactionRecord {
  id: number;
  nodeId: string;
  content: string;
  user: UserRecord;
  createdAt: string;
}

export interface IssueRecord {
  number: number;
  id: number;
  nodeId: string;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: string | null;
  user: UserRecord;
  /** Label names, in the order they were added. */
  labels: string[];
  assignees: string[];
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: UserRecord | null;
  isPullRequest: boolean;
  reactions: ReactionRecord[];
}

export interface PullRecord {
  number: number;
  id: number;
  nodeId: string;
  /** `sha` is frozen when the PR closes; while open the branch tip is used. */
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  draft: boolean;
  maintainerCanModify: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: UserRecord | null;
  mergeCommitSha: string | null;
}

export interface CommentRecord {
  id: number;
  nodeId: string;
  issueNumber: number;
  body: string;
  user: UserRecord;
  createdAt: string;
  updatedAt: string;
  reactions: ReactionRecord[];
}

export interface DeploymentStatusRecord {
  id: number;
  nodeId: string;
  state: string;
  description: string;
  environment: string;
  creator: UserRecord;
  createdAt: string;
}

export interface DeploymentRecord {
  id: number;
  nodeId: string;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  description: string | null;
  creator: UserRecord;
  createdAt: string;
  updatedAt: string;
  productionEnvironment: boolean;
  transientEnvironment: boolean;
  /** Oldest first. */
  statuses: DeploymentStatusRecord[];
}

export interface CheckRunRecord {
  id: number;
  nodeId: string;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Record<string, unknown>[];
  detailsUrl: string | null;
  externalId: string;
  checkSuiteId: number;
  app: UserRecord | null;
  actions: Record<string, unknown>[];
}

export interface DispatchRecord {
  eventType: string;
  clientPayload: Record<string, unknown>;
  sender: string;
  createdAt: string;
}

export interface WorkflowDispatchRecord {
  workflowId: string;
  ref: string;
  inputs: Record<string, unknown>;
  sender: string;
  createdAt: string;
}

export interface InstallationRecord {
  id: number;
  account: UserRecord;
  createdAt: string;
}

export interface AppRecord {
  id: number;
  slug: string;
  name: string;
  nodeId: string;
  owner: UserRecord;
  /** The app's bot account, the author of everything done with an installation token. */
  bot: UserRecord;
  /** PEM; when set, app JWT signatures are verified against it. */
  privateKey?: string;
  createdAt: string;
}

/** A webhook GitHub would have delivered for a change, with its payload rendered at that moment. */
export interface RecordedEvent {
  name: string;
  action?: string;
  payload: Record<string, unknown>;
}

export interface RepoOptions {
  owner: string;
  name: string;
  /** Default "main". */
  defaultBranch?: string;
  /** Default false (public): unauthenticated reads allowed, as on GitHub. */
  private?: boolean;
  ownerType?: "User" | "Organization";
  description?: string;
  /** Files of the initial commit on the default branch. Default: a README.md. */
  files?: Record<string, string | Uint8Array>;
  /** login to permission; the owner of a user-owned repository is always admin. */
  collaborators?: Record<string, Permission>;
  /** Installation of the app on this repository; null = app not installed. Default: the default installation. */
  installationId?: number | null;
}

/** Links used when rendering: API base (the stand-in URL) and web base (https://github.com). */
export interface Links {
  api: string;
  html: string;
}

export type Clock = () => Date;

/** ISO 8601 at second precision, as GitHub writes timestamps. */
const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

export class GitHubState {
  readonly repos = new Map<string, Repo>();
  readonly users = new Map<string, UserRecord>();
  readonly installations = new Map<number, InstallationRecord>();
  readonly events: RecordedEvent[] = [];
  readonly app: AppRecord;
  readonly defaultInstallationId: number;
  /** The stand-in's base URL once it listens; used to render API urls in event payloads. */
  apiUrl = "http://127.0.0.1";
  readonly htmlUrl: string;
  private nextIdValue = 1000;
  private readonly tokens = new Map<string, { installationId: number; expiresAt: number }>();
  private tokenCounter = 0;

  constructor(
    readonly clock: Clock = () => new Date(),
    options: {
      app?: { id?: number; slug?: string; name?: string; owner?: string; privateKey?: string };
      defaultInstallationId?: number;
      htmlUrl?: string;
    } = {},
  ) {
    this.htmlUrl = options.htmlUrl ?? "https://github.com";
    const slug = options.app?.slug ?? "modelkeeper";
    this.app = {
      id: options.app?.id ?? 1,
      slug,
      name: options.app?.name ?? slug,
      nodeId: nodeId("A", 1),
      owner: this.user(options.app?.owner ?? "modelkeeper-dev", "Organization"),
      bot: this.user(`${slug}[bot]`, "Bot"),
      privateKey: options.app?.privateKey,
      createdAt: this.timestamp(),
    };
    this.defaultInstallationId = options.defaultInstallationId ?? 1;
  }

  get links(): Links {
    return { api: this.apiUrl, html: this.htmlUrl };
  }

  nextId(): number {
    return this.nextIdValue++;
  }

  timestamp(): string {
    return isoSeconds(this.clock());
  }

  /** The user with this login, created on first mention with a stable id. */
  user(login: string, type: UserRecord["type"] = login.endsWith("[bot]") ? "Bot" : "User"): UserRecord {
    const key = login.toLowerCase();
    let user = this.users.get(key);
    if (!user) {
      const id = this.nextId();
      user = { login, id, nodeId: nodeId(type === "Bot" ? "BOT" : type === "Organization" ? "O" : "U", id), type };
      this.users.set(key, user);
    }
    return user;
  }

  addRepo(options: RepoOptions): Repo {
    const key = `${options.owner}/${options.name}`.toLowerCase();
    if (this.repos.has(key)) throw new Error(`stand-in already has repository ${options.owner}/${options.name}`);
    const repo = new Repo(this, options);
    this.repos.set(key, repo);
    const installationId = options.installationId === undefined ? this.defaultInstallationId : options.installationId;
    if (installationId !== null && !this.installations.has(installationId)) {
      this.installations.set(installationId, { id: installationId, account: repo.owner, createdAt: this.timestamp() });
    }
    return repo;
  }

  /** A repository by "owner/name"; throws if the test never added it. */
  repo(fullName: string): Repo {
    const repo = this.repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`stand-in has no repository ${fullName}; add it with state.addRepo()`);
    return repo;
  }

  findRepo(owner: string, name: string): Repo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  reposOfInstallation(installationId: number): Repo[] {
    return [...this.repos.values()].filter((r) => r.installationId === installationId);
  }

  /** Issues an installation access token (`ghs_…`), valid for an hour as on GitHub. */
  issueInstallationToken(installationId: number): { token: string; expiresAt: string } {
    this.tokenCounter += 1;
    const token = `ghs_standin${String(installationId).padStart(6, "0")}${String(this.tokenCounter).padStart(20, "0")}`;
    const expires = this.clock().getTime() + 3600_000;
    this.tokens.set(token, { installationId, expiresAt: expires });
    return { token, expiresAt: isoSeconds(new Date(expires)) };
  }

  /** The installation an access token belongs to, if the stand-in issued it and it has not expired. */
  installationOfToken(token: string): number | undefined {
    const entry = this.tokens.get(token);
    return entry && entry.expiresAt > this.clock().getTime() ? entry.installationId : undefined;
  }

  isIssuedToken(token: string): boolean {
    return this.tokens.has(token);
  }

  emit(
    name: string,
    action: string | undefined,
    repo: Repo,
    sender: UserRecord,
    fields: Record<string, unknown>,
  ): void {
    const payload: Record<string, unknown> = {
      ...(action ? { action } : {}),
      ...fields,
      repository: render.repository(this.links, repo),
      sender: render.user(this.links, sender),
    };
    if (repo.installationId !== null) {
      payload.installation = { id: repo.installationId, node_id: nodeId("MDIz", repo.installationId) };
    }
    this.events.push({ name, action, payload });
  }
}

export class Repo {
  readonly id: number;
  readonly nodeId: string;
  readonly owner: UserRecord;
  readonly name: string;
  readonly fullName: string;
  readonly defaultBranch: string;
  readonly private: boolean;
  readonly description: string | null;
  readonly createdAt: string;
  readonly installationId: number | null;
  pushedAt: string;
  readonly git = new GitStore();
  /** Lower-case login to permission. */
  readonly collaborators = new Map<string, Permission>();
  /** Issues and pull requests: one number sequence, as on GitHub. */
  readonly issues = new Map<number, IssueRecord>();
  readonly pulls = new Map<number, PullRecord>();
  readonly comments = new Map<number, CommentRecord>();
  /** Lower-case name to label. */
  readonly labels = new Map<string, LabelRecord>();
  readonly checkRuns = new Map<number, CheckRunRecord>();
  readonly deployments = new Map<number, DeploymentRecord>();
  readonly dispatches: DispatchRecord[] = [];
  readonly workflowDispatches: WorkflowDispatchRecord[] = [];
  private nextNumber = 1;

  constructor(
    readonly state: GitHubState,
    options: RepoOptions,
  ) {
    this.id = state.nextId();
    this.nodeId = nodeId("R", this.id);
    this.owner = state.user(options.owner, options.ownerType ?? "User");
    this.name = options.name;
    this.fullName = `${options.owner}/${options.name}`;
    this.defaultBranch = options.defaultBranch ?? "main";
    this.private = options.private ?? false;
    this.description = options.description ?? null;
    this.createdAt = state.timestamp();
    this.pushedAt = this.createdAt;
    this.installationId = options.installationId === undefined ? state.defaultInstallationId : options.installationId;
    for (const [login, permission] of Object.entries(options.collaborators ?? {})) {
      this.collaborators.set(login.toLowerCase(), permission);
      state.user(login);
    }
    const files = options.files ?? { "README.md": `# ${options.name}\n` };
    const tree = this.git.buildTree(
      new Map(
        Object.entries(files).map(([path, content]) => [
          path,
          { mode: "100644", type: "blob" as const, sha: this.git.writeBlob(Buffer.from(content)) },
        ]),
      ),
    );
    const signature = this.signatureOf(this.owner);
    const sha = this.git.writeCommit({
      tree,
      parents: [],
      message: "Initial commit",
      author: signature,
      committer: signature,
    });
    this.git.refs.set(`refs/heads/${this.defaultBranch}`, sha);
  }

  // ---- people -------------------------------------------------------------------------------

  /** Repository permission of a login: the owner of a user repository is admin; others from the collaborator map. */
  permissionOf(login: string): Permission | undefined {
    if (this.owner.type === "User" && login.toLowerCase() === this.owner.login.toLowerCase()) return "admin";
    return this.collaborators.get(login.toLowerCase());
  }

  setPermission(login: string, permission: Permission | null): void {
    if (permission === null) this.collaborators.delete(login.toLowerCase());
    else this.collaborators.set(login.toLowerCase(), permission);
    this.state.user(login);
  }

  signatureOf(user: UserRecord): Signature {
    return {
      name: user.login,
      email: `${user.id}+${user.login}@users.noreply.github.com`,
      date: this.state.timestamp(),
    };
  }

  // ---- git ----------------------------------------------------------------------------------

  branchSha(branch: string): string | undefined {
    return this.git.refs.get(`refs/heads/${branch}`);
  }

  /** Moves (or creates) a full ref; open pull requests whose head is this branch follow it. */
  setRef(ref: string, sha: string, actor?: UserRecord): void {
    const previous = this.git.refs.get(ref);
    this.git.refs.set(ref, sha);
    this.pushedAt = this.state.timestamp();
    if (!ref.startsWith("refs/heads/") || previous === sha) return;
    const branch = ref.slice("refs/heads/".length);
    for (const pull of this.pulls.values()) {
      if (this.issues.get(pull.number)!.state !== "open") continue;
      if (pull.head.ref === branch) {
        pull.head.sha = sha;
        if (previous) {
          this.state.emit("pull_request", "synchronize", this, actor ?? this.owner, {
            number: pull.number,
            before: previous,
            after: sha,
            pull_request: render.pull(this.state.links, this, pull),
          });
        }
      }
      if (pull.base.ref === branch) pull.base.sha = sha;
    }
  }

  deleteRef(ref: string): void {
    this.git.refs.delete(ref);
  }

  /** Creates `refs/heads/<name>` at the tip of `from` (a branch, tag or sha; default: the default branch). */
  createBranch(name: string, from: string = this.defaultBranch): string {
    const sha = this.git.resolve(from);
    if (!sha) throw new Error(`stand-in: cannot branch ${name} from unknown ref ${from}`);
    this.setRef(`refs/heads/${name}`, sha);
    return sha;
  }

  /** The text of a file at a ref (default: the default branch), or undefined if absent. */
  readFile(path: string, ref: string = this.defaultBranch): string | undefined {
    return this.readBytes(path, ref)?.toString("utf8");
  }

  readBytes(path: string, ref: string = this.defaultBranch): Buffer | undefined {
    const sha = this.git.resolve(ref);
    const entry = sha ? this.git.entryAt(sha, path) : undefined;
    return entry?.type === "blob" ? this.git.blob(entry.sha) : undefined;
  }

  /**
   * Commits file changes on a branch (null deletes a path) and moves the branch, like a push.
   * Returns the new commit sha. The branch must exist.
   */
  commitFiles(options: {
    branch?: string;
    message: string;
    files: Record<string, string | Uint8Array | null>;
    author?: UserRecord;
  }): string {
    const branch = options.branch ?? this.defaultBranch;
    const parent = this.branchSha(branch);
    if (!parent) throw new GitHubError(404, `Branch ${branch} not found`);
    const files = this.git.flatten(this.git.commit(parent)!.tree);
    for (const [path, content] of Object.entries(options.files)) {
      if (content === null) files.delete(path);
      else files.set(path, { mode: "100644", type: "blob", sha: this.git.writeBlob(Buffer.from(content)) });
    }
    const signature = this.signatureOf(options.author ?? this.owner);
    const sha = this.git.writeCommit({
      tree: this.git.buildTree(files),
      parents: [parent],
      message: options.message,
      author: signature,
      committer: signature,
    });
    this.setRef(`refs/heads/${branch}`, sha, options.author);
    return sha;
  }

  /**
   * `git push` from a real repository: every object reachable from `rev` in `gitDir` is copied under
   * its own id (so the commit shas are the local ones) and `branch` moves to it.
   */
  receivePush(gitDir: string, rev: string, branch: string): string {
    const sha = execFileSync("git", ["-C", gitDir, "rev-parse", `${rev}^{commit}`], { encoding: "utf8" }).trim();
    const ids = execFileSync("git", ["-C", gitDir, "rev-list", "--objects", sha], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    })
      .split("\n")
      .filter(Boolean)
      .map((line) => line.slice(0, 40));
    const batch = execFileSync("git", ["-C", gitDir, "cat-file", "--batch"], {
      input: ids.join("\n") + "\n",
      maxBuffer: 1 << 30,
    });
    for (let at = 0; at < batch.length;) {
      const eol = batch.indexOf(0x0a, at);
      const [, type, size] = batch.subarray(at, eol).toString().split(" ");
      const body = batch.subarray(eol + 1, eol + 1 + Number(size));
      this.git.storeRaw(type, Buffer.from(body));
      at = eol + 1 + Number(size) + 1;
    }
    this.setRef(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** Pull requests GitHub associates with a commit: its merge commit, or a commit on its head not on its base. */
  pullsWithCommit(sha: string): PullRecord[] {
    return [...this.pulls.values()].filter((p) => {
      if (p.mergeCommitSha === sha) return true;
      const open = this.issues.get(p.number)!.state === "open";
      const head = open ? (this.branchSha(p.head.ref) ?? p.head.sha) : p.head.sha;
      const base = open ? (this.branchSha(p.base.ref) ?? p.base.sha) : p.base.sha;
      return (head === sha || this.git.isAncestor(sha, head)) && !(base === sha || this.git.isAncestor(sha, base));
    });
  }

  // ---- labels -------------------------------------------------------------------------------

  /** The label with this name, created (grey, no description) if missing, as GitHub does when labelling. */
  ensureLabel(name: string, color = "ededed", description: string | null = null): LabelRecord {
    const existing = this.labels.get(name.toLowerCase());
    if (existing) return existing;
    const id = this.state.nextId();
    const label = { id, nodeId: nodeId("LA", id), name, color, description, default: false };
    this.labels.set(name.toLowerCase(), label);
    return label;
  }

  // ---- issues -------------------------------------------------------------------------------

  issue(number: number): IssueRecord {
    const issue = this.issues.get(number);
    if (!issue) throw notFound();
    return issue;
  }

  createIssue(options: {
    title: string;
    body?: string | null;
    user?: UserRecord;
    labels?: string[];
    assignees?: string[];
  }): IssueRecord {
    const issue = this.newIssueRecord(options.title, options.body ?? null, options.user ?? this.owner, false);
    issue.labels = uniqueNames(options.labels ?? []).map((name) => this.ensureLabel(name).name);
    issue.assignees = options.assignees ?? [];
    this.state.emit("issues", "opened", this, issue.user, { issue: render.issue(this.state.links, this, issue) });
    return issue;
  }

  /** Applies an edit as PATCH /issues/{n} does, emitting the events GitHub would. */
  updateIssue(
    number: number,
    changes: {
      title?: string;
      body?: string | null;
      state?: "open" | "closed";
      stateReason?: string | null;
      labels?: string[];
      assignees?: string[];
    },
    actor: UserRecord,
  ): IssueRecord {
    const issue = this.issue(number);
    const eventName = issue.isPullRequest ? "pull_request" : "issues";
    const edited: Record<string, { from: unknown }> = {};
    if (changes.title !== undefined && changes.title !== issue.title) {
      edited.title = { from: issue.title };
      issue.title = changes.title;
    }
    if (changes.body !== undefined && changes.body !== issue.body) {
      edited.body = { from: issue.body };
      issue.body = changes.body;
    }
    if (changes.assignees) issue.assignees = changes.assignees;
    if (changes.labels) this.setLabels(issue, changes.labels, actor);
    issue.updatedAt = this.state.timestamp();
    if (Object.keys(edited).length) {
      this.state.emit(eventName, "edited", this, actor, { changes: edited, ...this.subjectFields(issue) });
    }
    if (changes.state && changes.state !== issue.state) {
      if (changes.state === "open" && issue.isPullRequest) this.assertNoOpenDuplicate(this.pulls.get(number)!);
      issue.state = changes.state;
      if (changes.state === "closed") {
        issue.closedAt = issue.updatedAt;
        issue.closedBy = actor;
        issue.stateReason = changes.stateReason ?? "completed";
        const pull = this.pulls.get(number);
        if (pull) pull.head.sha = this.branchSha(pull.head.ref) ?? pull.head.sha;
      } else {
        issue.closedAt = null;
        issue.closedBy = null;
        issue.stateReason = "reopened";
      }
      this.state.emit(
        eventName,
        changes.state === "closed" ? "closed" : "reopened",
        this,
        actor,
        this.subjectFields(issue),
      );
    }
    return issue;
  }

  addLabels(issue: IssueRecord, names: string[], actor: UserRecord): void {
    for (const name of uniqueNames(names)) {
      const label = this.ensureLabel(name);
      if (issue.labels.some((l) => l.toLowerCase() === label.name.toLowerCase())) continue;
      issue.labels.push(label.name);
      issue.updatedAt = this.state.timestamp();
      this.state.emit(issue.isPullRequest ? "pull_request" : "issues", "labeled", this, actor, {
        ...this.subjectFields(issue),
        label: render.label(this.state.links, this, label),
      });
    }
  }

  removeLabel(issue: IssueRecord, name: string, actor: UserRecord): void {
    const index = issue.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase());
    if (index < 0) throw notFound("Label does not exist");
    const [removed] = issue.labels.splice(index, 1);
    issue.updatedAt = this.state.timestamp();
    this.state.emit(issue.isPullRequest ? "pull_request" : "issues", "unlabeled", this, actor, {
      ...this.subjectFields(issue),
      label: render.label(this.state.links, this, this.ensureLabel(removed)),
    });
  }

  setLabels(issue: IssueRecord, names: string[], actor: UserRecord): void {
    const wanted = new Set(uniqueNames(names).map((n) => n.toLowerCase()));
    for (const name of [...issue.labels]) if (!wanted.has(name.toLowerCase())) this.removeLabel(issue, name, actor);
    this.addLabels(issue, names, actor);
  }

  // ---- comments -----------------------------------------------------------------------------

  /** Comments on an issue or pull request, oldest first (GitHub's order). */
  commentsOn(issueNumber: number): CommentRecord[] {
    return [...this.comments.values()].filter((c) => c.issueNumber === issueNumber);
  }

  addComment(issueNumber: number, body: string, user: UserRecord = this.owner): CommentRecord {
    const issue = this.issue(issueNumber);
    const id = this.state.nextId();
    const now = this.state.timestamp();
    const comment: CommentRecord = {
      id,
      nodeId: nodeId("IC", id),
      issueNumber,
      body,
      user,
      createdAt: now,
      updatedAt: now,
      reactions: [],
    };
    this.comments.set(id, comment);
    issue.updatedAt = now;
    this.state.emit("issue_comment", "created", this, user, {
      issue: render.issue(this.state.links, this, issue),
      comment: render.comment(this.state.links, this, comment),
    });
    return comment;
  }

  comment(id: number): CommentRecord {
    const comment = this.comments.get(id);
    if (!comment) throw notFound();
    return comment;
  }

  updateComment(id: number, body: string, actor: UserRecord): CommentRecord {
    const comment = this.comment(id);
    const from = comment.body;
    comment.body = body;
    comment.updatedAt = this.state.timestamp();
    this.state.emit("issue_comment", "edited", this, actor, {
      changes: { body: { from } },
      issue: render.issue(this.state.links, this, this.issue(comment.issueNumber)),
      comment: render.comment(this.state.links, this, comment),
    });
    return comment;
  }

  deleteComment(id: number, actor: UserRecord): void {
    const comment = this.comment(id);
    this.comments.delete(id);
    this.state.emit("issue_comment", "deleted", this, actor, {
      issue: render.issue(this.state.links, this, this.issue(comment.issueNumber)),
      comment: render.comment(this.state.links, this, comment),
    });
  }

  // ---- pull requests ------------------------------------------------------------------------

  pull(number: number): PullRecord {
    const pull = this.pulls.get(number);
    if (!pull) throw notFound();
    return pull;
  }

  /** Opens a pull request with GitHub's checks: both branches exist, commits differ, no open duplicate. */
  createPull(options: {
    title: string;
    head: string;
    base: string;
    body?: string | null;
    user?: UserRecord;
    draft?: boolean;
    maintainerCanModify?: boolean;
  }): PullRecord {
    const [headOwner, headRef] = options.head.includes(":")
      ? options.head.split(/:(.*)/s)
      : [this.owner.login, options.head];
    if (headOwner.toLowerCase() !== this.owner.login.toLowerCase()) {
      throw validationFailed({ resource: "PullRequest", field: "head", code: "invalid" }); // forks are not modelled
    }
    const headSha = this.branchSha(headRef);
    if (!headSha) throw validationFailed({ resource: "PullRequest", field: "head", code: "invalid" });
    const baseSha = this.branchSha(options.base);
    if (!baseSha) throw validationFailed({ resource: "PullRequest", field: "base", code: "invalid" });
    const id = this.state.nextId();
    const pull: PullRecord = {
      number: this.nextNumber,
      id,
      nodeId: nodeId("PR", id),
      head: { ref: headRef, sha: headSha },
      base: { ref: options.base, sha: baseSha },
      draft: options.draft ?? false,
      maintainerCanModify: options.maintainerCanModify ?? true,
      merged: false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
    };
    this.assertNoOpenDuplicate(pull);
    if (this.git.isAncestor(headSha, baseSha)) {
      throw validationFailed({
        resource: "PullRequest",
        code: "custom",
        message: `No commits between ${options.base} and ${headRef}`,
      });
    }
    this.newIssueRecord(options.title, options.body ?? null, options.user ?? this.owner, true);
    this.pulls.set(pull.number, pull);
    this.state.emit("pull_request", "opened", this, options.user ?? this.owner, {
      number: pull.number,
      pull_request: render.pull(this.state.links, this, pull),
    });
    return pull;
  }

  /** Merges as PUT /pulls/{n}/merge does: a merge (or squash) commit on the base branch. */
  mergePull(
    number: number,
    options: { method?: "merge" | "squash" | "rebase"; commitTitle?: string; commitMessage?: string; sha?: string },
    actor: UserRecord,
  ): { sha: string; merged: true; message: string } {
    const pull = this.pull(number);
    const issue = this.issue(number);
    if (issue.state !== "open") throw new GitHubError(405, "Pull Request is not mergeable");
    const headSha = this.branchSha(pull.head.ref) ?? pull.head.sha;
    if (options.sha && options.sha !== headSha) {
      throw new GitHubError(409, "Head branch was modified. Review and try the merge again.");
    }
    const baseSha = this.branchSha(pull.base.ref);
    if (!baseSha) throw unprocessable(`Base branch ${pull.base.ref} was deleted`);
    const merged = this.git.isAncestor(baseSha, headSha)
      ? { tree: this.git.commit(headSha)!.tree }
      : this.git.mergeTrees(baseSha, headSha);
    if ("conflicts" in merged) throw new GitHubError(405, "Pull Request is not mergeable");

    const method = options.method ?? "merge";
    const message =
      method === "merge"
        ? `${options.commitTitle ?? `Merge pull request #${number} from ${this.owner.login}/${pull.head.ref}`}\n\n${options.commitMessage ?? issue.title}`
        : method === "squash"
          ? `${options.commitTitle ?? `${issue.title} (#${number})`}${options.commitMessage ? `\n\n${options.commitMessage}` : ""}`
          : this.git.commit(headSha)!.message;
    const signature = this.signatureOf(actor);
    const sha = this.git.writeCommit({
      tree: merged.tree,
      parents: method === "merge" ? [baseSha, headSha] : [baseSha],
      message,
      author: method === "rebase" ? this.git.commit(headSha)!.author : signature,
      committer: signature,
    });
    const now = this.state.timestamp();
    Object.assign(pull, { merged: true, mergedAt: now, mergedBy: actor, mergeCommitSha: sha });
    pull.head.sha = headSha;
    pull.base.sha = baseSha;
    Object.assign(issue, { state: "closed", closedAt: now, closedBy: actor, updatedAt: now, stateReason: "completed" });
    this.setRef(`refs/heads/${pull.base.ref}`, sha, actor);
    this.state.emit("pull_request", "closed", this, actor, {
      number,
      pull_request: render.pull(this.state.links, this, pull),
    });
    return { sha, merged: true, message: "Pull Request successfully merged" };
  }

  private assertNoOpenDuplicate(pull: PullRecord): void {
    for (const other of this.pulls.values()) {
      if (other.number === pull.number || this.issues.get(other.number)!.state !== "open") continue;
      if (other.head.ref === pull.head.ref && other.base.ref === pull.base.ref) {
        throw validationFailed({
          resource: "PullRequest",
          code: "custom",
          message: `A pull request already exists for ${this.owner.login}:${pull.head.ref}.`,
        });
      }
    }
  }

  private newIssueRecord(title: string, body: string | null, user: UserRecord, isPullRequest: boolean): IssueRecord {
    const id = this.state.nextId();
    const now = this.state.timestamp();
    const issue: IssueRecord = {
      number: this.nextNumber++,
      id,
      nodeId: nodeId("I", id),
      title,
      body,
      state: "open",
      stateReason: null,
      user,
      labels: [],
      assignees: [],
      locked: false,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      closedBy: null,
      isPullRequest,
      reactions: [],
    };
    this.issues.set(issue.number, issue);
    return issue;
  }

  /** The `issue` or `pull_request` (+ `number`) fields of an event about this issue. */
  private subjectFields(issue: IssueRecord): Record<string, unknown> {
    const pull = this.pulls.get(issue.number);
    return pull
      ? { number: issue.number, pull_request: render.pull(this.state.links, this, pull) }
      : { issue: render.issue(this.state.links, this, issue) };
  }
}

/** GitHub-looking global node id, e.g. "I_kwDOAA" style: stable, opaque, base64. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`standin:${id}`).toString("base64url")}`;
}

function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
