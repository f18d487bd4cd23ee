/**
 * Starts the server for one model: loads and warms the champion, listens, watches for a new
 * champion (poll and `reload()`, which SIGHUP calls), and shuts down in order: readiness off,
 * in-flight requests answered, log flushed, models released. Used by the serve command and the
 * demo; signals are the command's business.
 */
import { Server as NetServer, type AddressInfo } from "node:net";
import type { Git } from "../git/git.ts";
import { readTextAt } from "../git/blob.ts";
import type { Config, ModelConfig } from "../config/types.ts";
import { parseConfig } from "../config/parse.ts";
import { UserError } from "../errors.ts";
import { AdmissionGate } from "./admission.ts";
import { currentChampion, fetchChampion, noChampionError, type ChampionRef } from "./champion-source.ts";
import { ActiveRequests, createServeServer } from "./http-server.ts";
import { Lifecycle } from "./lifecycle.ts";
import { RESERVED_NAMES } from "./log-record.ts";
import { ServeMetrics } from "./metrics.ts";
import { ModelSlots } from "./model-slots.ts";
import { PredictionLog } from "./prediction-log.ts";
import { threadFormatter } from "./log-formatter.ts";
import { ProfileWriter } from "./profile-writer.ts";
import { loadServedModel, releaseServedModel, type ServedModel } from "./served-model.ts";
import type { ServeSettings } from "./settings.ts";
import type { RolloutPlan } from "../rollout/plan.ts";
import { ServeRollout, type TransitionListener } from "../rollout/serve-rollout.ts";
import type { RolloutVerdict } from "../rollout/verdict.ts";
import { labelEncoder, labelRules } from "../gate/labels.ts";

export interface ServeOptions {
  git: Git;
  config: Config;
  model: ModelConfig;
  settings: ServeSettings;
  /** --champion REV|PATH: serve this instead of the newest champion tag. */
  champion?: string;
  /** --canary / --shadow (rollout/plan.ts): the challenger and its steps. */
  rollout?: RolloutPlan;
  /** Told about each rollout transition (GitHub deployments). */
  rolloutListeners?: TransitionListener[];
  /** Push the rollout's notes here when the repository has this remote (default origin). */
  remote?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  log(line: string): void;
  warn(line: string): void;
}

export interface RunningServer {
  url: string;
  port: number;
  metrics: ServeMetrics;
  /** The stable model (the champion) answering now. */
  current(): ServedModel;
  /** The rollout's verdict (as GET /v2/models/{model}/rollout gives it), when serving a canary or shadow. */
  rollout(): RolloutVerdict | undefined;
  /** Looks for a new champion now; resolves with what happened. */
  reload(): Promise<"unchanged" | "loaded" | "failed">;
  /** Readiness off, drain, flush, release; resolves when done (within the grace period). */
  shutdown(): Promise<{ graceful: boolean }>;
  logFiles(): readonly string[];
  /** Window profiles written (serve.profile). */
  profileFiles(): readonly string[];
}

