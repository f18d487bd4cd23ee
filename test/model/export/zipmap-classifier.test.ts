import { test } from "node:test";
import assert from "node:assert/strict";
import { exportZipMapLogisticRegression } from "../../../src/model/export/zipmap-classifier.ts";
import { loadOrt } from "../../../src/model/ort.ts";

test("the ZipMap export loads in onnxruntime with skl2onnx's default output names and types", async () => {
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(
    exportZipMapLogisticRegression({ featureNames: ["a"], weights: [1], intercept: 0 }),
  );
  assert.deepEqual(session.outputMetadata, [
    { name: "output_label", isTensor: true, type: "int64", shape: ["N"] },
    { name: "output_probability", isTensor: false },
  ]);
  // The label output alone still runs; the map output is what callers must not fetch.
  const out = await session.run({ input: new ort.Tensor("float32", Float32Array.from([2, -2]), [2, 1]) }, [
    "output_label",
  ]);
  assert.deepEqual(Array.from(out.output_label.data as BigInt64Array), [1n, 0n]);
  await session.release();
});
