import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { UserError } from "../errors.ts";
import { beforeGitStep } from "./fault-injection.ts";

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Every git call goes through here (as actions/checkout does with execGit), so tests can use
 * real repositories and messages can name the command that failed.
 */
export interface Git {
  readonly cwd: string;
  /** Runs git; throws on a non-zero exit. */
  run(args: string[], options?: GitOptions): Promise<string>;
  /** Runs git and returns the result whatever the exit status: for calls where failure is normal. */
  tryRun(args: string[], options?: GitOptions): Promise<GitResult>;
}

interface GitOptions {
  /** Text for git's stdin. */
  input?: string;
  /** Extra environment for this call only, e.g. GIT_INDEX_FILE for a temporary index. */
  env?: NodeJS.ProcessEnv;
}

/** The identity GitHub's own bot commits with: used in Actions when the job configured none. */
const ACTIONS_IDENTITY = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
};

export function createGit(cwd: string, env: NodeJS.ProcessEnv = process.env): Git {
  // Hosted runners have no git identity, and notes, tags and commits need one. In GitHub Actions,
  // fall back to the Actions bot's identity (only when the job set none); elsewhere git's own
  // "who are you" error is turned into a message saying what to configure.
  let identity: Promise<NodeJS.ProcessEnv> | undefined;
  const identityEnv = () =>
    (identity ??= (async () => {
      if (env.GITHUB_ACTIONS !== "true" || env.GIT_AUTHOR_NAME || env.GIT_COMMITTER_NAME) return {};
      const configured = await spawnGit(["config", "user.email"], {});
      if (configured.code === 0 && configured.stdout.trim()) return {};
      return {
        GIT_AUTHOR_NAME: ACTIONS_IDENTITY.name,
        GIT_AUTHOR_EMAIL: ACTIONS_IDENTITY.email,
        GIT_COMMITTER_NAME: ACTIONS_IDENTITY.name,
        GIT_COMMITTER_EMAIL: ACTIONS_IDENTITY.email,
      };
    })());
  const spawnGit = (args: string[], extraEnv: NodeJS.ProcessEnv, options: GitOptions = {}) =>
    new Promise<GitResult>((resolve, reject) => {
      const child = execFile(
        "git",
        args,
        {
          cwd,
          env: { ...env, ...extraEnv, ...options.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
          maxBuffer: 256 * 1024 * 1024,
          encoding: "utf8",
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof (error as any).code === "number" ? (error as any).code : -1) : 0;
          // spawn says ENOENT both for a missing git and for a missing working folder: tell them apart.
          if (error && code === -1 && !existsSync(cwd))
            return reject(
              new UserError(
                `the folder ${cwd} does not exist (working-directory, or the folder the command runs in): create it or pass an existing one.`,
              ),
            );
          if (error && code === -1) return reject(new UserError(`git is not available: ${error.message}`));
          resolve({ code, stdout, stderr });
        },
      );
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
  const tryRun = async (args: string[], options: GitOptions = {}) => {
    beforeGitStep(args, env);
    const result = await spawnGit(args, await identityEnv(), options);
    if (result.code !== 0) throwIfLocked(args, result.stderr);
    return result;
  };
  return {
    cwd,
    tryRun,
    async run(args, options) {
      const result = await tryRun(args, options);
      if (
        result.code !== 0 &&
        /Author identity unknown|Please tell me who you are|empty ident name/i.test(result.stderr)
      ) {
        throw new UserError(
          `git needs an identity to write notes, tags and commits: run \`git config user.name "…"\` and \`git config user.email "…"\` (in a workflow, add them as a step before modelkeeper).`,
        );
      }
      if (result.code !== 0) throw gitFailure(args, result);
      return result.stdout;
    },
  };
}

/**
 * The error for a git call that failed in a way its caller does not expect: what `run` throws, and
 * what an adapter's try-variant throws for anything but the failure that is a normal answer.
 */
export function gitFailure(args: string[], result: GitResult): Error {
  return new Error(
    `git ${args.join(" ")} failed (exit ${result.code}): ${result.stderr.trim() || result.stdout.trim()}`,
  );
}

/**
 * A git that was killed (kill -9, a cancelled job) leaves its `X.lock` behind, and every later
 * writer fails on it. Say which file it is and how to clear it, instead of git's multi-line advice.
 * A push's lock messages come from the remote's side (a concurrent writer there) and are retried.
 */
function throwIfLocked(args: string[], stderr: string): void {
  if (args[0] === "push") return;
  const lock = /Unable to create '([^']+\.lock)': File exists/.exec(stderr)?.[1];
  if (!lock) return;
  throw new UserError(
    `git could not take the lock ${lock}: another git process is running in this repository, or one was killed and left it behind. ` +
      `If no git is running here, remove it (rm "${lock}") and run the command again; nothing was changed.`,
    { file: lock },
  );
}

/**
 * Refuses to start when a lock a killed git left behind would stop the command halfway (after
 * the train command ran, say): better to name the file now than to fail with a dirty tree.
 * `refs` are the refs the command will write (e.g. refs/notes/modelkeeper, refs/heads/main).
 */
export async function assertNoStaleLocks(git: Git, refs: string[]): Promise<void> {
  const paths = await git.run([
    "rev-parse",
    "--path-format=absolute",
    "--git-path",
    "index.lock",
    "--git-path",
    "HEAD.lock",
    ...refs.flatMap((ref) => ["--git-path", `${ref}.lock`]),
  ]);
  for (const lock of paths.trim().split("\n")) {
    if (existsSync(lock)) throwIfLocked([], `Unable to create '${lock}': File exists`);
  }
}

/** The repository root containing `dir`, or a UserError saying it is not a git repository. */
export async function findRepoRoot(dir: string): Promise<string> {
  const result = await createGit(dir).tryRun(["rev-parse", "--show-toplevel"]);
  if (result.code !== 0) {
    throw new UserError(
      `${dir} is not inside a git repository. Run modelkeeper from a clone of your repository (or git init first).`,
    );
  }
  return result.stdout.trim();
}

/** Resolves a revision to a full commit id, or a UserError naming it. */
export async function resolveCommit(git: Git, rev: string): Promise<string> {
  const result = await git.tryRun(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  if (result.code !== 0) {
    throw new UserError(
      `"${rev}" is not a commit in ${git.cwd}. Pass a commit id, branch or tag that exists (fetch it first in a shallow clone).`,
    );
  }
  return result.stdout.trim();
}
