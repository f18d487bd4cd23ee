// The GitHub Action (typescript-action layout): src/index.ts calls run(); @github/local-action
// imports this file and calls run() itself.
import "./ort-env.ts";
import { runAction } from "./action/run-action.ts";

/** Inputs -> the command the CLI runs -> outputs, job summary and exit status. Never throws. */
export async function run(): Promise<void> {
  await runAction();
}
