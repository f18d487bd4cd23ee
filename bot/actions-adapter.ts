/**
 * Runs a Probot app inside a GitHub Actions job, without a server: the event is the one that
 * started the workflow (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH), the token is GITHUB_TOKEN (or an
 * App token put there), the API is GITHUB_API_URL. What @probot/adapter-github-actions does for
 * probot 13, for probot 14.
 */
import { readFileSync } from "node:fs";
import { Probot, type ApplicationFunction, type Logger } from "probot";
import { UserError } from "../src/errors.ts";
import { botOctokit, type BotOctokitClass } from "./octokit.ts";

export interface WorkflowRunOptions {
  Octokit?: BotOctokitClass;
  log?: Logger;
}

export interface WorkflowEvent {
  id: string;
  name: string;
  payload: Record<string, unknown>;
}

/** The workflow's event as Probot receives a webhook; a UserError says which variable is wrong. */
export function workflowEvent(env: NodeJS.ProcessEnv): WorkflowEvent {
  const name = env.GITHUB_EVENT_NAME;
  const path = env.GITHUB_EVENT_PATH;
  if (!name || !path) {
    throw new UserError(
      "GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: run the bot's workflow entry (bot/actions.ts) inside a GitHub Actions job.",
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UserError(`GITHUB_EVENT_PATH ${path}: cannot read the event payload (${(error as Error).message}).`, {
      file: path,
    });
  }
  if (!payload || typeof payload !== "object")
    throw new UserError(`GITHUB_EVENT_PATH ${path}: the event payload is not a JSON object.`, { file: path });
  // A delivery id that is the same when a job is re-run: the run and its attempt.
  const id = `${env.GITHUB_RUN_ID ?? "local"}.${env.GITHUB_RUN_ATTEMPT ?? "1"}`;
  return { id, name, payload: payload as Record<string, unknown> };
}

/** Loads the app and hands it the workflow's event; rejects if a handler failed. */
export async function runInWorkflow(
  app: ApplicationFunction,
  env: NodeJS.ProcessEnv,
  options: WorkflowRunOptions = {},
): Promise<void> {
  const githubToken = env.GITHUB_TOKEN;
  if (!githubToken) {
    throw new UserError(
      "GITHUB_TOKEN is not set. Pass it to the step: `env: { GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }} }` (or an App token).",
    );
  }
  const event = workflowEvent(env);
  const probot = new Probot({
    githubToken,
    baseUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    Octokit: options.Octokit ?? botOctokit(),
    ...(options.log ? { log: options.log } : { logLevel: logLevel(env.LOG_LEVEL) }),
  });
  const action = typeof event.payload.action === "string" ? `.${event.payload.action}` : "";
  // The job's log is the only record of a workflow run: say what arrived and how it ended (the
  // handlers log what they did in between).
  await probot.load(app);
  probot.log.info(`modelkeeper bot: ${event.name}${action} event (run ${event.id})`);
  try {
    await probot.receive(event as Parameters<Probot["receive"]>[0]);
  } catch (error) {
    probot.log.error(
      `modelkeeper bot: ${event.name}${action} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    throw error;
  }
  probot.log.info(`modelkeeper bot: ${event.name}${action} handled`);
}

function logLevel(value: string | undefined): "trace" | "debug" | "info" | "warn" | "error" | "fatal" {
  const levels = ["trace", "debug", "info", "warn", "error", "fatal"] as const;
  return levels.find((l) => l === value) ?? (process.env.RUNNER_DEBUG === "1" ? "debug" : "info");
}
