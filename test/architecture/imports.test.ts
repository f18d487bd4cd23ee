// The layering docs/architecture.md describes, checked on the real import graph (esbuild's
// resolution of every module under src/ and bot/), so a new arrow the wrong way fails CI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { COMMANDS } from "../../src/commands/index.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

function modules(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? modules(path) : /\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** file → the project files it imports (statically or dynamically), as esbuild resolves them. */
async function importGraph(): Promise<Map<string, string[]>> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [...modules("src"), ...modules("bot"), ...modules("demo"), "bin/cli.ts"],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    outdir: "/nonexistent",
    packages: "external",
    logLevel: "silent",
  });
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    graph.set(
      file,
      input.imports.filter((i) => !i.external).map((i) => i.path),
    );
  }
  return graph;
}

/** Strongly connected components with more than one module (Tarjan): the import cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const edges = (graph: Map<string, string[]>) => [...graph].flatMap(([from, deps]) => deps.map((to) => ({ from, to })));

test("no import cycles among the modules of src/, bot/ and demo/", async () => {
  assert.deepEqual(cycles(await importGraph()), []);
});

// The composition roots (bot/, demo/, bin/cli.ts) may import src/; src/ never imports them or test/.
test("src/ never imports test/, bot/, demo/ or bin/: what ships is self-contained", async () => {
  const graph = await importGraph();
  assert.ok(
    graph.get("demo/loopback-github.ts")?.some((to) => to.startsWith("test/support/")),
    "the graph reaches demo/ (else this test checks nothing)",
  );
  const wrong = edges(graph).filter((e) => e.from.startsWith("src/") && /^(test|bot|demo|bin)\//.test(e.to));
  assert.deepEqual(wrong, []);
  // A path built at run time escapes the bundler's graph: look for one in the text too.
  const hidden = modules("src").filter((file) =>
    /["'`](\.\.\/)+(test|bot|demo|bin)\//.test(readFileSync(join(root, file), "utf8")),
  );
  assert.deepEqual(hidden, []);
});

// A command's file is reached only through the command list: what two commands share lives in a
// module of its own (commands/evaluation-run.ts, workspace.ts) or in the layer it belongs to.
test("no command imports another command (only commands/index.ts lists them)", async () => {
  const commandFiles = new Set(COMMANDS.map((c) => `src/commands/${c.name}.ts`));
  const graph = await importGraph();
  for (const file of commandFiles) assert.ok(graph.has(file), `${file} is a module (else this test checks nothing)`);
  const wrong = edges(graph).filter((e) => commandFiles.has(e.to) && e.from !== "src/commands/index.ts");
  assert.deepEqual(wrong, []);
});

test("stats/ and report/ are pure: no I/O, no process, no threads, no outside layer", async () => {
  const pureLayers = /^src\/(stats|report)\//;
  const graph = await importGraph();
  const wrong = edges(graph).filter(
    (e) => pureLayers.test(e.from) && !/^src\/(stats|report)\/|^src\/errors\.ts$/.test(e.to),
  );
  assert.deepEqual(wrong, []);
  const result = await build({
    absWorkingDir: root,
    entryPoints: modules("src/stats").concat(modules("src/report")),
    bundle: false,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    outdir: "/nonexistent",
    logLevel: "silent",
  });
  const io = Object.entries(result.metafile.inputs).flatMap(([file, input]) =>
    input.imports
      .filter((i) => /^node:(fs|child_process|worker_threads|os|net|http|https|process)(\/|$)/.test(i.path))
      .map((i) => `${file} → ${i.path}`),
  );
  assert.deepEqual(io, []);
});

// docs/architecture.md: a call to git is a named function of src/git/ (revisions.ts, refs.ts,
// tree.ts…), never an argv in a flow or a command. A text check: a git argv is `.run([` or
// `.tryRun([` on a Git, or a child process started as "git".
const GIT_ARGV = /\.(?:run|tryRun)\(\s*\[|\b(?:spawn|spawnSync|execFile|execFileSync)\(\s*["'`]git["'`]/;

function gitArgvLines(files: string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(join(root, file), "utf8")
      .split("\n")
      .flatMap((line, i) => (GIT_ARGV.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

test("no git argv outside src/git/: src/ and bot/ call git through the adapter's named functions", () => {
  const adapter = modules("src/git");
  assert.ok(gitArgvLines(adapter).length > 10, "the check finds the adapter's own git calls (else it checks nothing)");
  const outside = [...modules("src"), ...modules("bot")].filter((file) => !file.startsWith("src/git/"));
  assert.deepEqual(gitArgvLines(outside), []);
});
