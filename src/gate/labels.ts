import type { Column, Table } from "../data/table.ts";
import type { ModelConfig, Task } from "../config/types.ts";
import { UserError } from "../errors.ts";

/** What the config says about the label column. */
export interface LabelRules {
  task: Task;
  /** The label column. */
  label: string;
  /** models.<name>.classes: the label value of each probability column, in column order. */
  classes?: readonly string[];
  /** models.<name>.positive: the label value that means the positive class (binary). */
  positive?: string;
  /** "models.fraud", to name the keys to set in messages. */
  configKey: string;
}

/** What one model says about its classes. */
export interface ModelClasses {
  /** For messages: "challenger (working tree)". */
  source: string;
  /** The model's own class labels in probability-column order (ONNX classlabels_*), if it has them. */
  classLabels?: readonly string[];
  /** Probability columns the model outputs (multiclass). */
  classCount?: number;
}

export interface EncodedLabels {
  /** binary: 0/1; multiclass: the probability column of each row's class; regression: the target. */
  values: Float64Array;
  /** The label value of each class index (classification), for reports. */
  classes?: string[];
}

/**
 * The label column as the numbers the metrics take, mapped through what the model means by its
 * columns. A class list comes from the config (`classes:`) or the model (classlabels_*); they must
 * agree. Without one, multiclass labels must be class indices 0..C-1 that include 0 (so 1, 2, 3
 * is refused instead of being read as indices, off by one), or C distinct texts (sorted, as
 * scikit-learn orders classes_). Binary labels are 0/1, true/false, or `positive:` against the
 * rest. Anything the model does not know is an error naming the value and the row.
 *
 * Example: wine labels 1, 2, 3 with classes [1, 2, 3]: label 2 → column 1.
 */
export function encodeLabels(table: Table, rules: LabelRules, models: readonly ModelClasses[]): EncodedLabels {
  const column = table.columns.find((c) => c.name === rules.label);
  if (!column) {
    throw new UserError(
      `${table.source}: no label column "${rules.label}". Columns there: ${table.columns.map((c) => c.name).join(", ")}. Fix ${rules.configKey}.label in the config.`,
      {
        file: table.source,
        column: rules.label,
      },
    );
  }
  const texts = labelTexts(table, column, rules);
  if (rules.task === "regression") {
    if (column.kind !== "numeric")
      throw new UserError(`${table.source}: label "${rules.label}" must be numeric for a regression model.`, {
        file: table.source,
        column: rules.label,
      });
    return { values: Float64Array.from(column.values) };
  }
  const classes = classListOf(rules, models);
  return rules.task === "binary"
    ? encodeBinary(table, rules, texts, classes)
    : encodeMulticlass(table, rules, texts, classes, models);
}

/** A model config's label rules. */
export function labelRules(model: Pick<ModelConfig, "name" | "task" | "label" | "classes" | "positive">): LabelRules {
  return {
    task: model.task,
    label: model.label,
    classes: model.classes,
    positive: model.positive,
    configKey: `models.${model.name}`,
  };
}

/** The configured features, or every column but the label in file order. */
export function featuresOf(table: Table, label: string, configured: string[] | undefined): string[] {
  return configured ?? table.columns.map((c) => c.name).filter((name) => name !== label);
}

/** Each row's label as text ("1" for the number 1), refusing missing labels. */
function labelTexts(table: Table, column: Column, rules: LabelRules): string[] {
  const texts = new Array<string>(table.rowCount);
  const missing: number[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    if (column.kind === "numeric") {
      const v = column.values[i];
      if (!Number.isFinite(v)) missing.push(i);
      texts[i] = String(v);
    } else {
      const code = column.codes[i];
      if (code < 0) missing.push(i);
      texts[i] = code < 0 ? "" : column.categories[code];
    }
  }
  if (missing.length) {
    throw new UserError(
      `${table.source}: column "${rules.label}" has ${missing.length} missing or non-finite label(s) (first at data row ${missing[0] + 1}). Remove those rows from the held-out set or fill the labels.`,
      { file: table.source, column: rules.label },
    );
  }
  return texts;
}

