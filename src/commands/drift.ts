import { extname, join, relative } from "node:path";
import { defineCommand, type CommandContext, type CommandResult } from "./command.ts";
import { openWorkspace } from "./workspace.ts";
import { readTables } from "../data/index.ts";
import { expandInputs } from "../data/expand-inputs.ts";
import { dataFormat } from "../data/data-format.ts";
import { expandPaths } from "../provenance/expand-paths.ts";
import type { Column, NumericColumn, Table } from "../data/table.ts";
import type { ColumnType } from "../data/column-builder.ts";
import type { ModelConfig } from "../config/types.ts";
import { loadModel, closeModel, type ModelHandle } from "../model/runner.ts";
import {
  assessSummaries,
  monitoredColumns,
  summarizeReference,
  type DriftAssessment,
} from "../stats/drift/assess-drift.ts";
import type { ColumnSummary, NumericSummary } from "../stats/drift/column-summary.ts";
import { DEFAULT_PSI_BINS } from "../stats/drift/psi.ts";
import { ColumnPool } from "../monitor/column-pool.ts";
import type { ColumnMetrics } from "../monitor/column-jobs.ts";
import { withPredictions, SCORE_COLUMN, CLASS_COLUMN, LOGGED_PREDICTION } from "../monitor/prediction-columns.ts";
import { summarizeWindowFiles } from "../monitor/window-from-files.ts";
import { profileWindow, splitProfiles } from "../monitor/profile-current.ts";
import { countUnscored, unscoredNote, type UnscoredRows } from "../monitor/unscored-rows.ts";
import { createRandom } from "../stats/numeric/random.ts";
import { renderDriftMarkdown, type DriftReportInput } from "../report/drift-markdown.ts";
import { renderDriftHtml } from "../report/drift-html.ts";
import { histogramOf, type Histogram } from "../report/histogram.ts";
import { githubFromEnv, repoFromEnv } from "../github/client.ts";
import { sendDriftDispatch, upsertDriftIssue, type DriftDispatchPayload } from "../github/drift-issue.ts";
import { isUserError, UserError } from "../errors.ts";
import { insideRepository } from "../repo-boundary.ts";
import type { Git } from "../git/git.ts";
import { findRecord } from "../provenance/find-record.ts";
import { readProfile, PROFILES_REF } from "../monitor/reference-profile.ts";
import { isDriftProfile, type DriftProfile } from "../stats/drift/profile.ts";
import { headCommit } from "../git/revisions.ts";
import { openDuckdb, type DuckdbSession } from "../data/duckdb.ts";
import { engineFor, parseEngine, windowFacts, sqlCurrent, type EngineChoice } from "../monitor/drift-engine.ts";
import { duckdbSourceRelation, summarizeWindowDuckdb, type DuckdbSource } from "../monitor/duckdb-window.ts";
import { driftStatements, sqlDialect, userRelation, type DriftStatement } from "../monitor/sql/drift-queries.ts";
import { readStatementResults, windowFromStatementResults } from "../monitor/statement-results.ts";

interface ModelDrift {
  model: string;
  drifted: boolean;
  predictionDrift: boolean;
  predictionNote?: string;
  assessment: DriftAssessment;
  issue?: { number: number; url: string; action: string };
  dispatched: boolean;
}

/**
 * Fewer current rows than this and drift is not judged: with a handful of rows no test can tell a
 * shift from chance, so "no drift" would fail open (one row never says "no drift").
 */
const MIN_WINDOW_ROWS = 30;

