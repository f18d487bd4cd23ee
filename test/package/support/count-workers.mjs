// Preloaded with `node --import`: records the entry of every worker thread the process starts in
// the file MODELKEEPER_WORKER_LOG names (one line each), so a test can see which threads ran.
import { appendFileSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";

const threads = createRequire(import.meta.url)("node:worker_threads");
const log = process.env.MODELKEEPER_WORKER_LOG;
if (log && threads.isMainThread) {
  const Original = threads.Worker;
  threads.Worker = class extends Original {
    constructor(entry, options) {
      super(entry, options);
      appendFileSync(log, `${options?.eval ? "eval" : String(entry)}\n`);
    }
  };
  syncBuiltinESMExports();
}
