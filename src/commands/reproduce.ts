import { copyFile, mkdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Command, CommandResult } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { resolveCommit } from "../git/git.ts";
import { findRecord } from "../provenance/find-record.ts";
import { withWorktree } from "../git/worktree.ts";
import type { RecordLine } from "../provenance/note-line.ts";
import { hashFiles } from "../provenance/hash-files.ts";
import { runShellCommand } from "../provenance/run-command.ts";
import { noRecordError } from "./verify.ts";
import { renderReproduceText, renderReproduceMarkdown, type ReproduceModelResult } from "../report/reproduce-report.ts";
import { isUserError, UserError } from "../errors.ts";
import type { ModelConfig } from "../config/types.ts";
import { compareArtifactMetrics } from "../gate/compare-artifacts.ts";

export const reproduceCommand: Command = {
  name: "reproduce",
  summary: "rebuild a commit's model from its recorded inputs in a clean worktree and compare",
  usage: "reproduce [--commit REV] [--timeout MINUTES]",
  options: {
    commit: { type: "string", value: "REV", description: "commit whose model to rebuild (default: HEAD)" },
    timeout: { type: "string", value: "MINUTES", description: "stop the train command after this long (default: reproduce.timeout_minutes, 60)" },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    const rev = (values.commit as string | undefined) ?? "HEAD";
    const commit = await resolveCommit(git, rev);
    const results: ReproduceModelResult[] = [];
    for (const model of workspace.models) {
      const found = await findRecord(git, model, commit);
      if (!found) throw await noRecordError(git, model.name, rev, commit);
      const { record } = found;
      const train = record.train ?? model.train;
      if (!train) {
        throw new UserError(`models.${model.name}.train: no train command recorded or configured, so the model cannot be rebuilt. Add \`train:\` to the config.`);
      }
      const timeoutMinutes = values.timeout !== undefined ? Number(values.timeout) : model.reproduce.timeout_minutes;
      if (!(timeoutMinutes > 0)) throw new UserError(`--timeout ${values.timeout}: expected a number of minutes greater than 0.`);
      context.log(`reproduce: rebuilding ${model.name} at ${commit.slice(0, 12)} with \`${train}\` in a clean worktree`);
      results.push(
        await withWorktree(git, commit, (dir) =>
          rebuild(dir, root, model, record, train, timeoutMinutes * 60_000, context.env, context.signal),
        ),
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
};

async function rebuild(
  dir: string,
  root: string,
  model: ModelConfig,
  record: RecordLine,
  train: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<ReproduceModelResult> {
  const base = { model: model.name, train, expected: record.artifact.sha256 };
  // Inputs kept outside git (large data) are brought in from the working copy, but only when
  // their bytes are exactly the recorded ones.
  const inputs = { ...record.inputs.data, ...record.inputs.code, ...record.inputs.config, ...record.inputs.lockfiles };
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
  if (inputMismatches.length) {
    return { ...base, reproduced: false, reason: `the commit's files differ from its record (recorded from a modified working tree?): ${inputMismatches.join(", ")}` };
  }

  const run = await runShellCommand(train, { cwd: dir, env, timeoutMs, signal });
  if (run.timedOut) return { ...base, reproduced: false, reason: `the train command timed out after ${Math.round(timeoutMs / 60000)} min`, output: run.tail };
  if (run.code !== 0) return { ...base, reproduced: false, reason: `the train command failed (exit ${run.code ?? run.signal})`, output: run.tail };
  const artifactPath = join(dir, record.artifact.path);
  if (!(await stat(artifactPath).catch(() => undefined))) {
    return { ...base, reproduced: false, reason: `the train command did not write ${record.artifact.path}` };
  }
  const { hashes } = await hashFiles(dir, [record.artifact.path]);
  const actual = hashes.get(record.artifact.path)!.sha256;
  if (actual === record.artifact.sha256) return { ...base, actual, reproduced: true, identical: true, durationMs: run.durationMs };

  // Many exporters embed ids or timestamps: fall back to held-out metrics within tolerance.
  const recorded = join(dir, ".modelkeeper-recorded-artifact.onnx");
  await copyRecordedArtifact(root, record, recorded);
  let metrics: Awaited<ReturnType<typeof compareArtifactMetrics>>;
  try {
    metrics = await compareArtifactMetrics(model, recorded, artifactPath, dir);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { ...base, actual, reproduced: false, identical: false, durationMs: run.durationMs, reason: `the rebuilt artifact's bytes differ, and its held-out metrics could not be compared: ${error.message}` };
  }
  const within = metrics.length > 0 && metrics.every((m) => Math.abs(m.rebuilt - m.recorded) <= model.reproduce.tolerance);
  return {
    ...base,
    actual,
    identical: false,
    durationMs: run.durationMs,
    metrics,
    tolerance: model.reproduce.tolerance,
    reproduced: within,
    reason: within ? "bytes differ, but every held-out metric is within tolerance" : "bytes differ and held-out metrics differ beyond tolerance",
  };
}

async function filterExisting(dir: string, paths: string[]): Promise<string[]> {
  const exists = await Promise.all(paths.map((p) => stat(join(dir, p)).then((s) => s.isFile(), () => false)));
  return paths.filter((_, i) => exists[i]);
}

async function copyRecordedArtifact(root: string, record: RecordLine, target: string): Promise<void> {
  const { hashes } = await hashFiles(root, await filterExisting(root, [record.artifact.path]));
  if (hashes.get(record.artifact.path)?.sha256 === record.artifact.sha256) {
    await copyFile(join(root, record.artifact.path), target);
    return;
  }
  throw new UserError(`${record.artifact.path}: the recorded artifact (sha256 ${record.artifact.sha256.slice(0, 12)}) is not in the working copy, so its metrics cannot be compared. Check out the recorded commit's artifact.`);
}
