import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseDriftDispatchPayload } from "../../bot/dispatch-payload.ts";

describe("parseDriftDispatchPayload", () => {
  it("accepts the documented fields", () => {
    assert.deepEqual(
      parseDriftDispatchPayload({
        model: " fraud ",
        summary: " 2 of 9 drifted ",
        report_url: "https://github.com/a/b/issues/7",
        issue_number: 7,
      }),
      {
        payload: {
          model: "fraud",
          summary: "2 of 9 drifted",
          report_url: "https://github.com/a/b/issues/7",
          issue_number: 7,
        },
      },
    );
    assert.deepEqual(
      parseDriftDispatchPayload({ model: "fraud", summary: null, report_url: null, issue_number: null }),
      { payload: { model: "fraud" } },
    );
    assert.equal(
      (parseDriftDispatchPayload({ model: "m", summary: "x".repeat(3000) }) as any).payload.summary.length,
      2000,
    );
  });

  it("names the field that is wrong", () => {
    const problems: Array<[unknown, string]> = [
      [[], "client_payload must be an object"],
      [{}, "client_payload.model must be the model's name in modelkeeper.yml (a non-empty string)"],
      [{ model: 3 }, "client_payload.model must be the model's name in modelkeeper.yml (a non-empty string)"],
      [{ model: "m", summary: 1 }, "client_payload.summary must be a string"],
      [{ model: "m", report_url: "javascript:alert(1)" }, "client_payload.report_url must be an http(s) URL"],
      [{ model: "m", issue_number: 1.5 }, "client_payload.issue_number must be a positive integer"],
      [{ model: "m", issue_number: "7" }, "client_payload.issue_number must be a positive integer"],
    ];
    for (const [value, problem] of problems)
      assert.deepEqual(parseDriftDispatchPayload(value), { problem }, JSON.stringify(value));
  });
});
