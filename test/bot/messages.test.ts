import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { codeBlock, commitMessage, pullBody } from "../../bot/messages.ts";
import type { RetrainRequest } from "../../bot/retrain-request.ts";

const request: RetrainRequest = {
  trigger: "drift-dispatch",
  model: "fraud",
  requestedBy: "github-actions[bot]",
  requestedAt: "2025-03-04T05:06:07Z",
  drift: { summary: "amount: PSI 0.41 (> 0.2)", reportUrl: "https://example.com/runs/1 (report)" },
  key: "dispatch-1",
};

describe("messages", () => {
  it("renders a dispatch without an issue: no Closes line, the report linked with its URL escaped", () => {
    assert.equal(
      pullBody("fraud", "modelkeeper/retrain/fraud", { ...request, requestUrl: request.drift!.reportUrl }),
      [
        "## Retrain `fraud`",
        "",
        "Requested by github-actions\\[bot\\] through a drift dispatch from the drift command, 2025-03-04T05:06:07Z.",
        "",
        "**Why:** no reason given.",
        "",
        "**Drift:** amount: PSI 0.41 (&gt; 0.2)",
        "",
        "**Links:** [request](https://example.com/runs/1%20%28report%29)",
        "",
        "The retrain workflow runs on this branch (`modelkeeper/retrain/fraud`): it trains `fraud`, records the new artifact, commits it here and evaluates it against the champion. Merge when the evaluation says promote.",
      ].join("\n"),
    );
  });

  it("clips long reasons in the commit message", () => {
    const message = commitMessage("fraud", {
      ...request,
      trigger: "comment",
      requestIssue: 4,
      reason: "r".repeat(1200),
    });
    assert.equal(
      message.split("\n").slice(0, 3).join("\n"),
      "Retrain fraud\n\nRequested by github-actions[bot] in #4 (comment).",
    );
    assert.equal(message.split("\n")[4], `${"r".repeat(999)}…`);
  });

  it("fences text with a fence longer than any backtick run in it", () => {
    assert.equal(codeBlock("a"), "```text\na\n```");
    assert.equal(codeBlock("x ```` y"), "`````text\nx ```` y\n`````");
  });
});
