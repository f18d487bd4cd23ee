// The CLI's entry and composition root: src/'s commands, plus the demo (demo/, outside src/
// because it wires in the retrain bot and a loopback GitHub). bin/modelkeeper.js runs its bundle,
// dist/cli.js, or this file through tsx in a checkout.
import "../src/ort-env.ts";
import { runCli } from "../src/cli/run-cli.ts";

const status = await runCli(
  process.argv.slice(2),
  { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
  process.env,
  process.cwd(),
  {
    // Loaded on demand: the demo brings Probot and the loopback GitHub, which no other command needs.
    runDemo: async (options) => (await import("../demo/run-demo.ts")).runDemo(options),
  },
);
process.exitCode = status;
