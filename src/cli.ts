#!/usr/bin/env node
// The CLI's front door: everything happens in runCli.
import "./ort-env.ts";
import { runCli } from "./cli/run-cli.ts";

const status = await runCli(
  process.argv.slice(2),
  { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
  process.env,
  process.cwd(),
);
process.exitCode = status;