export const driftCommand = defineCommand({
  name: "drift",
  summary: "input and prediction drift of a production window against the reference (training) data",
  usage:
    "drift --current PATH...|duckdb:TABLE|duckdb:SELECT...|DIALECT:TABLE [--reference PATH] [--engine auto|js|duckdb] [--print-sql DIALECT | --sql-results FILE...] [--issue] [--dispatch]",
  options: {
    current: {
      type: "string",
      multiple: true,
      value: "PATH",
      description:
        "the production window: files, folders or globs (CSV, JSON Lines, Parquet); repeat for several. Or duckdb:TABLE / duckdb:SELECT … (with --duckdb-database FILE)",
    },
    engine: {
      type: "string",
      value: "ENGINE",
      description:
        "who reads the window: auto (default: duckdb for windows of 1 GiB of files or more when @duckdb/node-api is installed), js, duckdb",
    },
    "duckdb-database": {
      type: "string",
      value: "FILE",
      description: "the DuckDB database file a --current duckdb:TABLE or duckdb:SELECT reads (opened read-only)",
    },
    "print-sql": {
      type: "string",
      value: "DIALECT",
      description:
        "print the SQL that computes the window's numbers (duckdb, spark, bigquery, snowflake, clickhouse) instead of judging it",
    },
    "sql-results": {
      type: "string",
      multiple: true,
      value: "FILE",
      description:
        "with --current DIALECT:…, judge the window from the results of the --print-sql statements, run in that warehouse and saved as CSV (with header), JSON Lines or Parquet; repeat for several",
    },
    reference: {
      type: "string",
      multiple: true,
      value: "PATH",
      description: "reference data (default: drift.reference, else data.train)",
    },
    issue: {
      type: "boolean",
      description: "when drift is found, open the model's drift issue (label drift) or update the open one",
    },
    dispatch: {
      type: "boolean",
      description: "when drift is found, send repository_dispatch modelkeeper-drift for the retrain bot",
    },
  },
  async run(context, values): Promise<CommandResult> {
    const workspace = await openWorkspace(context, values);
    const currentPatterns = values.current ?? [];
    if (!currentPatterns.length)
      throw new UserError("drift needs --current PATH: the production window (prediction log) to check.");
    const sqlSource = sqlCurrent(currentPatterns);
    const printSql = typeof values["print-sql"] === "string" ? sqlDialect(values["print-sql"]) : undefined;
    const resultPatterns = (values["sql-results"] as string[] | undefined) ?? [];
    if (resultPatterns.length && !sqlSource)
      throw new UserError(
        "--sql-results reads back the results of the statements --print-sql prints for --current DIALECT:TABLE (or DIALECT:SELECT …); name that window with --current.",
      );
    if (resultPatterns.length && printSql)
      throw new UserError("--print-sql prints the statements; --sql-results reads their results back: one at a time.");
    if (resultPatterns.length && values.engine)
      throw new UserError("--sql-results: the warehouse computed the window's numbers; leave out --engine.");
    if (sqlSource && sqlSource.dialect !== "duckdb" && printSql?.name !== sqlSource.dialect && !resultPatterns.length)
      throw new UserError(
        `--current ${sqlSource.dialect}:…: drift connects to no ${sqlSource.dialect} itself. Print the SQL with --print-sql ${sqlSource.dialect}, run it there, and pass the results with --sql-results FILE (see the README's drift section).`,
      );
    if (sqlSource && printSql && printSql.name !== sqlSource.dialect)
      throw new UserError(`--print-sql ${printSql.name} with --current ${sqlSource.dialect}:…: name the same dialect.`);
    if (sqlSource?.dialect === "duckdb" && values.engine === "js")
      throw new UserError("--current duckdb:… is read by DuckDB; leave out --engine js.");
    const expanded = sqlSource ? [] : await expandInputs(context.cwd, currentPatterns, "--current");
    // Window profiles (serve.profile) are found by content; beside log files they would count
    // the same rows twice, so then the logs are the window.
    const split = await splitProfiles(expanded);
    const profiles = split.files.length ? [] : split.profiles;
    if (split.files.length && split.profiles.length)
      context.log(
        `drift: left out ${split.profiles.length} window profile(s) among the --current files: the logs beside them hold the same rows (pass only the profile-*.json files to judge the profiles)`,
      );
    if (profiles.length && values.engine === "duckdb")
      throw new UserError("--current names window profiles, which drift merges itself; leave out --engine duckdb.");
    if (profiles.length && printSql)
      throw new UserError("--print-sql needs a window of rows (files or a table), not window profiles.");
    const currentPaths = profiles.length ? [] : split.files;
    const currentSource = sqlSource
      ? `${sqlSource.dialect}:${sqlSource.text.trim()}`
      : profiles.length
        ? profiles.map((p) => p.path).join(", ")
        : currentPaths.join(", ");
    let session: DuckdbSession | undefined;
    const duckdb = async () => (session ??= await openDuckdb(values["duckdb-database"] as string | undefined));
    const sqlTexts: string[] = [];
    const printed: Array<Pick<DriftStatement, "id" | "kind" | "column" | "sql"> & { model: string }> = [];
    const sqlResults = resultPatterns.length
      ? await readStatementResults(await expandInputs(context.cwd, resultPatterns, "--sql-results"))
      : undefined;
    const usedResults = new Set<string>();

    const results: ModelDrift[] = [];
    const markdowns: string[] = [];
    const htmls: string[] = [];
    const pool = new ColumnPool();
    try {
      for (const model of workspace.models) {
        const types = model.drift.types;
        const stored =
          !values.reference && model.drift.profile ? await storedProfile(workspace.git, model, context) : undefined;
        const referencePaths = stored
          ? []
          : values.reference
            ? await expandInputs(context.cwd, values.reference, "--reference")
            : (
                await expandPaths(
                  workspace.root,
                  model.drift.reference ?? model.data.train,
                  `models.${model.name}.drift.reference`,
                )
              ).map((p) => join(workspace.root, p));
        const handle = await openModel(model, workspace.root);
        try {
          let ref: Table | DriftProfile;
          let note = handle.note;
          let referenceUnscored: UnscoredRows = { count: 0 };
          if (stored) ref = stored.profile;
          else {
            context.log(`drift: ${model.name}: reading the reference (${referencePaths.length} file(s))`);
            ref = await readTables(referencePaths, { types });
            if (handle.score) {
              try {
                ref = await handle.score(ref);
                referenceUnscored = countUnscored(ref);
              } catch (error) {
                if (!isUserError(error)) throw error;
                context.warn(`${model.name}: prediction drift skipped: ${error.message}`);
                note = `Input drift only: the model could not score the data (${error.message.split("\n")[0]}).`;
                handle.score = undefined;
              }
            }
          }
          const features = model.drift.features ?? model.features;
          const referenceNames = ref.columns.map((c) => c.name);
          const referencePredictions = [SCORE_COLUMN, CLASS_COLUMN].filter((name) => referenceNames.includes(name));
          const monitored = monitoredColumns(referenceNames, {
            features,
            exclude: [model.label],
            predictions: referencePredictions,
          });
          const referenceSide = summarizeReference(ref, {
            ready: isDriftProfile(ref) ? undefined : await summarizeNumericColumns(pool, ref, monitored),
          });
          // Read the window with the reference's kinds for monitored columns (a text value in a
          // numeric column is then an error naming its line), drift.types overriding both.
          const summaries = new Map<string, ColumnSummary>();
          const readTypes: Record<string, ColumnType> = {};
          for (const [name] of monitored) {
            const summary = referenceSide.columns.get(name)?.();
            if (!summary) continue;
            summaries.set(name, summary);
            if (name !== SCORE_COLUMN && name !== CLASS_COLUMN) readTypes[name] = summary.kind;
          }
          Object.assign(readTypes, types);
          if (printSql) {
            const statements = printedStatements(printSql.name, sqlSource, currentPaths, summaries);
            sqlTexts.push(printedSql(model.name, printSql.name, statements));
            printed.push(
              ...statements.map(({ id, kind, column, sql }) => ({ model: model.name, id, kind, column, sql })),
            );
            continue;
          }
          const setting = parseEngine(values.engine as string | undefined, model.drift.engine);
          let choice: EngineChoice = sqlSource
            ? { engine: "duckdb", why: "--current duckdb:…" }
            : profiles.length
              ? { engine: "js", why: "window profiles" }
              : engineFor(setting, await windowFacts(currentPaths));
          const source: DuckdbSource = sqlSource
            ? { kind: "relation", text: sqlSource.text }
            : { kind: "files", format: choice.format ?? "csv", paths: currentPaths };
          // DuckDB does not run the model: `auto` keeps prediction drift by staying in JS when the
          // window logged no prediction; an explicit --engine duckdb judges the inputs only.
          if (!sqlSource && !profiles.length && setting === "auto" && choice.engine === "duckdb" && handle.score) {
            const seen = await (await duckdb()).columnsOf(duckdbSourceRelation(source));
            if (!seen.includes(LOGGED_PREDICTION))
              choice = {
                engine: "js",
                why: `${choice.why}, but the model must score the window (no logged prediction)`,
              };
          }
          context.log(
            `drift: ${model.name}: reading the current window (${sqlSource ? currentSource : profiles.length ? `${profiles.length} window profile(s)` : `${currentPaths.length} file(s)`}) ${sqlResults ? `from ${sqlSource!.dialect}'s results (--sql-results)` : `with the ${choice.engine} engine (${choice.why})`}`,
          );
          const window = sqlResults
            ? windowFromStatementResults(
                printedStatements(sqlSource!.dialect, sqlSource, currentPaths, summaries, usedResults),
                sqlResults,
                summaries,
                sqlSource!.dialect,
                referencePredictions.length
                  ? `Input drift only: the window's numbers came back from ${sqlSource!.dialect} (--sql-results), which does not run the model.`
                  : undefined,
              )
            : profiles.length
              ? {
                  ...profileWindow(profiles, summaries, {
                    model: model.name,
                    classThreshold:
                      model.task === "binary" && referencePredictions.length ? model.evaluate.threshold : undefined,
                  }),
                  unscored: { count: 0 },
                  scoringNote: undefined,
                }
              : choice.engine === "duckdb"
                ? await summarizeWindowDuckdb(
                    await duckdb(),
                    source,
                    summaries,
                    {
                      wanted: referencePredictions.length > 0,
                      classThreshold: model.task === "binary" ? model.evaluate.threshold : undefined,
                    },
                    context.log,
                  )
                : await summarizeWindowFiles(currentPaths, summaries, {
                    types: readTypes,
                    score: handle.score,
                    log: context.log,
                    sampleFor: values["report-html"] ? seededRandom() : undefined,
                    pool,
                  });
          if (window.rowCount === 0)
            throw new UserError(
              `--current: the window ${currentPatterns.join(", ")} has no rows. Check the log export.`,
            );
          if (window.rowCount < MIN_WINDOW_ROWS) {
            throw new UserError(
              `--current: the window ${currentPatterns.join(", ")} has ${window.rowCount} row(s), too few rows to judge drift (at least ${MIN_WINDOW_ROWS}): a verdict of "no drift" would mean nothing. Pass a longer window.`,
            );
          }
          note ??= window.scoringNote;
          const monitoredInputs = [...summaries.keys()].filter(
            (name) => name !== SCORE_COLUMN && name !== CLASS_COLUMN,
          );
          const display = (file: string) => relative(context.cwd, file);
          const unscoredNotes = [
            isDriftProfile(ref)
              ? undefined
              : await unscoredNote(
                  "reference",
                  referenceUnscored,
                  ref.rowCount,
                  referencePaths,
                  monitoredInputs,
                  display,
                ),
            await unscoredNote("window", window.unscored, window.rowCount, currentPaths, monitoredInputs, display),
          ].filter((n): n is string => n !== undefined);
          if (unscoredNotes.length) note = [note, ...unscoredNotes].filter(Boolean).join(" ");
          const predictions = referencePredictions.filter((name) => window.columns.has(name));
          const kindChanged = [...window.kindChanges.keys()];
          if (kindChanged.length)
            throw new UserError(
              `--current: ${kindChanged.map((c) => JSON.stringify(c)).join(", ")} changed type in the window (${currentSource}); set drift.types for them.`,
            );
          const currentSide = {
            source: currentSource,
            rowCount: window.rowCount,
            columns: new Map([...window.columns].map(([name, summary]) => [name, () => summary])),
          };
          const assessment = assessSummaries(referenceSide, currentSide, {
            metrics: await measureNumericColumns(pool, summaries, window.columns),
            features,
            exclude: [model.label],
            predictions,
            alpha: model.drift.alpha,
            effectThresholds: {
              ...(model.drift.thresholds.wasserstein !== undefined
                ? { numeric: model.drift.thresholds.wasserstein }
                : {}),
              ...(model.drift.thresholds.jensenshannon !== undefined
                ? { categorical: model.drift.thresholds.jensenshannon }
                : {}),
              ...(model.drift.thresholds.missing !== undefined ? { missing: model.drift.thresholds.missing } : {}),
            },
          });
          const input: DriftReportInput = {
            model: model.name,
            assessment,
            predictionNote: note,
            reference: stored
              ? `profile of ${stored.profile.source} (${stored.commit.slice(0, 12)})`
              : referencePaths.map((p) => relative(workspace.root, p)).join(", "),
            current: sqlSource ? [currentSource] : currentPaths.map((p) => relative(context.cwd, p)),
          };
          const markdown = renderDriftMarkdown(input);
          markdowns.push(markdown);
          // The HTML report (with its histograms) only when asked for: the window keeps a sample for it.
          if (values["report-html"])
            htmls.push(
              renderDriftHtml(input, isDriftProfile(ref) ? new Map() : histograms(ref, window.samples, assessment)),
            );
          const result: ModelDrift = {
            model: model.name,
            drifted: assessment.drifted,
            predictionDrift: assessment.predictionDrifted,
            predictionNote: note,
            assessment,
            dispatched: false,
          };
          if (assessment.drifted && (values.issue || values.dispatch))
            await notify(context, values, model.name, markdown, assessment, result);
          results.push(result);
        } finally {
          await handle.close();
        }
      }
    } finally {
      await pool.close();
      session?.close();
    }
    const unused = [...(sqlResults?.keys() ?? [])].filter((id) => !usedResults.has(id));
    if (unused.length)
      context.warn(
        `--sql-results: left out the rows of ${unused.length} statement(s) drift does not print for this window and reference (${unused
          .slice(0, 3)
          .map((id) => `${id} in ${relative(context.cwd, sqlResults!.get(id)!.file)}`)
          .join(", ")}${unused.length > 3 ? ", …" : ""}): results of an older print or another reference`,
      );
    if (printSql)
      return {
        exitCode: 0,
        data: { dialect: printSql.name, sql: sqlTexts, statements: printed },
        text: sqlTexts.join("\n\n"),
        outputs: {},
      };
    const drifted = results.some((r) => r.drifted);
    return {
      exitCode: drifted ? 1 : 0,
      data: { drifted, models: results },
      text: results.map(textSummary).join("\n"),
      markdown: markdowns.join("\n"),
      html: htmls[0],
      outputs: {
        drifted: String(drifted),
        "drifted-models": results
          .filter((r) => r.drifted)
          .map((r) => r.model)
          .join(","),
        "drifted-columns": results.flatMap((r) => r.assessment.driftedColumns.map((c) => `${r.model}:${c}`)).join(","),
        issues: results
          .filter((r) => r.issue)
          .map((r) => String(r.issue!.number))
          .join(","),
      },
    };
  },
});

