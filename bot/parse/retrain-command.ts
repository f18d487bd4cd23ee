/** `/retrain [model] [reason…]` as typed in an issue comment. */
export interface RetrainCommand {
  /** The first word after /retrain, unvalidated user text. */
  model?: string;
  /** Everything after the model: the rest of the line and the lines below it. */
  reason?: string;
}

const COMMAND = /^\/retrain(?!\S)(?:[ \t]+(\S+))?[ \t]*(.*)$/i;

/**
 * The command in a comment whose first non-blank line starts with `/retrain`, else undefined.
 * Example: "/retrain fraud new labels\nfrom March" -> { model: "fraud", reason: "new labels\nfrom March" }.
 */
export function parseRetrainCommand(body: string | null | undefined): RetrainCommand | undefined {
  const lines = String(body ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(/^\s*\n/, "")
    .split("\n");
  const match = COMMAND.exec(lines[0].trim());
  if (!match) return undefined;
  const reason = [match[2], ...lines.slice(1)].join("\n").trim();
  return { ...(match[1] ? { model: match[1] } : {}), ...(reason ? { reason } : {}) };
}
