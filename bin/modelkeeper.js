#!/usr/bin/env node
// Runs the CLI from its TypeScript sources through tsx, so `npx modelkeeper` works right after
// `npm ci` with no build step. (The GitHub Action runs the bundle in dist/ instead.)
process.env.ORT_DISABLE_TELEMETRY = "1";
const { register } = await import("tsx/esm/api");
register();
await import("../src/cli.ts");