/**
 * The statements that compute a model's window numbers in `dialect` (drift --print-sql, and what
 * --sql-results must hold the results of): the window is the --current table or query of that
 * dialect, or its files read the dialect's way. `used` collects their ids.
 */
function printedStatements(
  dialect: string,
  current: { text: string } | undefined,
  paths: readonly string[],
  references: ReadonlyMap<string, ColumnSummary>,
  used?: Set<string>,
): DriftStatement[] {
  const sql = sqlDialect(dialect);
  const formats = new Set(paths.map((p) => extname(p).toLowerCase()));
  if (!current && formats.size > 1)
    throw new UserError("--print-sql: the window mixes file formats; print one format at a time.");
  const source = current
    ? userRelation(sql, current.text)
    : duckdbSourceRelation({ kind: "files", format: dataFormat(paths[0]), paths }, sql);
  const columns = [...references]
    .filter(([name]) => name !== SCORE_COLUMN && name !== CLASS_COLUMN)
    .map(([name, summary]) =>
      summary.kind === "numeric"
        ? { name, kind: summary.kind, sortedValues: summary.sortedValues, psiEdges: summary.psi?.edges }
        : { name, kind: summary.kind },
    );
  const statements = driftStatements(sql, source, columns);
  for (const statement of statements) used?.add(statement.id);
  return statements;
}

