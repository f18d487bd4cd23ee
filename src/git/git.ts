import { execFile } from "node:child_process";
import { UserError } from "../errors.ts";

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
  run(args: string[], options?: { input?: string }): Promise<string>;
  /** Runs git and returns the result whatever the exit status: for calls where failure is normal. */
  tryRun(args: string[], options?: { input?: string }): Promise<GitResult>;
}

/** The identity GitHub's own bot commits with: used in Actions when the job configured none. */
const ACTIONS_IDENTITY = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" };

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
      return { GIT_AUTHOR_NAME: ACTIONS_IDENTITY.name, GIT_AUTHOR_EMAIL: ACTIONS_IDENTITY.email, GIT_COMMITTER_NAME: ACTIONS_IDENTITY.name, GIT_COMMITTER_EMAIL: ACTIONS_IDENTITY.email };
    })());
  const spawnGit = (args: string[], extraEnv: NodeJS.ProcessEnv, options: { input?: string } = {}) =>
    new Promise<GitResult>((resolve, reject) => {
      const child = execFile(
        "git",
        args,
        { cwd, env: { ...env, ...extraEnv, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" }, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
        (error, stdout, stderr) => {
          const code = error ? (typeof (error as any).code === "number" ? (error as any).code : -1) : 0;
          if (error && code === -1) return reject(new UserError(`git is not available: ${error.message}`));
          resolve({ code, stdout, stderr });
        },
      );
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
  const tryRun = async (args: string[], options: { input?: string } = {}) => spawnGit(args, await identityEnv(), options);
  return {
    cwd,
    tryRun,
    async run(args, options) {
      const result = await tryRun(args, options);
      if (result.code !== 0 && /Author identity unknown|Please tell me who you are|empty ident name/i.test(result.stderr)) {
        throw new UserError(`git needs an identity to write notes, tags and commits: run \`git config user.name "…"\` and \`git config user.email "…"\` (in a workflow, add them as a step before modelkeeper).`);
      }
      if (result.code !== 0) {
        throw new Error(`git ${args.join(" ")} failed (exit ${result.code}): ${result.stderr.trim() || result.stdout.trim()}`);
      }
      return result.stdout;
    },
  };
}

/** The repository root containing `dir`, or a UserError saying it is not a git repository. */
export async function findRepoRoot(dir: string): Promise<string> {
  const result = await createGit(dir).tryRun(["rev-parse", "--show-toplevel"]);
  if (result.code !== 0) {
    throw new UserError(`${dir} is not inside a git repository. Run modelkeeper from a clone of your repository (or git init first).`);
  }
  return result.stdout.trim();
}

/** Resolves a revision to a full commit id, or a UserError naming it. */
export async function resolveCommit(git: Git, rev: string): Promise<string> {
  const result = await git.tryRun(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  if (result.code !== 0) {
    throw new UserError(`"${rev}" is not a commit in ${git.cwd}. Pass a commit id, branch or tag that exists (fetch it first in a shallow clone).`);
  }
  return result.stdout.trim();
}
