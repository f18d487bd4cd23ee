/**
 * The text GitHub shows for a rollout: the deployment status's one-line description, and the
 * comment on the pull request that built a reverted canary. Every piece of text that can come
 * from users or from notes (the model name, the reason, the evidence) is escaped. Pure.
 */
import type { RolloutVerdict } from "../rollout/verdict.ts";
import { escapeMarkdown, markdownCode } from "./escape.ts";

/** GitHub's limit on a deployment status description. */
const DESCRIPTION_LIMIT = 140;

export function deploymentDescription(verdict: RolloutVerdict): string {
  const where = verdict.percent === "shadow" ? "in shadow" : `at ${verdict.percent}%`;
  const text =
    verdict.state === "reverted"
      ? `reverted ${where}: ${verdict.reason ?? "no reason recorded"}`
      : verdict.state === "completed"
        ? "canary passed every step: answers everyone"
        : `canary ${where} (step ${verdict.step + 1} of ${verdict.steps.length}), no breach so far`;
  const plain = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
  return plain.length <= DESCRIPTION_LIMIT ? plain : `${plain.slice(0, DESCRIPTION_LIMIT - 1)}…`;
}

export function revertComment(verdict: RolloutVerdict): string {
  const where = verdict.percent === "shadow" ? "in shadow" : `at ${verdict.percent}% of requests`;
  const stable = verdict.stable
    ? `stable ${markdownCode(verdict.stable.version ?? verdict.stable.sha256.slice(0, 12))}`
    : "stable";
  const lines = [
    `### modelkeeper: the canary of ${markdownCode(verdict.model)} was reverted`,
    "",
    `The model this pull request built (artifact sha256 ${markdownCode(verdict.canary.sha256.slice(0, 12))}${verdict.canary.commit ? `, commit ${markdownCode(verdict.canary.commit.slice(0, 12))}` : ""}) ` +
      // Only what the notes keep (no live request counts, no times): a restarted server writes the same body, so the comment is left alone.
      `was reverted automatically ${where}: all traffic went back to ${stable}.`,
    "",
    `**Why:** ${escapeMarkdown(verdict.reason ?? "no reason recorded")}`,
    "",
    "| signal | breached | evidence |",
    "| --- | --- | --- |",
    ...verdict.evidence.map(
      (e) => `| ${escapeMarkdown(e.signal)} | ${e.breached ? "**yes**" : "no"} | ${escapeMarkdown(e.detail)} |`,
    ),
    "",
    `The record is in the notes: ${markdownCode(`modelkeeper rollout status --model ${verdict.model}`)}. This canary is not served again.`,
  ];
  return lines.join("\n");
}