/** The class list the config and the models agree on, or undefined when none of them has one. */
function classListOf(rules: LabelRules, models: readonly ModelClasses[]): readonly string[] | undefined {
  // The schema refuses [1, 1] but not [1, "1"], which are the same label once read from a file.
  const repeated = rules.classes?.find((c, i) => rules.classes!.indexOf(c) !== i);
  if (repeated !== undefined) {
    throw new UserError(
      `${rules.configKey}.classes names ${JSON.stringify(repeated)} twice (a number and its text are the same label). List each class once.`,
      {
        key: `${rules.configKey}.classes`,
      },
    );
  }
  let agreed: { classes: readonly string[]; source: string } | undefined = rules.classes && {
    classes: rules.classes,
    source: `${rules.configKey}.classes`,
  };
  for (const model of models) {
    if (!model.classLabels) continue;
    if (!agreed) agreed = { classes: model.classLabels, source: `the ${model.source}'s class labels` };
    else if (!sameList(agreed.classes, model.classLabels)) {
      throw new UserError(
        `${agreed.source} ${JSON.stringify(agreed.classes)} and the ${model.source}'s class labels ${JSON.stringify(model.classLabels)} disagree: ` +
          `the probability columns would mean different classes. Export the models with the same classes, in the same order, and make ${rules.configKey}.classes match them.`,
        { key: `${rules.configKey}.classes` },
      );
    }
  }
  return agreed?.classes;
}

function encodeBinary(
  table: Table,
  rules: LabelRules,
  texts: string[],
  classes: readonly string[] | undefined,
): EncodedLabels {
  if (classes && classes.length !== 2) {
    throw new UserError(
      `the class list ${JSON.stringify(classes)} has ${classes.length} classes; a binary model has 2. Set task: multiclass, or fix ${rules.configKey}.classes.`,
      {
        key: `${rules.configKey}.classes`,
      },
    );
  }
  if (rules.positive !== undefined && classes && classes[1] !== rules.positive) {
    throw new UserError(
      `${rules.configKey}.positive is ${JSON.stringify(rules.positive)}, but the model's probability of the positive class (column 1) is for ${JSON.stringify(classes[1])} (classes ${JSON.stringify(classes)}). ` +
        `Set positive: ${classes[1]}, or re-export the model.`,
      { key: `${rules.configKey}.positive` },
    );
  }
  // A model whose classes are 0 and 1 means what natural labels mean: keep true/false working.
  const positive = rules.positive ?? (classes && !sameList(classes, ["0", "1"]) ? classes[1] : undefined);
  const values = new Float64Array(texts.length);
  if (positive === undefined) {
    for (let i = 0; i < texts.length; i++) {
      const v = NATURAL_BINARY.get(texts[i].toLowerCase());
      if (v === undefined) {
        throw new UserError(
          `${table.source}: label "${rules.label}" is ${JSON.stringify(texts[i])} at data row ${i + 1}; binary labels must be 0/1 or true/false. ` +
            `If ${JSON.stringify(texts[i])} names a class, set ${rules.configKey}.positive to the value that means the positive class (e.g. positive: ${texts[i]}).`,
          { file: table.source, column: rules.label },
        );
      }
      values[i] = v;
    }
    return { values, classes: ["0", "1"] };
  }
  let negative = classes?.[0];
  for (let i = 0; i < texts.length; i++) {
    if (texts[i] === positive) values[i] = 1;
    else if (negative === undefined || texts[i] === negative) {
      negative = texts[i];
      values[i] = 0;
    } else {
      throw new UserError(
        `${table.source}: label "${rules.label}" is ${JSON.stringify(texts[i])} at data row ${i + 1}, a third class besides ${JSON.stringify(negative)} and the positive ${JSON.stringify(positive)}. ` +
          `A binary model knows two classes: fix the row, or set task: multiclass.`,
        { file: table.source, column: rules.label },
      );
    }
  }
  return { values, classes: [negative ?? `not ${positive}`, positive] };
}

const NATURAL_BINARY = new Map([
  ["0", 0],
  ["1", 1],
  ["false", 0],
  ["true", 1],
]);

