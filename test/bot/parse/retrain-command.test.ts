import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseRetrainCommand } from "../../../bot/parse/retrain-command.ts";

describe("parseRetrainCommand", () => {
  it("reads the model and the reason, which may run over several lines", () => {
    const cases: Array<[string, ReturnType<typeof parseRetrainCommand>]> = [
      ["/retrain", {}],
      ["/retrain fraud", { model: "fraud" }],
      ["  /retrain   fraud   new labels  ", { model: "fraud", reason: "new labels" }],
      ["/retrain fraud new labels\r\nfrom March\n", { model: "fraud", reason: "new labels\nfrom March" }],
      ["\n\n/Retrain churn", { model: "churn" }],
      ["/retrain\nbecause", { reason: "because" }],
    ];
    for (const [body, expected] of cases) assert.deepEqual(parseRetrainCommand(body), expected, JSON.stringify(body));
  });

  it("is not a command unless /retrain opens the first non-blank line as a word", () => {
    for (const body of [
      "please /retrain fraud",
      "/retraining fraud",
      "/retrain-now fraud",
      "> /retrain fraud",
      "",
      null,
      undefined,
    ]) {
      assert.equal(parseRetrainCommand(body), undefined, JSON.stringify(body));
    }
  });
});
