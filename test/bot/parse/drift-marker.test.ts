import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { driftMarkerModel } from "../../../bot/parse/drift-marker.ts";
import { commentMarker } from "../../../src/github/sticky-comment.ts";

describe("driftMarkerModel", () => {
  it("reads the model the drift command's marker names, URI-decoded", () => {
    assert.equal(driftMarkerModel(`${commentMarker("drift", "fraud")}\n# Drift`), "fraud");
    assert.equal(driftMarkerModel(`intro\n${commentMarker("drift", "fraud v2/β")}`), "fraud v2/β");
    assert.equal(driftMarkerModel("<!-- modelkeeper:drift:fraud%20v2 -->"), "fraud v2");
  });

  it("skips markers the command cannot have written and finds none in other text", () => {
    assert.equal(driftMarkerModel("<!-- modelkeeper:drift:%E0 --> <!-- modelkeeper:drift:churn -->"), "churn");
    assert.equal(driftMarkerModel("<!-- modelkeeper:drift:a b -->"), undefined);
    assert.equal(driftMarkerModel("<!-- modelkeeper:drift: -->"), undefined);
    assert.equal(driftMarkerModel(commentMarker("evaluate", "fraud")), undefined);
    assert.equal(driftMarkerModel(null), undefined);
  });
});
