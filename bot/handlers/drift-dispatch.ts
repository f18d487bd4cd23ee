/**
 * repository_dispatch `modelkeeper-drift` from the drift command (payload: dispatch-payload.ts).
 * Sending a dispatch takes write access, so the sender needs no further check.
 */
import type { Context } from "probot";
import { DRIFT_DISPATCH_EVENT_TYPE, parseDriftDispatchPayload } from "../dispatch-payload.ts";
import { requestRetrain } from "../services/request-retrain.ts";
import { type HandlerServices, logOutcome, isoSeconds, repoTarget } from "./context.ts";

export async function onDriftDispatch(
  context: Context<"repository_dispatch">,
  services: HandlerServices,
): Promise<void> {
  const { action, client_payload: clientPayload, sender, repository } = context.payload;
  if (action !== DRIFT_DISPATCH_EVENT_TYPE)
    return context.log.debug(`dispatch type ${action} is not ${DRIFT_DISPATCH_EVENT_TYPE}`);
  const parsed = parseDriftDispatchPayload(clientPayload);
  if ("problem" in parsed) {
    context.log.warn(`Ignored a ${DRIFT_DISPATCH_EVENT_TYPE} dispatch: ${parsed.problem}`);
    return;
  }
  const { model, summary, report_url: reportUrl, issue_number: issueNumber } = parsed.payload;

  const outcome = await requestRetrain(
    context.octokit,
    repoTarget(repository),
    {
      trigger: "drift-dispatch",
      model,
      requestedBy: sender.login,
      requestedAt: isoSeconds(services.now()),
      requestIssue: issueNumber,
      driftIssue: issueNumber,
      drift: { summary, reportUrl },
      requestUrl: issueNumber ? `${repository.html_url}/issues/${issueNumber}` : reportUrl,
      key: issueNumber ? `issue-${issueNumber}` : `dispatch-${context.id}`,
    },
    { login: sender.login, proven: true },
    services,
  );
  logOutcome(context.log, outcome);
}
