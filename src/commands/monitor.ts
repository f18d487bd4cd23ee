import { defineCommand, type CommandResult } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { readTables, type Column, type Table } from "../data/index.ts";
import { expandInputs } from "../data/expand-inputs.ts";
import type { ModelConfig } from "../config/types.ts";
import { encodeLabels, labelRules } from "../gate/labels.ts";
import { joinByRequestId, type LabelJoin } from "../monitor/join-labels.ts";
import { liveQuality, type LiveOutcomes, type ModelLiveQuality } from "../monitor/live-quality.ts";
import { CLASS_COLUMN, LOGGED_PREDICTION } from "../monitor/prediction-columns.ts";
import { renderLiveQualityMarkdown, renderLiveQualityText } from "../report/live-quality-report.ts";
import { UserError } from "../errors.ts";
import { withoutProfiles } from "../monitor/profile-current.ts";

/** The log's request id and model columns, as `serve` writes them. */
const LOG_ID = "_id";
const LOG_MODEL = "_model";

export const monitorCommand = defineCommand({
  name: "monitor",
  summary: "live quality: join labels that came back to the prediction log and judge the metrics against the floors",
  usage: "monitor --log PATH... --labels PATH... [--id COLUMN]",
  options: {
    log: {
      type: "string",
      multiple: true,
      value: "PATH",
      description: "the prediction log (files, folders or globs; JSON Lines as `serve` writes it, CSV or Parquet)",
    },
    labels: {
      type: "string",
      multiple: true,
      value: "PATH",
      description: "the labels that came back: the request id column and the model's label column",
    },
    id: {
      type: "string",
      value: "COLUMN",
      description: `the request id column in the labels (default ${LOG_ID}, as in the log)`,
    },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const logPatterns = values.log ?? [];
    const labelPatterns = values.labels ?? [];
    if (!logPatterns.length || !labelPatterns.length)
      throw new UserError(
        "monitor needs --log PATH (the prediction log) and --labels PATH (the labels that came back, with the request id).",
      );
    const idColumn = values.id ?? LOG_ID;
    // serve.profile writes its profiles beside the log: they are not log rows.
    const { files: logPaths, left } = await withoutProfiles(await expandInputs(context.cwd, logPatterns, "--log"));
    if (left > 0) context.log(`monitor: left out ${left} window profile file(s) in --log: they hold no request ids`);
    const labelPaths = await expandInputs(context.cwd, labelPatterns, "--labels");

    const results: ModelLiveQuality[] = [];
    for (const model of workspace.models) {
      const output = model.task === "multiclass" ? CLASS_COLUMN : LOGGED_PREDICTION;
      context.log(
        `monitor: ${model.name}: reading the log (${logPaths.length} file(s)) and the labels (${labelPaths.length} file(s))`,
      );
      const log = await readSome(
        logPaths,
        [LOG_ID, LOG_MODEL, output],
        {
          [LOG_ID]: "categorical",
          [LOG_MODEL]: "categorical",
          ...(model.task === "multiclass" ? { [output]: "categorical" } : {}),
        },
        [LOG_ID, output],
        "--log",
      );
      const labels = await readSome(
        labelPaths,
        [idColumn, model.label],
        { [idColumn]: "categorical" },
        [idColumn, model.label],
        "--labels",
      );
      const logIds = idsOf(log, LOG_ID, modelFilter(log, model.name));
      const join = joinByRequestId(logIds, idsOf(labels, idColumn));
      const result: ModelLiveQuality = {
        model: model.name,
        logRows: logIds.filter((id) => id !== undefined).length,
        labelled: join.logRows.length,
        unlabelled: join.unlabelled,
        unmatchedLabels: join.unmatched,
      };
      if (join.logRows.length > 0) {
        result.quality = liveQuality(outcomesOf(model, log, labels, join), {
          threshold: model.evaluate.threshold,
          confidence: model.evaluate.confidence,
          floors: model.evaluate.min_value,
        });
      } else {
        context.warn(
          `${model.name}: no log row has a label yet (${result.logRows} log rows, ${labels.rowCount} label rows, joined on ${idColumn}): nothing to judge.`,
        );
      }
      results.push(result);
    }

    const breached = results.some((r) => r.quality?.breached.length);
    return {
      exitCode: breached ? 1 : 0,
      data: { breached, models: results },
      text: results.map(renderLiveQualityText).join("\n"),
      markdown: results.map(renderLiveQualityMarkdown).join("\n"),
      outputs: {
        breached: String(breached),
        "breached-models": results
          .filter((r) => r.quality?.breached.length)
          .map((r) => r.model)
          .join(","),
      },
    };
  },
});

