/**
 * `/retrain [model] [reason…]` commented on an issue. Bots are ignored (the bot's own comments
 * included); the permission of the commenter is checked by the service. Without a model, a drift
 * issue's own model is used, else the config's only model.
 */
import type { Context } from "probot";
import { DRIFT_LABEL, hasLabel } from "../labels.ts";
import { driftMarkerModel } from "../parse/drift-marker.ts";
import { parseRetrainCommand } from "../parse/retrain-command.ts";
import { requestRetrain } from "../services/request-retrain.ts";
import { type HandlerServices, logOutcome, repoTarget } from "./context.ts";

export async function onRetrainComment(
  context: Context<"issue_comment.created">,
  services: HandlerServices,
): Promise<void> {
  const { comment, issue, sender, repository } = context.payload;
  if (comment.user?.type === "Bot" || sender.type === "Bot") return context.log.debug("comment by a bot");
  const command = parseRetrainCommand(comment.body);
  if (!command) return context.log.debug("not a /retrain comment");
  if (issue.pull_request) return context.log.debug("/retrain on a pull request: only issues take requests");

  const driftModel = hasLabel(issue.labels, DRIFT_LABEL) ? driftMarkerModel(issue.body) : undefined;
  const model = command.model ?? driftModel;
  const aboutDrift = driftModel !== undefined && model === driftModel;

  const outcome = await requestRetrain(
    context.octokit,
    repoTarget(repository),
    {
      trigger: "comment",
      model,
      reason: command.reason,
      requestedBy: comment.user?.login ?? sender.login,
      requestedAt: comment.created_at,
      requestIssue: issue.number,
      driftIssue: aboutDrift ? issue.number : undefined,
      drift: aboutDrift ? { summary: issue.title, reportUrl: issue.html_url } : undefined,
      requestUrl: comment.html_url,
      key: `comment-${comment.id}`,
    },
    { login: comment.user?.login ?? sender.login, type: comment.user?.type ?? sender.type },
    services,
  );
  logOutcome(context.log, outcome);
}
