/**
 * Answers of an issue opened from a GitHub issue form. GitHub writes each field as
 * "### <label>\n\n<answer>" and an empty optional answer as "_No response_".
 * Example: "### Model\n\nfraud\n\n### Why\n\nnew data" -> Map { "model" => "fraud", "why" => "new data" }.
 */
export function parseIssueForm(body: string | null | undefined): Map<string, string> {
  const answers = new Map<string, string>();
  const text = String(body ?? "").replace(/\r\n?/g, "\n");
  const sections = text.split(/^### +/m).slice(1);
  for (const section of sections) {
    const newline = section.indexOf("\n");
    const label = (newline < 0 ? section : section.slice(0, newline)).trim().toLowerCase();
    const answer = newline < 0 ? "" : section.slice(newline + 1).trim();
    if (label && !answers.has(label)) answers.set(label, answer === "_No response_" ? "" : answer);
  }
  return answers;
}

/** The labels of examples/ISSUE_TEMPLATE/retrain.yml's fields. */
export const RETRAIN_FORM_FIELDS = { model: "model", reason: "why" } as const;

/** Model and reason from the retrain form; the model falls back to the title's "Retrain: <model>". */
export function retrainFormAnswers(
  title: string,
  body: string | null | undefined,
): { model?: string; reason?: string } {
  const answers = parseIssueForm(body);
  const fromForm = answers.get(RETRAIN_FORM_FIELDS.model)?.split(/\s+/)[0];
  const fromTitle = /^\s*retrain:?\s+(\S+)\s*$/i.exec(title)?.[1];
  const model = fromForm || fromTitle;
  const reason = answers.get(RETRAIN_FORM_FIELDS.reason);
  return { ...(model ? { model } : {}), ...(reason ? { reason } : {}) };
}