/** The statements as --print-sql prints them: each with a comment saying what it computes. */
function printedSql(model: string, dialect: string, statements: readonly DriftStatement[]): string {
  return [
    `-- modelkeeper drift: model ${JSON.stringify(model).replaceAll("\n", " ")}, ${dialect} SQL, ${statements.length} statements.`,
    `-- Save each result with its header row (CSV, JSON Lines or Parquet) and judge them with drift --sql-results FILE...`,
    ...statements.map(
      (s) =>
        `-- ${s.kind === "rows" ? "rows of the window" : `${s.kind} column ${JSON.stringify(s.column).replaceAll("\n", " ")}`}\n${s.sql};`,
    ),
  ].join("\n");
}

/** The reference's monitored numeric columns summarized on the column pool, by name. */
async function summarizeNumericColumns(
  pool: ColumnPool,
  reference: Table,
  monitored: readonly [string, unknown][],
): Promise<Map<string, ColumnSummary>> {
  const names = new Set(monitored.map(([name]) => name));
  const columns = reference.columns.filter((c): c is NumericColumn => c.kind === "numeric" && names.has(c.name));
  const summaries = await pool.summarize(columns, DEFAULT_PSI_BINS);
  return new Map(columns.map((c, i) => [c.name, summaries[i]]));
}

