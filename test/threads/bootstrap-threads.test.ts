// The paired bootstrap on real worker threads gives the identical result: resample r always uses
// random stream r, whichever thread runs it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pairedBootstrap, pairedBootstrapSync } from "../../src/stats/bootstrap/paired-bootstrap.ts";
import { bootstrapThreads } from "../../src/threads/bootstrap-threads.ts";
import type { BinaryPredictions } from "../../src/stats/metrics/types.ts";
import { createRandom } from "../../src/stats/numeric/random.ts";

function predictions(n: number, seed: number): [BinaryPredictions, BinaryPredictions] {
  const random = createRandom(seed);
  const labels = Float64Array.from({ length: n }, () => (random.nextFloat() < 0.4 ? 1 : 0));
  const scores = (shift: number) => labels.map((y) => 1 / (1 + Math.exp(-(y * shift + 2 * random.nextFloat() - 1))));
  return [
    { task: "binary", labels, scores: scores(1) },
    { task: "binary", labels, scores: scores(1.2) },
  ];
}

test("worker threads give the identical result (callerRuns: false, so the workers run every resample)", async () => {
  const [champion, challenger] = predictions(3000, 8);
  for (const metric of ["roc_auc", "log_loss"]) {
    const options = { metric, resamples: 300, seed: 11 };
    const threaded = await pairedBootstrap(
      champion,
      challenger,
      { ...options, threads: 2, callerRuns: false },
      bootstrapThreads,
    );
    assert.equal(threaded.workerError, undefined, metric);
    assert.ok(threaded.threadsUsed >= 1, `${metric}: threads used ${threaded.threadsUsed}`);
    assert.deepEqual({ ...threaded, threadsUsed: 1 }, pairedBootstrapSync(champion, challenger, options), metric);
  }
});
