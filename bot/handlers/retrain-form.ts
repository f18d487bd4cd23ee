/**
 * An issue opened from the retrain form (examples/ISSUE_TEMPLATE/retrain.yml), recognised by its
 * label `modelkeeper-retrain`; also when a maintainer adds the label later, or the author edits
 * the form's answers (say, to fix the model's name after the bot's reply).
 */
import type { Context } from "probot";
import { DRIFT_LABEL, RETRAIN_LABEL, hasLabel } from "../labels.ts";
import { retrainFormAnswers } from "../parse/issue-form.ts";
import { requestRetrain } from "../services/request-retrain.ts";
import { type HandlerServices, logOutcome, repoTarget } from "./context.ts";

export async function onRetrainFormIssue(
  context: Context<"issues.opened" | "issues.edited" | "issues.labeled">,
  services: HandlerServices,
): Promise<void> {
  const { issue, sender, repository } = context.payload;
  if (!hasLabel(issue.labels, RETRAIN_LABEL)) return context.log.debug("not a retrain request issue");
  if (hasLabel(issue.labels, DRIFT_LABEL)) return context.log.debug("a drift issue: handled as one");
  if (context.payload.action === "labeled" && context.payload.label?.name.toLowerCase() !== RETRAIN_LABEL) {
    return context.log.debug("another label was added");
  }
  if (issue.state !== "open") return context.log.debug("request issue is closed");
  const answers = retrainFormAnswers(issue.title, issue.body);

  const outcome = await requestRetrain(
    context.octokit,
    repoTarget(repository),
    {
      trigger: "issue-form",
      ...answers,
      requestedBy: sender.login,
      requestedAt: issue.updated_at,
      requestIssue: issue.number,
      requestUrl: issue.html_url,
      key: `issue-${issue.number}`,
    },
    { login: sender.login, type: sender.type },
    services,
  );
  logOutcome(context.log, outcome);
}