/** The numeric tests of every column whose window values were kept, on the column pool. */
async function measureNumericColumns(
  pool: ColumnPool,
  references: ReadonlyMap<string, ColumnSummary>,
  window: ReadonlyMap<string, ColumnSummary>,
): Promise<Map<string, ColumnMetrics>> {
  const pairs: { name: string; reference: NumericSummary; current: NumericSummary }[] = [];
  for (const [name, current] of window) {
    const reference = references.get(name);
    if (reference?.kind === "numeric" && current.kind === "numeric" && !current.measured)
      pairs.push({ name, reference, current });
  }
  const metrics = await pool.measure(pairs);
  return new Map(pairs.map((p, i) => [p.name, metrics[i]]));
}

/** The profile `record` stored with the record of the working tree's artifact, if any. */
async function storedProfile(
  git: Git,
  model: ModelConfig,
  context: CommandContext,
): Promise<{ profile: DriftProfile; commit: string } | undefined> {
  const found = await findRecord(git, model, await headCommit(git), context.warn);
  const line = found?.record.profile ? await readProfile(git, found.commit, model.name) : undefined;
  if (!line) {
    context.log(
      `drift: ${model.name}: drift.profile is on but no stored profile was found for this artifact (run record, and fetch ${PROFILES_REF}); reading the raw reference data`,
    );
    return undefined;
  }
  context.log(
    `drift: ${model.name}: using the reference profile stored on ${found!.commit.slice(0, 12)} (${line.profile.rowCount} rows)`,
  );
  return { profile: line.profile, commit: found!.commit };
}

