// The body of POST /v2/models/{model}/labels: every refusal names the field and says what to send.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseLabelsRequest } from "../../src/serve/labels-request.ts";
import { RequestError } from "../../src/serve/infer-request.ts";
import { labelEncoder, labelRules } from "../../src/gate/labels.ts";

const binary = () => labelEncoder(labelRules({ name: "fraud", task: "binary", label: "is_fraud" }));
const limits = { maxLabels: 3, maxRows: 4 };

test("labels are encoded by the model's rules: one value, or one per row", () => {
  const posted = parseLabelsRequest(
    {
      labels: [
        { id: "a", label: 1 },
        { id: "b", label: "false" },
        { id: "c", label: [true, 0, "TRUE"] },
      ],
    },
    binary(),
    limits,
  );
  assert.deepEqual(posted, [
    { id: "a", values: Float64Array.of(1) },
    { id: "b", values: Float64Array.of(0) },
    { id: "c", values: Float64Array.of(1, 0, 1) },
  ]);
});

test("refusals: 400 naming the field, 413 over the count limit", () => {
  const cases: Array<[unknown, number, RegExp]> = [
    [null, 400, /^the body must be a JSON object; send \{"labels"/],
    [{ labels: {} }, 400, /^labels: expected an array of \{"id", "label"\}, got an object/],
    [
      { labels: [1, 2, 3, 4] },
      413,
      /^labels: 4 labels in one body, more than the limit of 3 \(serve\.labels\.max_per_request\)/,
    ],
    [{ labels: ["a"] }, 400, /^labels\[0\]: expected an object \{"id", "label"\}, got string "a"/],
    [
      { labels: [{ id: 7, label: 1 }] },
      400,
      /^labels\[0\]\.id: expected the request id as text of 1 to 256 characters \(the infer request's "id"\), got number 7/,
    ],
    [
      { labels: [{ id: "a", label: 1 }, { id: "b" }] },
      400,
      /^labels\[1\]\.label: expected a number, true\/false or text, got nothing/,
    ],
    [
      { labels: [{ id: "a", label: [] }] },
      400,
      /^labels\[0\]\.label: expected one label per row of the request \(1 to 4\), got an array of 0/,
    ],
    [{ labels: [{ id: "a", label: [1, 1, 1, 1, 1] }] }, 400, /got an array of 5/],
    [
      { labels: [{ id: "a", label: [1, 2] }] },
      400,
      /^labels\[0\]\.label\[1\]: "2" is not a binary label \(0\/1 or true\/false\); if it names a class, set models\.fraud\.positive/,
    ],
  ];
  for (const [body, status, message] of cases) {
    assert.throws(
      () => parseLabelsRequest(body, binary(), limits),
      (error: unknown) => error instanceof RequestError && error.status === status && message.test(error.message),
      JSON.stringify(body),
    );
  }
});
