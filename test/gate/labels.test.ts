import { test } from "node:test";
import assert from "node:assert/strict";
import { encodeLabels, labelEncoder, labelRules, type LabelRules, type ModelClasses } from "../../src/gate/labels.ts";
import type { Table } from "../../src/data/table.ts";

function numericTable(values: number[]): Table {
  return {
    source: "data/holdout.csv",
    rowCount: values.length,
    columns: [{ kind: "numeric", name: "y", values: Float64Array.from(values) }],
  };
}

function textTable(values: string[]): Table {
  const categories = [...new Set(values)];
  return {
    source: "data/holdout.csv",
    rowCount: values.length,
    columns: [
      { kind: "categorical", name: "y", categories, codes: Int32Array.from(values, (v) => categories.indexOf(v)) },
    ],
  };
}

const rules = (task: LabelRules["task"], extra: Partial<LabelRules> = {}): LabelRules => ({
  task,
  label: "y",
  configKey: "models.m",
  ...extra,
});
const model = (extra: Partial<ModelClasses> = {}): ModelClasses => ({ source: "challenger", ...extra });

interface Case {
  name: string;
  table: Table;
  rules: LabelRules;
  models: ModelClasses[];
  values?: number[];
  classes?: string[];
  error?: RegExp;
}

const cases: Case[] = [
  // Multiclass: numbers that are not column indices.
  {
    name: "wine labels 1, 2 (3 absent) through the model's classes [1, 2, 3]",
    table: numericTable([1, 2, 2, 1]),
    rules: rules("multiclass"),
    models: [model({ classLabels: ["1", "2", "3"], classCount: 3 })],
    values: [0, 1, 1, 0],
    classes: ["1", "2", "3"],
  },
  {
    name: "wine labels through a configured classes list",
    table: numericTable([3, 1]),
    rules: rules("multiclass", { classes: ["1", "2", "3"] }),
    models: [model({ classCount: 3 })],
    values: [2, 0],
  },
  {
    name: "1-based labels without a class list are refused, not read as indices",
    table: numericTable([1, 2, 2]),
    rules: rules("multiclass"),
    models: [model({ classCount: 3 })],
    error: /cannot be read as the model's column indices 0\.\.2.*1-based.*models\.m\.classes/s,
  },
  {
    name: "a label past the last column is refused, naming the row",
    table: numericTable([0, 1, 3]),
    rules: rules("multiclass"),
    models: [model({ classCount: 3 })],
    error: /data row 3 has 3/,
  },
  {
    name: "0-based indices are taken as they are",
    table: numericTable([0, 2, 1]),
    rules: rules("multiclass"),
    models: [model({ classCount: 3 })],
    values: [0, 2, 1],
    classes: ["0", "1", "2"],
  },
  {
    name: "a label the model does not know names the value and the row",
    table: numericTable([1, 4]),
    rules: rules("multiclass"),
    models: [model({ classLabels: ["1", "2", "3"], classCount: 3 })],
    error: /"4" at data row 2, a class the model does not know/,
  },
  {
    name: "config and model class lists that disagree are refused",
    table: numericTable([1]),
    rules: rules("multiclass", { classes: ["3", "2", "1"] }),
    models: [model({ classLabels: ["1", "2", "3"], classCount: 3 })],
    error: /disagree/,
  },
  {
    name: "champion and challenger with other class orders are refused",
    table: numericTable([1]),
    rules: rules("multiclass"),
    models: [model({ classLabels: ["1", "2", "3"] }), { source: "champion", classLabels: ["2", "1", "3"] }],
    error: /champion's class labels .* disagree/,
  },
  {
    name: "a class given as a number and as text is refused",
    table: numericTable([1]),
    rules: rules("multiclass", { classes: ["1", "2", "1"] }),
    models: [model({ classCount: 3 })],
    error: /models\.m\.classes names "1" twice/,
  },
  {
    name: "a class list longer than the model's columns is refused",
    table: numericTable([1]),
    rules: rules("multiclass", { classes: ["1", "2", "3", "4"] }),
    models: [model({ classCount: 3 })],
    error: /4 classes but the model outputs 3/,
  },
  {
    name: "texts naming every column are sorted as scikit-learn's classes_",
    table: textTable(["red", "blue", "green"]),
    rules: rules("multiclass"),
    models: [model({ classCount: 3 })],
    values: [2, 0, 1],
    classes: ["blue", "green", "red"],
  },
  {
    name: "texts naming fewer classes than columns are refused (sorting would shift them)",
    table: textTable(["red", "blue"]),
    rules: rules("multiclass"),
    models: [model({ classCount: 3 })],
    error: /2 distinct classes .* 3 probability columns/,
  },
  // Binary.
  { name: "0/1 numbers", table: numericTable([0, 1, 1]), rules: rules("binary"), models: [model()], values: [0, 1, 1] },
  {
    name: "true/false texts, any case",
    table: textTable(["True", "false"]),
    rules: rules("binary"),
    models: [model()],
    values: [1, 0],
  },
  {
    name: "yes/no without positive is refused and says to set it",
    table: textTable(["no", "yes"]),
    rules: rules("binary"),
    models: [model()],
    error: /"no" at data row 1.*set models\.m\.positive/s,
  },
  {
    name: "yes/no with positive: yes",
    table: textTable(["no", "yes", "yes"]),
    rules: rules("binary", { positive: "yes" }),
    models: [model()],
    values: [0, 1, 1],
    classes: ["no", "yes"],
  },
  {
    name: "positive: no really makes no the positive class",
    table: textTable(["no", "yes"]),
    rules: rules("binary", { positive: "no" }),
    models: [model()],
    values: [1, 0],
  },
  {
    name: "a third class beside positive is refused",
    table: textTable(["no", "yes", "maybe"]),
    rules: rules("binary", { positive: "yes" }),
    models: [model()],
    error: /"maybe" at data row 3, a third class/,
  },
  {
    name: "the model's classes [legit, fraud] make fraud positive",
    table: textTable(["legit", "fraud"]),
    rules: rules("binary"),
    models: [model({ classLabels: ["fraud", "legit"] })],
    values: [1, 0],
  },
  {
    name: "positive contradicting the model's positive column is refused",
    table: textTable(["a", "b"]),
    rules: rules("binary", { positive: "a" }),
    models: [model({ classLabels: ["a", "b"] })],
    error: /column 1\) is for "b"/,
  },
  {
    name: "a model with classes 0 and 1 keeps true/false labels working",
    table: textTable(["true", "false"]),
    rules: rules("binary"),
    models: [model({ classLabels: ["0", "1"] })],
    values: [1, 0],
  },
  {
    name: "numbers other than 0/1 are refused",
    table: numericTable([1, 2]),
    rules: rules("binary"),
    models: [model()],
    error: /"2" at data row 2/,
  },
  // Shared rules.
  {
    name: "a missing label names the first row",
    table: numericTable([0, NaN]),
    rules: rules("binary"),
    models: [model()],
    error: /1 missing or non-finite label\(s\) \(first at data row 2\)/,
  },
  {
    name: "regression takes the numbers",
    table: numericTable([1.5, -2]),
    rules: rules("regression"),
    models: [model()],
    values: [1.5, -2],
  },
  {
    name: "regression refuses text",
    table: textTable(["a"]),
    rules: rules("regression"),
    models: [model()],
    error: /must be numeric/,
  },
];

