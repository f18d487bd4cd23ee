/**
 * `rollout status` as data: the recorded history grouped into one entry per canary (model and
 * artifact sha256), oldest first: what served, from when to when, how far it got and why it
 * stopped. Plus the text rendering. Pure.
 */
import type { RolloutLine } from "../provenance/note-line.ts";

export interface RolloutSummary {
  model: string;
  canary: { sha256: string; commit: string };
  stable?: { sha256: string; version?: string };
  /** running: started or stepped last (serving now, or the server stopped mid-rollout). */
  state: "running" | "completed" | "reverted";
  step: number;
  percent: number | "shadow";
  startedAt: string;
  /** The last transition's time. */
  lastAt: string;
  reason?: string;
  transitions: Array<{ transition: string; step: number; percent: number | "shadow"; at: string; reason?: string }>;
}

export function summarizeRollouts(lines: readonly RolloutLine[]): RolloutSummary[] {
  const groups = new Map<string, RolloutLine[]>();
  for (const line of lines) {
    const key = `${line.model}\n${line.canary.sha256}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const summaries = [...groups.values()].map((group) => {
    const ordered = [...group].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const end =
      ordered.find((l) => l.transition === "reverted") ??
      ordered.find((l) => l.transition === "completed") ??
      ordered.at(-1)!;
    const first = ordered[0];
    return {
      model: first.model,
      canary: end.canary,
      ...((end.stable ?? first.stable) ? { stable: end.stable ?? first.stable } : {}),
      state: end.transition === "reverted" ? "reverted" : end.transition === "completed" ? "completed" : "running",
      step: end.step,
      percent: end.transition === "completed" ? 100 : end.percent,
      startedAt: first.at,
      lastAt: ordered.at(-1)!.at,
      ...(end.reason !== undefined ? { reason: end.reason } : {}),
      transitions: ordered.map((l) => ({
        transition: l.transition,
        step: l.step,
        percent: l.percent,
        at: l.at,
        ...(l.reason !== undefined ? { reason: l.reason } : {}),
      })),
    } satisfies RolloutSummary;
  });
  return summaries.sort((a, b) =>
    a.model < b.model ? -1 : a.model > b.model ? 1 : a.startedAt < b.startedAt ? -1 : 1,
  );
}

export function renderRolloutStatusText(data: {
  models: string[];
  rollouts: RolloutSummary[];
  ignored: Array<{ commit: string; problem: string }>;
}): string {
  const out: string[] = [];
  for (const model of data.models) {
    const rollouts = data.rollouts.filter((r) => r.model === model);
    out.push(
      `${printable(model)}: ${rollouts.length === 0 ? "no rollout recorded" : `${rollouts.length} rollout${rollouts.length === 1 ? "" : "s"}`}`,
    );
    for (const r of rollouts) {
      const stable = r.stable
        ? ` over stable ${r.stable.version ? `${printable(r.stable.version)} ` : ""}(${r.stable.sha256.slice(0, 12)})`
        : "";
      out.push(
        `  canary ${r.canary.sha256.slice(0, 12)} from commit ${r.canary.commit.slice(0, 12)}${stable}: ${r.state} at ${percentText(r.percent)} (${r.startedAt} to ${r.lastAt})`,
      );
      for (const t of r.transitions) out.push(`    ${t.at}  ${t.transition.padEnd(9)} ${percentText(t.percent)}`);
      if (r.reason && r.state !== "running") out.push(`    why: ${printable(r.reason)}`);
    }
  }
  if (data.ignored.length > 0) {
    out.push(
      `ignored ${data.ignored.length} rollout line${data.ignored.length === 1 ? "" : "s"} that cannot be taken:`,
    );
    for (const i of data.ignored) out.push(`  on ${i.commit.slice(0, 12)}: ${printable(i.problem)}`);
  }
  return out.join("\n");
}

const percentText = (p: number | "shadow") => (p === "shadow" ? "shadow" : `${p}%`);

/** Text from notes anyone may write: no control characters reach the terminal. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}
