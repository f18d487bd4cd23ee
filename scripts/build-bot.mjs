// Compiles the Probot app (bot/) to JavaScript in build/bot/, so that the bot runs on plain Node
// (`npm start`, `probot run build/bot/index.js`, the bot's container image) with no TypeScript
// loader at run time. Packages stay imports (they are installed next to it); modelkeeper's own
// sources that bot/ uses (the config loader, the report renderers) are bundled in.
//   node scripts/build-bot.mjs                -> build/bot/{index,server,actions}.js
//   node scripts/build-bot.mjs --outdir DIR   (tests; DIR inside the project, so packages resolve)
import { build } from "esbuild";
import { rmSync } from "node:fs";

const at = process.argv.indexOf("--outdir");
const outdir = at > 0 ? process.argv[at + 1] : "build/bot";
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { index: "bot/index.ts", server: "bot/server.ts", actions: "bot/actions.ts" },
  outdir,
  bundle: true,
  splitting: true,
  packages: "external",
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: "linked",
  logLevel: "warning",
});
console.log(`bot compiled to ${outdir}/`);
