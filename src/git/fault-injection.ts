import { appendFileSync } from "node:fs";

/**
 * Fault injection for the reliability test (test/faults/): with MODELKEEPER_FAULT_AT=N in its
 * environment, the process kills itself with SIGKILL, as `kill -9` would (no finally, no exit
 * hooks), just before its N-th git call that can change a repository. MODELKEEPER_FAULT_LOG=FILE
 * appends one line per such call, so the test knows how many kill points a command has.
 * Unset, as in every normal run, this costs one property read per git call.
 */
let writingCalls = 0;

export function beforeGitStep(args: string[], env: NodeJS.ProcessEnv): void {
  const at = env.MODELKEEPER_FAULT_AT;
  const log = env.MODELKEEPER_FAULT_LOG;
  if (at === undefined && log === undefined) return;
  if (!changesRepository(args)) return;
  writingCalls++;
  if (log) appendFileSync(log, `${writingCalls}\tgit ${args.join(" ").slice(0, 200)}\n`);
  if (at !== undefined && Number(at) === writingCalls) process.kill(process.pid, "SIGKILL");
}

const WRITERS = new Set([
  "add",
  "checkout",
  "commit",
  "commit-tree",
  "fetch",
  "merge",
  "push",
  "read-tree",
  "reset",
  "rm",
  "tag",
  "update-index",
  "update-ref",
  "worktree",
  "hash-object",
  "mktree",
]);
const NOTES_WRITERS = new Set(["add", "append", "copy", "edit", "merge", "prune", "remove"]);

/** Whether a git call may write objects, refs, the index or the working tree. */
function changesRepository(args: string[]): boolean {
  const [command, ...rest] = args;
  if (command === "notes") return rest.some((arg) => NOTES_WRITERS.has(arg));
  return WRITERS.has(command);
}
