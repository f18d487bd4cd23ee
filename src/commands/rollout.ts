import type { Command, CommandResult } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { readRolloutHistory } from "../rollout/record.ts";
import { renderRolloutStatusText, summarizeRollouts } from "../rollout/status.ts";
import { UserError } from "../errors.ts";

/** `rollout status`: the rollouts serve recorded in the notes (what served, when, why it stopped). A report: exit 0. */
export const rolloutCommand: Command = {
  name: "rollout",
  summary: "rollout status: the canaries serve rolled out, from the notes: what served, when, why it stopped",
  usage: "rollout status [--model NAME]",
  subcommands: ["status"],
  options: {},
  async run(context, values): Promise<CommandResult> {
    // The Action has no subcommand input: there, "rollout" means "rollout status".
    if ((values.subcommand ?? "status") !== "status")
      throw new UserError(
        `rollout: unknown subcommand ${JSON.stringify(values.subcommand)}. Use: modelkeeper rollout status [--model NAME].`,
      );
    const workspace = await openWorkspace(context, values);
    const selected = typeof values.model === "string" ? workspace.models[0].name : undefined;
    const history = await readRolloutHistory(workspace.git, selected);
    const rollouts = summarizeRollouts(history.lines);
    const models = selected
      ? [selected]
      : [...new Set([...workspace.models.map((m) => m.name), ...rollouts.map((r) => r.model)])];
    const data = { models, rollouts, ignored: history.ignored };
    for (const i of history.ignored) context.warn(`rollout line on ${i.commit.slice(0, 12)} ignored: ${i.problem}`);
    const serving = rollouts.filter((r) => r.state === "running").length;
    return {
      exitCode: 0,
      data,
      text: renderRolloutStatusText(data),
      outputs: {
        rollouts: String(rollouts.length),
        reverted: String(rollouts.filter((r) => r.state === "reverted").length),
        running: String(serving),
      },
    };
  },
};
