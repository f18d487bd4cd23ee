import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { RETRAIN_LABEL } from "../../../bot/labels.ts";
import { parseIssueForm, RETRAIN_FORM_FIELDS, retrainFormAnswers } from "../../../bot/parse/issue-form.ts";

describe("parseIssueForm", () => {
  it("maps each field's label (lower case) to its answer; _No response_ is empty", () => {
    assert.deepEqual(
      [...parseIssueForm("### Model\n\nfraud\n\n### Why\n\nnew data\narrived\n\n### Extra\n\n_No response_").entries()],
      [
        ["model", "fraud"],
        ["why", "new data\narrived"],
        ["extra", ""],
      ],
    );
    assert.deepEqual([...parseIssueForm("no form here").entries()], []);
  });
});

describe("retrainFormAnswers", () => {
  it("takes the model from the form, else from the title 'Retrain: <model>'", () => {
    assert.deepEqual(retrainFormAnswers("Retrain: ", "### Model\n\nchurn\n\n### Why\n\nQ1"), {
      model: "churn",
      reason: "Q1",
    });
    assert.deepEqual(retrainFormAnswers("Retrain: fraud", "### Model\n\n_No response_\n\n### Why\n\n_No response_"), {
      model: "fraud",
    });
    assert.deepEqual(retrainFormAnswers("Something else", ""), {});
  });
});

describe("examples/ISSUE_TEMPLATE/retrain.yml", () => {
  it("carries the label the bot recognises and the field labels it reads", () => {
    const form = parse(readFileSync(new URL("../../../examples/ISSUE_TEMPLATE/retrain.yml", import.meta.url), "utf8"));
    assert.deepEqual(form.labels, [RETRAIN_LABEL]);
    const labels = form.body.map((field: { attributes: { label: string } }) => field.attributes.label.toLowerCase());
    assert.deepEqual(labels, [RETRAIN_FORM_FIELDS.model, RETRAIN_FORM_FIELDS.reason]);
  });
});
