import type { Command } from "./command.ts";
import { recordCommand } from "./record.ts";
import { verifyCommand } from "./verify.ts";
import { reproduceCommand } from "./reproduce.ts";
import { evaluateCommand } from "./evaluate.ts";
import { driftCommand } from "./drift.ts";
import { monitorCommand } from "./monitor.ts";
import { promoteCommand } from "./promote.ts";
import { retrainCommand } from "./retrain.ts";
import { rollbackCommand } from "./rollback.ts";
import { commentCommand } from "./comment.ts";
import { demoCommand } from "./demo.ts";
import { serveCommand } from "./serve.ts";
import { rolloutCommand } from "./rollout.ts";

/** Every command that works today, in the order --help lists them. */
export const COMMANDS: Command[] = [
  recordCommand,
  verifyCommand,
  reproduceCommand,
  evaluateCommand,
  driftCommand,
  monitorCommand,
  retrainCommand,
  promoteCommand,
  rollbackCommand,
  commentCommand,
  serveCommand,
  rolloutCommand,
  demoCommand,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