export async function startServe(options: ServeOptions): Promise<RunningServer> {
  const { git, model, settings } = options;
  const lifecycle = new Lifecycle();
  const metrics = new ServeMetrics();
  // A tag named like a champion that promote did not make is never served; say so once per tag,
  // so whoever pushed it (or the maintainer who wonders why v99 is not live) sees why.
  const reportedTags = new Set<string>();
  const reportIgnored = (champion: ChampionRef | undefined) => {
    for (const { tag, reason } of champion?.ignored ?? []) {
      if (reportedTags.has(`${tag}\0${reason}`)) continue;
      reportedTags.add(`${tag}\0${reason}`);
      options.warn(`serve: ${tag} is not a champion modelkeeper made (${reason}): ignored, serving ${champion!.label}`);
    }
  };
  let ref = await currentChampion(git, model, options.champion, options.cwd);
  if (!ref) throw noChampionError(model);
  reportIgnored(ref);
  const first = await load(options, ref);
  metrics.setChampion(first.name, first.version, first.sha256);
  metrics.reloads.inc({ model: model.name, result: "loaded" });
  const slots = new ModelSlots(first);
  let rollout: ServeRollout | undefined;
  if (options.rollout) {
    const challengerRef = await currentChampion(git, model, options.rollout.challenger, options.cwd);
    const challenger = await loadArtifact(options, challengerRef!, options.rollout.challenger).catch(async (error) => {
      await slots.releaseAll();
      throw error;
    });
    try {
      rollout = await ServeRollout.open({
        git,
        model,
        plan: options.rollout,
        slots,
        stable: first,
        challenger: challenger.served,
        commit: challenger.commit,
        remote: options.remote ?? "origin",
        listeners: options.rolloutListeners,
        log: options.log,
        warn: options.warn,
        rememberedRequests: settings.labels.rememberedRequests,
      });
    } catch (error) {
      await releaseServedModel(challenger.served).catch(() => {});
      await slots.releaseAll();
      throw error;
    }
  }
  const profiles =
    settings.log.dir && settings.profile
      ? new ProfileWriter(
          settings.log.dir,
          model.name,
          settings.profile,
          model.task === "binary" ? model.evaluate.threshold : undefined,
          options.warn,
        )
      : undefined;
  const log = settings.log.dir
    ? new PredictionLog(
        { ...settings.log, dir: settings.log.dir },
        {
          written: (n) => metrics.logWritten.inc(n),
          dropped: (n, reason) => metrics.logDropped.inc({ reason }, n),
          sampledOut: (n) => metrics.logSkipped.inc(n),
        },
        options.warn,
        Math.random,
        Date.now,
        await threadFormatter(),
        profiles ? (batches) => profiles.add(batches) : undefined,
      )
    : undefined;
  const admission = new AdmissionGate(settings.concurrency, settings.maxQueue);
  const active = new ActiveRequests();
  const server = createServeServer({
    settings,
    lifecycle,
    slots,
    admission,
    metrics,
    log,
    active,
    warn: options.warn,
    encodeLabel: labelEncoder(labelRules(model)),
    ...(rollout ? { rollout } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new UserError(`serve: ${settings.host}:${settings.port} is in use; pick another --port.`)
          : error,
      ),
    );
    server.listen(settings.port, settings.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  lifecycle.markReady();
  options.log(
    `serve: ${first.name} ${first.version} (${first.source}, sha256 ${first.sha256.slice(0, 12)}) ready on http://${settings.host}:${port}`,
  );

  let reloading: Promise<"unchanged" | "loaded" | "failed"> | undefined;
  let reportedFailure: string | undefined;
  const reload = (): Promise<"unchanged" | "loaded" | "failed"> =>
    (reloading ??= (async () => {
      if (lifecycle.draining) return "unchanged" as const;
      const next = await currentChampion(git, model, options.champion, options.cwd).catch(() => undefined);
      reportIgnored(next);
      if (!next || next.key === ref!.key) return "unchanged" as const;
      try {
        const loaded = await load(options, next);
        if (lifecycle.draining) {
          await releaseServedModel(loaded);
          return "unchanged" as const;
        }
        slots.replaceStable(loaded);
        ref = next;
        reportedFailure = undefined;
        metrics.setChampion(loaded.name, loaded.version, loaded.sha256);
        metrics.reloads.inc({ model: model.name, result: "loaded" });
        options.log(
          `serve: now serving ${loaded.name} ${loaded.version} (${loaded.source}, sha256 ${loaded.sha256.slice(0, 12)})`,
        );
        return "loaded" as const;
      } catch (error) {
        if (reportedFailure !== next.key) {
          metrics.reloads.inc({ model: model.name, result: "failed" });
          options.warn(
            `serve: the new champion ${next.label} failed to load, still serving ${slots.stable.version}: ${(error as Error).message.split("\n")[0]}`,
          );
          reportedFailure = next.key;
        }
        return "failed" as const;
      }
    })().finally(() => (reloading = undefined)));
  const poll = settings.pollMs > 0 ? setInterval(() => void reload(), settings.pollMs) : undefined;
  poll?.unref();

  let stopping: Promise<{ graceful: boolean }> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      // Readiness is 503 from here on while the port stays open, so probes see it; new infer
      // requests are answered 503; the listener closes once the in-flight ones are answered.
      lifecycle.startDraining();
      if (poll) clearInterval(poll);
      let graceful = true;
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<void>(
        (resolve) =>
          (timer = setTimeout(() => {
            graceful = false;
            resolve();
          }, settings.gracePeriodMs)),
      );
      const drained = (async () => {
        await active.idle();
        // Stop accepting, but leave open keep-alive connections be: http.Server#close would also
        // drop idle ones, racing a request the client is writing into one. Each answers its next
        // request 503 with Connection: close, or times out idle, and the callback runs when the
        // last one has gone.
        await new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      })();
      await Promise.race([drained, expired]);
      clearTimeout(timer);
      if (!graceful) server.closeAllConnections();
      await reloading?.catch(() => {});
      await log?.close();
      await profiles?.close();
      // The rollout's last transitions (a revert) reach the notes, the remote and GitHub before exit.
      await rollout?.close();
      await slots.releaseAll();
      lifecycle.markStopped();
      return { graceful };
    })());

  return {
    url: `http://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${port}`,
    port,
    metrics,
    current: () => slots.stable,
    rollout: () => rollout?.verdict(),
    reload,
    shutdown,
    logFiles: () => log?.files ?? [],
    profileFiles: () => [...(profiles?.files ?? [])],
  };
}

/** The champion's own config (features, task) when its commit has one, else the working tree's. */
async function load(options: ServeOptions, ref: ChampionRef): Promise<ServedModel> {
  return (await loadArtifact(options, ref, options.champion)).served;
}

/**
 * One artifact loaded as serve loads the champion (its commit's config, reserved names refused,
 * onnxruntime's checks of the file and its signature, warm-up); `override` is a REV or PATH. The
 * canary and the shadow come through here too.
 */
async function loadArtifact(
  options: ServeOptions,
  ref: ChampionRef,
  override: string | undefined,
): Promise<{ served: ServedModel; commit?: string }> {
  const model = (ref.rev && (await modelConfigAt(options, ref.rev))) || options.model;
  const reserved = (model.features ?? []).filter((feature) => RESERVED_NAMES.includes(feature));
  if (reserved.length) {
    throw new UserError(
      `models.${model.name}.features: ${reserved.map((r) => `"${r}"`).join(", ")} is a name the prediction log uses for itself; rename the feature.`,
      { key: "features" },
    );
  }
  const artifact = await fetchChampion(options.git, model, ref, override, options.cwd, options.env);
  const commit = artifact.commit;
  return {
    served: await loadServedModel(model.name, artifact, model.task, model.features),
    ...(commit ? { commit } : {}),
  };
}

async function modelConfigAt(options: ServeOptions, rev: string): Promise<ModelConfig | undefined> {
  const text = await readTextAt(options.git, rev, options.config.relativePath);
  if (text === undefined) return undefined;
  try {
    return parseConfig(text, `${rev}:${options.config.relativePath}`).models.find((m) => m.name === options.model.name);
  } catch {
    return undefined;
  }
}
