import { setTimeout as sleep } from "node:timers/promises";
import type { Git } from "./git.ts";
import { mergeRemoteNotes } from "./notes.ts";
import { UserError } from "../errors.ts";

export interface RefUpdate {
  /** What to push: a commit id, a local ref or a tag name. */
  source: string;
  /** The remote ref it becomes, e.g. refs/heads/modelkeeper/retrain/fraud. */
  destination: string;
}

/** A ref the remote refused for a reason a retry cannot fix (the branch moved on, a tag exists). */
export class PushConflict extends UserError {
  constructor(
    message: string,
    readonly refs: Array<{ ref: string; reason: string }>,
  ) {
    super(message);
  }
}

/**
 * Pushes branches, tags and notes refs in one `git push --atomic`: the remote takes all of them or
 * none, so a reader never sees a branch tip without its note or a tag without its note line.
 * When only a notes ref was refused because other jobs pushed notes meanwhile, their notes are
 * merged line-wise (cat_sort_uniq) and the push is tried again; any other refusal is a
 * PushConflict naming the ref, with nothing pushed.
 */
export async function pushAtomic(
  git: Git,
  remote: string,
  updates: RefUpdate[],
  notesRefs: string[],
  maxAttempts = 12,
): Promise<{ attempts: number }> {
  const refspecs = updates.map((u) => `${u.source}:${u.destination}`);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const push = await git.tryRun(["push", "--atomic", "--porcelain", remote, ...refspecs]);
    if (push.code === 0) return { attempts: attempt };
    const refused = refusedRefs(push.stdout);
    if (!refused.length) {
      throw new UserError(
        `could not push ${updates.map((u) => u.destination).join(", ")} to ${remote}: ${(push.stderr || push.stdout).trim()}. ` +
          `Nothing was pushed. Check that the job may push (permissions: contents: write) and that "${remote}" exists.`,
      );
    }
    const retryable = refused.every(
      (r) =>
        (notesRefs.includes(r.ref) && /fetch first|non-fast-forward/.test(r.reason)) ||
        /cannot lock|failed to update/.test(r.reason),
    );
    if (!retryable) {
      const list = refused.filter((r) => !notesRefs.includes(r.ref) || !/fetch first|non-fast-forward/.test(r.reason));
      throw new PushConflict(
        `${remote} refused ${list.map((r) => `${r.ref} (${r.reason})`).join(", ")}: nothing was pushed.`,
        list,
      );
    }
    for (const ref of notesRefs) if (refused.some((r) => r.ref === ref)) await mergeRemoteNotes(git, remote, ref);
    // Spread out retries of writers that collided, so they do not collide again in lockstep.
    await sleep(Math.floor(Math.random() * 50 * attempt));
  }
  throw new UserError(
    `could not push to ${remote} after ${maxAttempts} attempts: other jobs kept pushing notes. Run the command again; it finishes the work.`,
  );
}

/** The refs `git push --porcelain` marks "!" for their own reason (not just "atomic push failed"). */
function refusedRefs(porcelain: string): Array<{ ref: string; reason: string }> {
  const refused: Array<{ ref: string; reason: string }> = [];
  for (const line of porcelain.split("\n")) {
    const match = /^!\t[^\t]*:([^\t]+)\t\[(?:remote )?rejected\] \((.*)\)$/.exec(line);
    if (match && match[2] !== "atomic push failed") refused.push({ ref: match[1], reason: match[2] });
  }
  return refused;
}