for (const c of cases) {
  test(`labels: ${c.name}`, () => {
    if (c.error) {
      assert.throws(() => encodeLabels(c.table, c.rules, c.models), c.error);
      return;
    }
    const encoded = encodeLabels(c.table, c.rules, c.models);
    assert.deepEqual([...encoded.values], c.values);
    if (c.classes) assert.deepEqual(encoded.classes, c.classes);
  });
}

test("labels: a missing label column names the columns there and the key to fix", () => {
  assert.throws(
    () => encodeLabels(numericTable([1]), { ...rules("binary"), label: "target" }, [model()]),
    /no label column "target"\. Columns there: y\. Fix models\.m\.label/,
  );
});

test("labelEncoder: one label at a time by encodeLabels' rules, with the key to set when a value does not fit", () => {
  const rules = (over: Record<string, unknown>) =>
    labelRules({ name: "m", task: "binary", label: "y", ...over } as Parameters<typeof labelRules>[0]);
  const natural = labelEncoder(rules({}));
  assert.deepEqual(["0", "1", "true", "FALSE"].map(natural), [0, 1, 1, 0]);
  assert.match(
    (natural("yes") as { problem: string }).problem,
    /"yes" is not a binary label \(0\/1 or true\/false\); if it names a class, set models\.m\.positive/,
  );
  // positive: the first other value is the negative; a third class is refused.
  const positive = labelEncoder(rules({ positive: "fraud" }));
  assert.deepEqual(["fraud", "ok", "ok", "fraud"].map(positive), [1, 0, 0, 1]);
  assert.match(
    (positive("other") as { problem: string }).problem,
    /"other" is a third class besides "ok" and the positive "fraud"/,
  );
  // classes: the model's second class is positive, the first negative.
  const classes = labelEncoder(rules({ classes: ["legit", "fraud"] }));
  assert.deepEqual(["fraud", "legit"].map(classes), [1, 0]);
  assert.ok(typeof classes("ok") !== "number");
  const multi = labelEncoder(rules({ task: "multiclass", classes: ["1", "2", "3"] }));
  assert.deepEqual(["1", "3"].map(multi), [0, 2]);
  assert.match(
    (multi("4") as { problem: string }).problem,
    /"4" is a class the model does not know \(its classes: \["1","2","3"\]\)/,
  );
  const indices = labelEncoder(rules({ task: "multiclass" }));
  assert.deepEqual(["0", "2"].map(indices), [0, 2]);
  assert.match((indices("cat") as { problem: string }).problem, /set models\.m\.classes/);
  const regression = labelEncoder(rules({ task: "regression" }));
  assert.equal(regression("2.5"), 2.5);
  assert.ok(typeof regression("") !== "number" && typeof regression("NaN") !== "number");
});
