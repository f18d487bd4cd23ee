#!/usr/bin/env node
// The CLI. It runs the bundle in dist/ (built by `npm run bundle`, committed, checked current by
// CI), which starts in a fraction of the time of compiling the TypeScript sources. With
// MODELKEEPER_FROM_SOURCE=1, or where no bundle exists, it runs src/ through tsx instead.
import { existsSync } from "node:fs";
process.env.ORT_DISABLE_TELEMETRY = "1";
const bundle = new URL("../dist/cli.js", import.meta.url);
if (process.env.MODELKEEPER_FROM_SOURCE !== "1" && existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli.ts");
}