interface OpenModel {
  /** Adds the model's outputs to a table; undefined when the model cannot be loaded. */
  score?: (table: Table) => Promise<Table>;
  /** Why there is no scoring, for the report. */
  note?: string;
  close(): Promise<void>;
}

/** Loads the working tree's artifact to score both sides, or says why it cannot. */
async function openModel(model: ModelConfig, root: string): Promise<OpenModel> {
  let handle: ModelHandle;
  try {
    handle = await loadModel(insideRepository(root, model.artifact, `models.${model.name}.artifact`));
  } catch (error) {
    if (!isUserError(error)) throw error;
    return {
      note: `Input drift only: the model could not be loaded to score the data (${error.message.split("\n")[0]}).`,
      close: async () => {},
    };
  }
  let features: string[] | undefined;
  return {
    score: (table) => {
      features ??=
        model.features ?? table.columns.map((c) => c.name).filter((n) => n !== model.label && n !== LOGGED_PREDICTION);
      return withPredictions(table, handle, model, features);
    },
    close: () => closeModel(handle),
  };
}

/** A fixed seed: the report's histogram sample is the same on every run over the same window. */
function seededRandom(): () => number {
  const random = createRandom(20240601);
  return () => random.nextFloat();
}

function histograms(
  reference: Table,
  samples: ReadonlyMap<string, Column>,
  assessment: DriftAssessment,
): Map<string, Histogram> {
  const out = new Map<string, Histogram>();
  for (const column of assessment.columns) {
    const a = reference.columns.find((c) => c.name === column.name);
    const b = samples.get(column.name);
    const h = a && b ? histogramOf(a, b) : undefined;
    if (h) out.set(column.name, h);
  }
  return out;
}

