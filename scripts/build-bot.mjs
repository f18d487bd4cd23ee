// Compiles the Probot app (bot/) to JavaScript in build/bot/, so that the bot runs on plain Node
// (`npm start`, `probot run build/bot/index.js`, the bot's container image) with no TypeScript
// loader at run time. Each entry is one self-contained file: probot, yaml, ajv and modelkeeper's
// own sources that bot/ uses (the config loader, the renderers) are bundled in, so the image needs
// no node_modules. Licence comments of the bundled packages go to <entry>.js.LEGAL.txt.
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
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: "linked",
  legalComments: "linked",
  // Some bundled CommonJS packages call require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __botRequire } from "node:module"; const require = __botRequire(import.meta.url);',
  },
  logLevel: "warning",
});
console.log(`bot compiled to ${outdir}/`);
