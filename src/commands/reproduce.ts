import { copyFile, mkdir, stat, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import type { Git } from "../git/git.ts";
import { readBlob } from "../git/blob.ts";
import { dirname, isAbsolute, join } from "node:path";
import { defineCommand, type CommandResult } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { resolveCommit } from "../git/git.ts";
import { findRecord } from "../provenance/find-record.ts";
import { withWorktree } from "../git/worktree.ts";
import type { RecordLine } from "../provenance/note-line.ts";
import { hashFiles } from "../provenance/hash-files.ts";
import { runShellCommand } from "../provenance/run-command.ts";
import { noRecordError } from "../provenance/find-record.ts";
import { sectionChange } from "../provenance/config-section.ts";
import { readRecordedInputs, type RecordedInputs } from "../provenance/record-inputs.ts";
import { loadConfig } from "../config/load.ts";
import { renderReproduceText, renderReproduceMarkdown, type ReproduceModelResult } from "../report/reproduce-report.ts";
import { isUserError, UserError } from "../errors.ts";
import type { ModelConfig } from "../config/types.ts";
import { compareArtifactMetrics } from "../gate/compare-artifacts.ts";
import { objectAt } from "../git/revisions.ts";

export const reproduceCommand = defineCommand({
  name: "reproduce",
  summary: "rebuild a commit's model from its recorded inputs in a clean worktree and compare",
  usage: "reproduce [--commit REV] [--timeout MINUTES]",
  options: {
    commit: { type: "string", value: "REV", description: "commit whose model to rebuild (default: HEAD)" },
    timeout: {
      type: "string",
      value: "MINUTES",
      description: "stop the train command after this long (default: reproduce.timeout_minutes, 60)",
    },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    const rev = values.commit ?? "HEAD";
    const commit = await resolveCommit(git, rev);
    const results: ReproduceModelResult[] = [];
    for (const model of workspace.models) {
      const found = await findRecord(git, model, commit, context.warn);
      if (!found) throw await noRecordError(git, model.name, rev, commit);
      const { record } = found;
      const recorded = await readRecordedInputs(git, record, `record of ${model.name} on ${found.commit.slice(0, 12)}`);
      const timeoutMinutes = values.timeout !== undefined ? Number(values.timeout) : model.reproduce.timeout_minutes;
      if (!(timeoutMinutes > 0))
        throw new UserError(`--timeout ${values.timeout}: expected a number of minutes greater than 0.`);
      results.push(
        await withWorktree(git, commit, async (dir) => {
          // The train command is the commit's own (its config in its tree), never one a note names:
          // whoever can push refs/notes/* must not choose what a maintainer's reproduce executes.
          const own = await modelAtCommit(dir, workspace.config.relativePath, model.name, commit);
          if (record.train !== undefined && record.train !== own.train) {
            context.warn(
              `${model.name}: the note's recorded train command differs from the one in ${commit.slice(0, 12)}'s ${workspace.config.relativePath}; running the commit's own and reporting the note's`,
            );
          }
          context.log(
            `reproduce: rebuilding ${model.name} at ${commit.slice(0, 12)} with \`${own.train}\` (from ${workspace.config.relativePath} at that commit) in a clean worktree`,
          );
          // The yardstick is the artifact git holds at the commit, not the hash a note claims for it.
          const committed = await committedArtifact(git, commit, record.artifact.path);
          if (committed && committed.sha256 !== record.artifact.sha256) {
            context.warn(
              `${model.name}: the record names ${record.artifact.path} with sha256 ${record.artifact.sha256.slice(0, 12)}, but ${commit.slice(0, 12)} holds ${committed.sha256.slice(0, 12)}: comparing with the committed artifact`,
            );
          }
          const result = await rebuild(
            dir,
            root,
            own.model,
            record,
            recorded,
            own.train,
            timeoutMinutes * 60_000,
            context.env,
            committed,
            context.signal,
          );
          const noteTrain =
            record.train !== undefined && record.train !== own.train
              ? { noteTrain: record.train, noteTrainDiffers: true }
              : {};
          return {
            ...result,
            trainFrom: `${workspace.config.relativePath} at ${commit}`,
            recordCommit: found.commit,
            recordRelation: found.relation,
            ...noteTrain,
          };
        }),
      );
    }
    const ok = results.every((r) => r.reproduced);
    const data = { commit, reproduced: ok, models: results };
    return {
      exitCode: ok ? 0 : 1,
      data,
      text: renderReproduceText(data),
      markdown: renderReproduceMarkdown(data),
      outputs: { reproduced: String(ok), commit },
    };
  },
});

/** The model's section of the config as committed in the worktree at `commit`, with its train command. */
async function modelAtCommit(
  dir: string,
  configFile: string,
  name: string,
  commit: string,
): Promise<{ model: ModelConfig; train: string }> {
  if (isAbsolute(configFile)) {
    throw new UserError(
      `${configFile}: reproduce reads the train command from the config committed at the commit, so the config must be inside the repository. Pass a repository-relative --config.`,
    );
  }
  const config = await loadConfig(join(dir, configFile), dir);
  const model = config.models.find((m) => m.name === name);
  if (!model)
    throw new UserError(
      `${configFile} at ${commit.slice(0, 12)} has no model "${name}", so reproduce has no train command to run for it. Reproduce a commit whose config defines it.`,
      { file: configFile },
    );
  if (!model.train)
    throw new UserError(
      `${configFile} at ${commit.slice(0, 12)}: models.${name}.train is not set, so the model cannot be rebuilt. Add \`train:\` to the config and commit it.`,
      { file: configFile, key: `models.${name}.train` },
    );
  return { model, train: model.train };
}

async function rebuild(
  dir: string,
  root: string,
  model: ModelConfig,
  record: RecordLine,
  recorded: RecordedInputs,
  train: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
  committed: { sha256: string; bytes: Buffer } | undefined,
  signal?: AbortSignal,
): Promise<ReproduceModelResult> {
  const expected = committed?.sha256 ?? record.artifact.sha256;
  const base = {
    model: model.name,
    train,
    expected,
    ...(committed && committed.sha256 !== record.artifact.sha256 ? { noteArtifact: record.artifact.sha256 } : {}),
  };
  // Inputs kept outside git (large data) are brought in from the working copy, but only when
  // their bytes are exactly the recorded ones.
  const inputs = {
    ...recorded.inputs.data,
    ...recorded.inputs.code,
    ...recorded.inputs.config,
    ...recorded.inputs.lockfiles,
  };
  const present = await filterExisting(dir, Object.keys(inputs));
  const absent = Object.keys(inputs).filter((p) => !present.includes(p));
  if (absent.length) {
    const { hashes } = await hashFiles(root, await filterExisting(root, absent));
    for (const path of absent) {
      if (hashes.get(path)?.sha256 !== inputs[path]) {
        throw new UserError(
          `${path}: recorded as an input of ${model.name} but not in git at this commit, and the working copy ${hashes.has(path) ? "differs from the recorded bytes" : "has no such file"}. ` +
            `Restore it (e.g. dvc pull or git lfs pull) to the recorded version, then run reproduce again.`,
          { file: path },
        );
      }
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await copyFile(join(root, path), join(dir, path));
    }
  }
  const { hashes: inputHashes } = await hashFiles(dir, Object.keys(inputs));
  const inputMismatches = Object.entries(inputs)
    .filter(([path, sha]) => inputHashes.get(path)?.sha256 !== sha)
    .map(([path]) => path);
  for (const change of sectionChange(model, recorded)) {
    inputMismatches.push(`${change.path} (keys ${(change.keys ?? []).map((k) => k.key).join(", ")})`);
  }
  if (inputMismatches.length) {
    return {
      ...base,
      reproduced: false,
      reason: `the commit's files differ from its record (recorded from a modified working tree?): ${inputMismatches.join(", ")}`,
    };
  }

  const run = await runShellCommand(train, { cwd: dir, env, timeoutMs, signal });
  if (run.timedOut)
    return {
      ...base,
      reproduced: false,
      reason: `the train command timed out after ${Math.round(timeoutMs / 60000)} min`,
      output: run.tail,
    };
  if (run.code !== 0)
    return {
      ...base,
      reproduced: false,
      reason: `the train command failed (exit ${run.code ?? run.signal})`,
      output: run.tail,
    };
  const artifactPath = join(dir, record.artifact.path);
  if (!(await stat(artifactPath).catch(() => undefined))) {
    return { ...base, reproduced: false, reason: `the train command did not write ${record.artifact.path}` };
  }
  const { hashes } = await hashFiles(dir, [record.artifact.path]);
  const actual = hashes.get(record.artifact.path)!.sha256;
  if (actual === expected) return { ...base, actual, reproduced: true, identical: true, durationMs: run.durationMs };

  // Many exporters embed ids or timestamps: fall back to held-out metrics within tolerance.
  const recordedArtifact = join(dir, ".modelkeeper-recorded-artifact.onnx");
  if (committed) await writeFile(recordedArtifact, committed.bytes);
  else await copyRecordedArtifact(root, record, recordedArtifact);
  let metrics: Awaited<ReturnType<typeof compareArtifactMetrics>>;
  try {
    metrics = await compareArtifactMetrics(model, recordedArtifact, artifactPath, dir);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return {
      ...base,
      actual,
      reproduced: false,
      identical: false,
      durationMs: run.durationMs,
      reason: `the rebuilt artifact's bytes differ, and its held-out metrics could not be compared: ${error.message}`,
    };
  }
  const within =
    metrics.length > 0 && metrics.every((m) => Math.abs(m.rebuilt - m.recorded) <= model.reproduce.tolerance);
  return {
    ...base,
    actual,
    identical: false,
    durationMs: run.durationMs,
    metrics,
    tolerance: model.reproduce.tolerance,
    reproduced: within,
    reason: within
      ? "bytes differ, but every held-out metric is within tolerance"
      : "bytes differ and held-out metrics differ beyond tolerance",
  };
}

async function filterExisting(dir: string, paths: string[]): Promise<string[]> {
  const exists = await Promise.all(
    paths.map((p) =>
      stat(join(dir, p)).then(
        (s) => s.isFile(),
        () => false,
      ),
    ),
  );
  return paths.filter((_, i) => exists[i]);
}

/** The artifact's bytes as committed at `commit`, when git holds them there (not, e.g., a DVC-tracked file). */
async function committedArtifact(
  git: Git,
  commit: string,
  path: string,
): Promise<{ sha256: string; bytes: Buffer } | undefined> {
  const blob = await objectAt(git, commit, path);
  if (blob === undefined) return undefined;
  const bytes = await readBlob(git, blob);
  return { sha256: createHash("sha256").update(bytes).digest("hex"), bytes };
}

/** Without the artifact in git, the working copy's file stands in for it when it has the recorded bytes. */
async function copyRecordedArtifact(root: string, record: RecordLine, target: string): Promise<void> {
  const { hashes } = await hashFiles(root, await filterExisting(root, [record.artifact.path]));
  if (hashes.get(record.artifact.path)?.sha256 === record.artifact.sha256) {
    await copyFile(join(root, record.artifact.path), target);
    return;
  }
  throw new UserError(
    `${record.artifact.path}: the recorded artifact (sha256 ${record.artifact.sha256.slice(0, 12)}) is not in the working copy, so its metrics cannot be compared. Check out the recorded commit's artifact.`,
  );
}