async function readSome(
  paths: string[],
  wanted: string[],
  types: Record<string, "categorical">,
  required: string[],
  option: string,
): Promise<Table> {
  // The files are read whole, then narrowed to the columns used (the log's `_model` is optional).
  // A day of a busy server's log belongs to drift's streaming path: not streamed here yet.
  const table = await readTables(paths, { types });
  for (const name of required) {
    if (!table.columns.some((c) => c.name === name)) {
      throw new UserError(
        `${option} ${paths.join(", ")}: no column "${name}". Columns there: ${table.columns
          .map((c) => c.name)
          .slice(0, 20)
          .join(", ")}.`,
        { file: paths[0], column: name },
      );
    }
  }
  return { ...table, columns: table.columns.filter((c) => wanted.includes(c.name)) };
}

/** Rows of this model only, when the log names models (one log may hold several). */
function modelFilter(log: Table, model: string): ((row: number) => boolean) | undefined {
  const column = log.columns.find((c) => c.name === LOG_MODEL);
  if (!column || column.kind !== "categorical") return undefined;
  const code = column.categories.indexOf(model);
  return (row) => column.codes[row] === code;
}

function idsOf(table: Table, name: string, keep?: (row: number) => boolean): Array<string | undefined> {
  const column = table.columns.find((c) => c.name === name)!;
  return Array.from({ length: table.rowCount }, (_, row) => (keep && !keep(row) ? undefined : text(column, row)));
}

function text(column: Column, row: number): string | undefined {
  if (column.kind === "categorical") return column.codes[row] < 0 ? undefined : column.categories[column.codes[row]];
  return Number.isNaN(column.values[row]) ? undefined : String(column.values[row]);
}

function outcomesOf(model: ModelConfig, log: Table, labels: Table, join: LabelJoin): LiveOutcomes {
  const picked: Table = {
    ...labels,
    rowCount: join.labelRows.length,
    columns: labels.columns.map((c) => pickRows(c, join.labelRows)),
  };
  const { values } = encodeLabels(picked, labelRules(model), []);
  const output = log.columns.find((c) => c.name === (model.task === "multiclass" ? CLASS_COLUMN : LOGGED_PREDICTION))!;
  if (model.task === "multiclass") {
    const classes =
      output.kind === "categorical"
        ? Float64Array.from(join.logRows, (row) =>
            output.codes[row] < 0 ? NaN : Number(output.categories[output.codes[row]]),
          )
        : new Float64Array();
    return { task: "multiclass", labels: values, predictedClasses: classes };
  }
  if (output.kind !== "numeric")
    throw new UserError(
      `--log: the "${LOGGED_PREDICTION}" column holds text, not the model's ${model.task === "binary" ? "score" : "value"}.`,
      { column: LOGGED_PREDICTION },
    );
  const predictions = Float64Array.from(join.logRows, (row) => output.values[row]);
  return model.task === "binary"
    ? { task: "binary", labels: values, scores: predictions }
    : { task: "regression", targets: values, predictions };
}

function pickRows(column: Column, rows: Int32Array): Column {
  if (column.kind === "numeric") return { ...column, values: Float64Array.from(rows, (r) => column.values[r]) };
  return { ...column, codes: Int32Array.from(rows, (r) => column.codes[r]) };
}