function encodeMulticlass(
  table: Table,
  rules: LabelRules,
  texts: string[],
  classes: readonly string[] | undefined,
  models: readonly ModelClasses[],
): EncodedLabels {
  const columns = models.find((m) => m.classCount !== undefined)?.classCount;
  for (const model of models) {
    if (model.classCount !== undefined && model.classCount !== columns) {
      throw new UserError(
        `the models output ${columns} and ${model.classCount} probability columns (${model.source}): they do not predict the same classes.`,
      );
    }
  }
  const values = new Float64Array(texts.length);
  if (classes) {
    if (columns !== undefined && classes.length !== columns) {
      throw new UserError(
        `the class list ${JSON.stringify(classes)} has ${classes.length} classes but the model outputs ${columns} probability columns. Fix ${rules.configKey}.classes.`,
        {
          key: `${rules.configKey}.classes`,
        },
      );
    }
    const index = new Map(classes.map((c, i) => [c, i]));
    for (let i = 0; i < texts.length; i++) {
      const k = index.get(texts[i]);
      if (k === undefined) {
        throw new UserError(
          `${table.source}: label "${rules.label}" is ${JSON.stringify(texts[i])} at data row ${i + 1}, a class the model does not know (its classes: ${JSON.stringify(classes)}). ` +
            `Fix the row, or retrain the model with that class.`,
          { file: table.source, column: rules.label },
        );
      }
      values[i] = k;
    }
    return { values, classes: [...classes] };
  }
  const distinct = [...new Set(texts)];
  const numeric = table.columns.find((c) => c.name === rules.label)!.kind === "numeric";
  const advice = `Set ${rules.configKey}.classes to the label value of each probability column, in column order (e.g. classes: [1, 2, 3]), or export the model with its class labels.`;
  if (numeric) {
    const numbers = distinct.map(Number);
    const bad = numbers.find((v) => !Number.isInteger(v) || v < 0 || (columns !== undefined && v >= columns));
    if (bad !== undefined || !numbers.includes(0)) {
      const row = bad === undefined ? -1 : texts.indexOf(String(bad));
      throw new UserError(
        `${table.source}: the labels of "${rules.label}" (${summarise(numbers.sort((a, b) => a - b))}) cannot be read as the model's column indices 0..${columns === undefined ? "C" : columns - 1}` +
          `${row >= 0 ? ` (data row ${row + 1} has ${texts[row]})` : ", and without class 0 they may be 1-based"}, and the model has no class labels. ${advice}`,
        { file: table.source, column: rules.label },
      );
    }
    for (let i = 0; i < texts.length; i++) values[i] = Number(texts[i]);
    return { values, classes: Array.from({ length: columns ?? Math.max(...numbers) + 1 }, (_, k) => String(k)) };
  }
  const sorted = distinct.sort();
  if (columns !== undefined && sorted.length !== columns) {
    throw new UserError(
      `${table.source}: "${rules.label}" has ${sorted.length} distinct classes (${summarise(sorted)}) but the model outputs ${columns} probability columns and has no class labels, so which column is which class cannot be known. ${advice}`,
      { file: table.source, column: rules.label },
    );
  }
  const index = new Map(sorted.map((c, i) => [c, i]));
  for (let i = 0; i < texts.length; i++) values[i] = index.get(texts[i])!;
  return { values, classes: sorted };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function summarise(values: ReadonlyArray<string | number>): string {
  const shown = values
    .slice(0, 8)
    .map((v) => JSON.stringify(v))
    .join(", ");
  return values.length > 8 ? `${shown}, … ${values.length} in all` : shown;
}

/**
 * One label at a time, for labels that arrive as a stream (serve's POST /v2/models/{model}/labels),
 * by encodeLabels' rules where a stream allows them: binary 0/1 or true/false, or `positive:`
 * against one other value (the first other value seen is the negative, as in a file; a third is
 * refused) or against classes[0] when `classes:` is set; multiclass a value of `classes:`, or
 * without it a class index 0, 1, … (text needs `classes:`: a stream has no "all values" to sort);
 * regression a finite number. Returns the encoded value, or a sentence saying what is wrong and
 * which key to set. Stateful only in the binary negative it has learnt.
 */
export function labelEncoder(rules: LabelRules): (text: string) => number | { problem: string } {
  const { task, classes, positive, configKey } = rules;
  if (task === "regression") {
    return (text) => {
      const v = text.trim() === "" ? NaN : Number(text);
      return Number.isFinite(v)
        ? v
        : { problem: `${JSON.stringify(text)} is not a finite number (a regression label is the target value)` };
    };
  }
  if (task === "multiclass") {
    if (classes) {
      const index = new Map(classes.map((c, i) => [c, i]));
      return (text) =>
        index.get(text) ?? {
          problem: `${JSON.stringify(text)} is a class the model does not know (its classes: ${JSON.stringify(classes)})`,
        };
    }
    return (text) => {
      const v = Number(text);
      return text.trim() !== "" && Number.isInteger(v) && v >= 0
        ? v
        : {
            problem: `${JSON.stringify(text)} is not a class index 0, 1, …; set ${configKey}.classes to the label value of each probability column to send class names`,
          };
    };
  }
  const positiveText = positive ?? (classes && !sameList(classes, ["0", "1"]) ? classes[1] : undefined);
  if (positiveText === undefined) {
    return (text) =>
      NATURAL_BINARY.get(text.toLowerCase()) ?? {
        problem: `${JSON.stringify(text)} is not a binary label (0/1 or true/false); if it names a class, set ${configKey}.positive to the value that means the positive class`,
      };
  }
  let negative = classes?.[0];
  return (text) => {
    if (text === positiveText) return 1;
    if (negative === undefined) negative = text;
    return text === negative
      ? 0
      : {
          problem: `${JSON.stringify(text)} is a third class besides ${JSON.stringify(negative)} and the positive ${JSON.stringify(positiveText)}; a binary model knows two classes`,
        };
  };
}
