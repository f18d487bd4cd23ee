import type { Command, CommandResult } from "./command.ts";
import { dirname } from "node:path";
import { openWorkspace } from "./workspace.ts";
import { UserError } from "../errors.ts";
import { resolveSettings, type ServeFlags } from "../serve/settings.ts";
import { startServe } from "../serve/serve-app.ts";
import { rolloutPlan } from "../rollout/plan.ts";
import { githubDeploymentListener } from "../github/deployments.ts";

export const serveCommand: Command = {
  name: "serve",
  summary:
    "serve the champion over HTTP (Open Inference Protocol v2, Prometheus /metrics) and write the prediction log drift reads",
  usage:
    "serve [--model NAME] [--port N] [--host ADDR] [--log DIR] [--champion REV|PATH] [--canary REV|PATH [--canary-percent P] | --shadow REV|PATH]",
  options: {
    port: { type: "string", value: "N", description: "port to listen on (default 8080; 0 picks a free one)" },
    host: {
      type: "string",
      value: "ADDR",
      description: "address to listen on (default 127.0.0.1; 0.0.0.0 in a container)",
    },
    log: {
      type: "string",
      value: "DIR",
      description: "write the prediction log (JSON Lines) to this folder (default: serve.log.dir, else no log)",
    },
    champion: {
      type: "string",
      value: "REV|PATH",
      description: "serve this commit, tag or ONNX file (default: the newest modelkeeper/<model>/v<N> tag)",
    },
    canary: {
      type: "string",
      value: "REV|PATH",
      description:
        "roll this commit, tag or ONNX file out as a canary through the model's rollout.steps, reverted on ML signals (see README: rollout)",
    },
    "canary-percent": {
      type: "string",
      value: "P",
      description:
        "with --canary: analyse it at P% of requests, then answer everyone (steps [P, 100] instead of rollout.steps)",
    },
    shadow: {
      type: "string",
      value: "REV|PATH",
      description:
        "score every request with this model too, answer with the champion; reverted (no longer scored) on ML signals",
    },
    environment: {
      type: "string",
      value: "NAME",
      description:
        "with GITHUB_TOKEN and GITHUB_REPOSITORY: the GitHub environment the canary's deployment is to (default production)",
    },
    "max-body-mb": { type: "string", value: "MB", description: "largest request body (default 8); larger get 413" },
    "max-rows": { type: "string", value: "N", description: "most rows per request (default 10000); more get 413" },
    "timeout-ms": {
      type: "string",
      value: "MS",
      description: "per-request budget (default 5000): 503 if still queued, 504 if the model is still running",
    },
    concurrency: { type: "string", value: "N", description: "model runs at once (default 2)" },
    "max-queue": {
      type: "string",
      value: "N",
      description: "requests waiting for a run (default 64); more get 429 with Retry-After",
    },
    "grace-seconds": {
      type: "string",
      value: "S",
      description: "after SIGTERM, how long in-flight requests may take (default 30)",
    },
    "poll-seconds": {
      type: "string",
      value: "S",
      description: "how often to look for a new champion tag (default 30; 0: only on SIGHUP)",
    },
    "log-sample-rate": { type: "string", value: "F", description: "fraction of rows to log (default 1)" },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    if (workspace.models.length > 1) {
      throw new UserError(
        `serve serves one model; pass --model NAME (models in ${workspace.config.relativePath}: ${workspace.models.map((m) => m.name).join(", ")}).`,
      );
    }
    const flags = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === "string")) as ServeFlags;
    const plan = rolloutPlan(workspace.models[0].rollout, {
      canary: values.canary as string | undefined,
      "canary-percent": values["canary-percent"] as string | undefined,
      shadow: values.shadow as string | undefined,
    });
    const deployments = plan
      ? githubDeploymentListener({
          env: context.env,
          model: workspace.models[0].name,
          warn: context.warn,
          ...(typeof values.environment === "string" ? { environment: values.environment } : {}),
        })
      : undefined;
    // The signal handlers go in before the server starts: a SIGTERM right after "ready on" must
    // drain, not kill the process with the default action.
    let server: Awaited<ReturnType<typeof startServe>> | undefined;
    let stopRequested: NodeJS.Signals | undefined;
    let stopNow: ((signal: NodeJS.Signals) => void) | undefined;
    const early = (signal: NodeJS.Signals) => (stopNow ? stopNow(signal) : (stopRequested ??= signal));
    const hup = () => void server?.reload();
    process.on("SIGTERM", early).on("SIGINT", early).on("SIGHUP", hup);
    try {
      server = await startServe({
        git: workspace.git,
        config: workspace.config,
        model: workspace.models[0],
        settings: resolveSettings(workspace.config.serve, flags, {
          cwd: context.cwd,
          configDir: dirname(workspace.config.path),
        }),
        champion: values.champion as string | undefined,
        ...(plan ? { rollout: plan } : {}),
        ...(deployments ? { rolloutListeners: [deployments] } : {}),
        cwd: context.cwd,
        env: context.env,
        log: context.log,
        warn: context.warn,
      });
    } catch (error) {
      process.off("SIGTERM", early).off("SIGINT", early).off("SIGHUP", hup);
      throw error;
    }
    const running = server;
    // SIGTERM/SIGINT drain and exit 0; SIGHUP looks for a new champion now.
    const stopped = await new Promise<{ graceful: boolean; signal: string }>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        context.log(`serve: ${signal}: not ready any more, finishing in-flight requests`);
        process.off("SIGTERM", early).off("SIGINT", early).off("SIGHUP", hup);
        void running.shutdown().then(({ graceful }) => resolve({ graceful, signal }));
      };
      stopNow = stop;
      if (stopRequested) stop(stopRequested);
      context.signal?.addEventListener("abort", () => stop("SIGTERM"), { once: true });
    });
    const model = running.current();
    return {
      exitCode: 0,
      data: {
        model: model.name,
        version: model.version,
        graceful: stopped.graceful,
        logFiles: running.logFiles(),
        profileFiles: running.profileFiles(),
      },
      text: `serve: stopped on ${stopped.signal}${stopped.graceful ? "" : " (grace period over: remaining connections closed)"}`,
      outputs: {},
    };
  },
};
