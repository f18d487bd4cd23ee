import { defineCommand } from "./command.ts";
import { EVALUATE_OPTIONS, runEvaluate } from "./evaluation-run.ts";

export const evaluateCommand = defineCommand({
  name: "evaluate",
  summary:
    "challenger vs champion on the held-out set, with paired statistics and guardrails; verdict promote, reject or inconclusive",
  usage:
    "evaluate [--champion REV|PATH] [--challenger PATH | --challenger-rev REV] [--holdout FILE] [--result-file FILE] [--no-comment] [--push]",
  options: EVALUATE_OPTIONS,
  run: (context, values) => runEvaluate(context, values),
});
