#!/usr/bin/env node
// The CLI. It runs the bundle in dist/ (built by `npm run bundle`, committed, checked current by
// CI), which starts in a fraction of the time of compiling the TypeScript sources. The demo (it
// starts the loopback GitHub and the bot from their sources), MODELKEEPER_FROM_SOURCE=1, or a
// checkout without a bundle run src/ through tsx instead.
import { existsSync } from "node:fs";
process.env.ORT_DISABLE_TELEMETRY = "1";
const bundle = new URL("../dist/cli.js", import.meta.url);
const fromSource = process.env.MODELKEEPER_FROM_SOURCE === "1" || process.argv[2] === "demo" || !existsSync(bundle);
if (!fromSource) {
  await import(bundle.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli.ts");
}
