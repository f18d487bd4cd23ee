/**
 * The bot inside a workflow (docs/bot.md, "Run it as a workflow"): handles the event that started
 * the job, then exits. Exit 0 when handled, 1 when a handler failed, 2 on a setup error.
 */
import * as core from "@actions/core";
import { isUserError } from "../src/errors.ts";
import { runInWorkflow } from "./actions-adapter.ts";
import { retrainBot } from "./index.ts";

try {
  await runInWorkflow(retrainBot({ runsIn: "workflow" }), process.env);
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error));
  process.exitCode = isUserError(error) ? 2 : 1;
}
