/**
 * Rollout transitions as note lines (event "rollout" on the canary's commit) and back. Lines are
 * read from notes anyone with push access can write, so a line is only taken when it is well formed
 * and sits on the commit it names; the rest is reported as ignored. Pure: no git here.
 */
import { NOTE_SCHEMA, type NoteLine, type RolloutLine } from "../provenance/note-line.ts";
import type { Transition, TransitionKind } from "./state.ts";
import type { Signal } from "./analysis.ts";

interface Canary {
  sha256: string;
  commit: string;
}

export interface LineContext {
  model: string;
  canary: Canary;
  stable?: { sha256: string; version?: string };
  tool: string;
}

export function toRolloutLine(context: LineContext, transition: Transition, id: string): RolloutLine {
  const line: RolloutLine = {
    schema: NOTE_SCHEMA,
    id,
    event: "rollout",
    model: context.model,
    at: transition.at,
    tool: context.tool,
    canary: { sha256: context.canary.sha256, commit: context.canary.commit },
    transition: transition.transition,
    step: transition.step,
    percent: transition.percent,
  };
  if (context.stable) line.stable = { ...context.stable };
  if (transition.reason !== undefined) line.reason = transition.reason;
  if (transition.evidence)
    line.evidence = transition.evidence.map(({ signal, breached, alpha, figures, detail }) => ({
      signal,
      breached,
      alpha,
      figures,
      detail,
    }));
  return line;
}

export function toTransition(line: RolloutLine): Transition {
  const t: Transition = { transition: line.transition, step: line.step, percent: line.percent, at: line.at };
  if (line.reason !== undefined) t.reason = line.reason;
  // The evidence is only shown again, never decided on, so its signal names are taken as written.
  if (line.evidence) t.evidence = line.evidence.map((e) => ({ ...e, signal: e.signal as Signal }));
  return t;
}

const KINDS: readonly TransitionKind[] = ["started", "stepped", "completed", "reverted"];
const SHA256 = /^[0-9a-f]{64}$/;
const COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Why a line that says event "rollout" cannot be taken, or undefined when it can. */
export function rolloutLineProblem(line: NoteLine, noteCommit: string): string | undefined {
  const l = line as Partial<RolloutLine> & { event: string };
  if (l.event !== "rollout") return "not a rollout line";
  if (typeof l.id !== "string" || typeof l.at !== "string" || Number.isNaN(Date.parse(l.at)))
    return "no id or no valid time";
  if (!l.canary || typeof l.canary.sha256 !== "string" || !SHA256.test(l.canary.sha256))
    return "canary.sha256 is not a sha256";
  if (typeof l.canary.commit !== "string" || !COMMIT.test(l.canary.commit)) return "canary.commit is not a commit id";
  if (l.canary.commit !== noteCommit)
    return `it names canary commit ${l.canary.commit.slice(0, 12)} but sits on ${noteCommit.slice(0, 12)}`;
  if (!KINDS.includes(l.transition as TransitionKind)) return `unknown transition ${JSON.stringify(l.transition)}`;
  if (!Number.isInteger(l.step) || (l.step as number) < 0) return "step is not a step index";
  if (l.percent !== "shadow" && !(typeof l.percent === "number" && l.percent > 0 && l.percent <= 100))
    return 'percent is neither "shadow" nor 1..100';
  if (l.reason !== undefined && typeof l.reason !== "string") return "reason is not text";
  if (
    l.evidence !== undefined &&
    !(
      Array.isArray(l.evidence) &&
      l.evidence.every((e) => e && typeof e.signal === "string" && typeof e.breached === "boolean")
    )
  )
    return "evidence is not a list of signals";
  return undefined;
}