async function notify(
  context: CommandContext,
  values: Record<string, unknown>,
  model: string,
  markdown: string,
  assessment: DriftAssessment,
  result: ModelDrift,
): Promise<void> {
  const github = githubFromEnv(context.env, context.warn);
  if (!github)
    throw new UserError("drift --issue/--dispatch needs GITHUB_TOKEN (the Action passes its github-token input).");
  const repo = repoFromEnv(context.env);
  if (values.issue) result.issue = await upsertDriftIssue(github, repo, model, markdown);
  if (values.dispatch) {
    const runUrl = context.env.GITHUB_RUN_ID
      ? `${context.env.GITHUB_SERVER_URL ?? "https://github.com"}/${repo.owner}/${repo.repo}/actions/runs/${context.env.GITHUB_RUN_ID}`
      : undefined;
    const payload: DriftDispatchPayload = {
      model,
      summary: `${assessment.driftedColumns.length} of ${assessment.columns.length} monitored columns drifted: ${assessment.driftedColumns.slice(0, 8).join(", ")}`,
      drifted_columns: assessment.driftedColumns.slice(0, 50),
      ...(result.issue ? { issue_number: result.issue.number } : {}),
      ...(result.issue ? { report_url: result.issue.url } : runUrl ? { report_url: runUrl } : {}),
    };
    await sendDriftDispatch(github, repo, payload);
    result.dispatched = true;
  }
}

function textSummary(r: ModelDrift): string {
  const a = r.assessment;
  const lines = [
    `${r.model}: ${r.drifted ? `DRIFT in ${a.driftedColumns.length} of ${a.columns.length} monitored columns` : "no drift"} (reference ${a.reference.rowCount} rows, current ${a.current.rowCount} rows)`,
  ];
  if (r.predictionNote) lines.push(`  ${r.predictionNote}`);
  for (const c of a.columns.slice(0, 12))
    lines.push(
      `  ${c.drifted ? "DRIFT" : "ok   "} ${c.role === "prediction" ? "[prediction] " : ""}${c.name}: ${c.reason}`,
    );
  if (a.columns.length > 12) lines.push(`  … ${a.columns.length - 12} more (see --json or --report-html)`);
  if (r.issue) lines.push(`  issue #${r.issue.number} ${r.issue.action}: ${r.issue.url}`);
  if (r.dispatched) lines.push("  sent repository_dispatch modelkeeper-drift");
  return lines.join("\n");
}
