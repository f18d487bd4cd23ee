/**
 * Everything the bot writes for people: the pull request's title and body, the commit message and
 * its comments. Pure functions of their inputs. User text (reasons, summaries, titles, model names
 * as typed) goes through src/report/escape.ts, so it cannot open links, mentions or HTML.
 */
import { escapeMarkdown, markdownCode } from "../src/report/escape.ts";
import type { PullLink, RetrainRequest } from "./retrain-request.ts";

/** Longest reason quoted in a PR body or commit message. */
const MAX_REASON = 1000;

export function pullTitle(model: string): string {
  return `Retrain ${model}`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function requestSource(request: RetrainRequest): string {
  const issue = request.requestIssue ? `#${request.requestIssue}` : undefined;
  switch (request.trigger) {
    case "drift-issue":
      return `drift reported in ${issue}`;
    case "drift-dispatch":
      return issue ? `a drift dispatch for ${issue}` : "a drift dispatch from the drift command";
    case "comment":
      return `a \`/retrain\` comment in ${issue}`;
    case "issue-form":
      return `the retrain request ${issue}`;
  }
}

/** A Markdown link to a URL the bot checked is http(s); parentheses and spaces are escaped. */
function link(text: string, url: string): string {
  const escaped = url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return `[${text}](${escaped})`;
}

export function pullBody(model: string, branch: string, request: RetrainRequest): string {
  const lines = [
    `## Retrain ${markdownCode(model)}`,
    "",
    `Requested by ${escapeMarkdown(request.requestedBy)} through ${requestSource(request)}, ${request.requestedAt}.`,
    "",
    `**Why:** ${request.reason ? escapeMarkdown(clip(request.reason, MAX_REASON)) : "no reason given."}`,
  ];
  if (request.drift) {
    lines.push("", `**Drift:** ${request.drift.summary ? escapeMarkdown(request.drift.summary) : "see the report."}`);
  }
  const links = [
    request.requestUrl ? link("request", request.requestUrl) : undefined,
    request.drift?.reportUrl && request.drift.reportUrl !== request.requestUrl
      ? link("drift report", request.drift.reportUrl)
      : undefined,
  ].filter(Boolean);
  if (links.length) lines.push("", `**Links:** ${links.join(" · ")}`);
  lines.push(
    "",
    `The retrain workflow runs on this branch (${markdownCode(branch)}): it trains ${markdownCode(model)}, records the new artifact, ` +
      "commits it here and evaluates it against the champion. Merge when the evaluation says promote.",
  );
  if (request.requestIssue) lines.push("", `Closes #${request.requestIssue}`);
  return lines.join("\n");
}

/** Commit messages are plain text: no escaping, but one line per field and a bounded reason. */
export function commitMessage(model: string, request: RetrainRequest): string {
  const where = request.requestIssue ? ` in #${request.requestIssue}` : "";
  const lines = [`Retrain ${model}`, "", `Requested by ${request.requestedBy}${where} (${request.trigger}).`];
  if (request.reason) lines.push("", clip(request.reason, MAX_REASON));
  return lines.join("\n");
}

export function openedComment(model: string, branch: string, pull: PullLink): string {
  return (
    `Opened #${pull.number} to retrain ${markdownCode(model)} on branch ${markdownCode(branch)}. ` +
    "The retrain workflow trains, records and evaluates the model there; this issue closes when it merges."
  );
}

export function linkedComment(model: string, pull: PullLink): string {
  return `A retrain pull request for ${markdownCode(model)} is already open: #${pull.number}. It covers this request; no second one was opened.`;
}

export function deniedComment(): string {
  return (
    "Only people with **write** or **admin** permission on this repository can request a retrain. " +
    "Ask one of them to comment `/retrain <model> [reason]`."
  );
}

function modelList(models: string[]): string {
  return models.length ? models.map((m) => markdownCode(m)).join(", ") : "no models";
}

export function unknownModelComment(asked: string, models: string[], branch: string): string {
  return (
    `No retrain: ${markdownCode(asked)} is not a model in \`modelkeeper.yml\` on ${markdownCode(branch)}, ` +
    `which defines ${modelList(models)}. Ask again with \`/retrain <model> [reason]\`.`
  );
}

export function whichModelComment(models: string[], branch: string): string {
  return (
    `No retrain: which model? \`modelkeeper.yml\` on ${markdownCode(branch)} defines ${modelList(models)}. ` +
    "Ask again with `/retrain <model> [reason]`."
  );
}

export function configMissingComment(branch: string): string {
  return (
    `No retrain: there is no \`modelkeeper.yml\` at the root of ${markdownCode(branch)}. ` +
    "Add one (see the README's Config section), then ask again."
  );
}

export function configInvalidComment(message: string, branch: string): string {
  return `No retrain: \`modelkeeper.yml\` on ${markdownCode(branch)} is not valid.\n\n${codeBlock(message)}\n\nFix it on ${markdownCode(branch)}, then ask again.`;
}

export function mergedComment(model: string, pull: PullLink, mergeCommit: string | null): string {
  const commit = mergeCommit ? ` (merge commit ${mergeCommit.slice(0, 7)})` : "";
  return `#${pull.number} was merged${commit}: ${markdownCode(model)} is retrained.`;
}

export function driftClosedComment(model: string, pull: PullLink): string {
  return `Closing: the retrain of ${markdownCode(model)} for this drift was merged in #${pull.number}.`;
}

/** A fenced block that the text cannot close: the fence is longer than any backtick run in it. */
export function codeBlock(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${text}\n${fence}`;
}
