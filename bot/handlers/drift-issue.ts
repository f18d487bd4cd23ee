/**
 * An issue labelled `drift` that the drift command opened or updated (it carries the command's
 * hidden marker naming the model): ask for a retrain of that model, answered on the issue.
 */
import type { Context } from "probot";
import { DRIFT_LABEL, hasLabel } from "../labels.ts";
import { driftMarkerModel } from "../parse/drift-marker.ts";
import { requestRetrain } from "../services/request-retrain.ts";
import { type HandlerServices, logOutcome, repoTarget } from "./context.ts";

export async function onDriftIssue(
  context: Context<"issues.opened" | "issues.edited" | "issues.labeled">,
  services: HandlerServices,
): Promise<void> {
  const { issue, sender, repository } = context.payload;
  if (!hasLabel(issue.labels, DRIFT_LABEL)) return context.log.debug("not a drift issue");
  if (context.payload.action === "labeled" && context.payload.label?.name.toLowerCase() !== DRIFT_LABEL) {
    return context.log.debug("another label was added");
  }
  if (issue.state !== "open") return context.log.debug("drift issue is closed");
  const model = driftMarkerModel(issue.body);
  if (model === undefined) return context.log.debug("no drift marker: not written by the drift command");

  const outcome = await requestRetrain(
    context.octokit,
    repoTarget(repository),
    {
      trigger: "drift-issue",
      model,
      requestedBy: sender.login,
      requestedAt: issue.updated_at,
      requestIssue: issue.number,
      driftIssue: issue.number,
      drift: { summary: issue.title, reportUrl: issue.html_url },
      requestUrl: issue.html_url,
      key: `issue-${issue.number}`,
    },
    { login: sender.login, type: sender.type },
    services,
  );
  logOutcome(context.log, outcome);
}
