#!/usr/bin/env node
// The CLI. It runs the compiled bundle dist/cli.js (built by `npm run bundle`, committed, checked
// current by CI): the installed package holds only that, no TypeScript and no tsx. In a checkout,
// MODELKEEPER_FROM_SOURCE=1 (or a missing bundle) runs bin/cli.ts through tsx, a devDependency.
import { existsSync } from "node:fs";
process.env.ORT_DISABLE_TELEMETRY = "1";
const bundle = new URL("../dist/cli.js", import.meta.url);
const source = new URL("./cli.ts", import.meta.url);
const fromSource = process.env.MODELKEEPER_FROM_SOURCE === "1" || !existsSync(bundle);
if (!fromSource) {
  await import(bundle.href);
} else if (!existsSync(source)) {
  process.stderr.write(`modelkeeper: ${bundle.pathname} is missing (a broken install). Reinstall modelkeeper.\n`);
  process.exit(2);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
}
