import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const TEMP_DIRS = fileURLToPath(new URL("../../src/temp-dirs.ts", import.meta.url));

/** A scratch TMPDIR for one child, so its sweep sees only what the test puts there. */
function scratch(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), "mk-temp-dirs-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs `body` (ESM, with makeTempDir and removeAbandonedTempDirs imported) as a child with TMPDIR. */
function childScript(dir: string, body: string): string {
  const script = join(dir, "..", `${dir.split("/").pop()}.mts`);
  writeFileSync(
    script,
    `import { makeTempDir, removeAbandonedTempDirs } from ${JSON.stringify(TEMP_DIRS)};\n${body}\n`,
  );
  return script;
}

/** The folders a sweep could judge (tsx keeps its own cache in TMPDIR too). */
function ours(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith("modelkeeper-"))
    .sort();
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
  return Number(child.stdout.trim());
}

const namespace = (() => {
  try {
    return /\[(\d+)\]/.exec(readlinkSync("/proc/self/ns/pid"))?.[1] ?? "0";
  } catch {
    return "0";
  }
})();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  test(`${signal} while a command holds a temporary folder removes it, and the process still dies of ${signal}`, async (t) => {
    const temp = scratch(t);
    const script = childScript(
      temp,
      `const dir = makeTempDir("stage");\nconsole.log(dir);\nsetInterval(() => {}, 1000);`,
    );
    t.after(() => rmSync(script, { force: true }));
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, TMPDIR: temp },
      stdio: ["ignore", "pipe", "inherit"],
    });
    t.after(() => child.kill("SIGKILL"));
    const [line] = (await once(child.stdout, "data")) as [Buffer];
    const dir = line.toString().trim();
    assert.match(dir, new RegExp(`/modelkeeper-stage-${namespace}-${child.pid}-[A-Za-z0-9]{6}$`));
    assert.equal(ours(temp).length, 1);
    child.kill(signal);
    const [code, killedBy] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
    assert.deepEqual({ code, killedBy }, { code: null, killedBy: signal });
    assert.deepEqual(ours(temp), [], "the folder went with the process");
  });
}

const handlers = {
  "a signal someone else handles is left to them; the folder goes when the process exits": `process.on("SIGTERM", () => {
  console.log(existsSync(dir) ? "present" : "absent");
  process.exit(0);
});`,
  // serve's handler goes in before the champion's folder is made, takes itself off at once and
  // exits only once the drain is over.
  "a handler added first that removes itself when the signal comes, then exits later, still decides": `const drain = () => {
  process.off("SIGTERM", drain);
  setTimeout(() => {
    console.log(existsSync(dir) ? "present" : "absent");
    process.exit(0);
  }, 200);
};
process.on("SIGTERM", drain);`,
};

for (const [name, handler] of Object.entries(handlers))
  test(name, async (t) => {
    const temp = scratch(t);
    // As serve does: its own SIGTERM handler drains, then exits.
    const script = childScript(
      temp,
      `import { existsSync } from "node:fs";
let dir = "";
${handler}
dir = makeTempDir("champion");
console.log(dir);
setInterval(() => {}, 1000);`,
    );
    t.after(() => rmSync(script, { force: true }));
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, TMPDIR: temp },
      stdio: ["ignore", "pipe", "inherit"],
    });
    t.after(() => child.kill("SIGKILL"));
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    while (!output.includes("\n")) await once(child.stdout, "data");
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 0, "the owner's handler decided how the process ends");
    assert.equal(output.trim().split("\n")[1], "present", "the folder was still there while the owner's handler ran");
    assert.deepEqual(ours(temp), [], "and removed at exit");
  });

test("the sweep removes folders of gone owners in its own pid namespace only", (t) => {
  const temp = scratch(t);
  const dead = deadPid();
  const names = {
    gone: `modelkeeper-worktree-${namespace}-${dead}-Ab12Cd`,
    alive: `modelkeeper-worktree-${namespace}-${process.pid}-Ef34Gh`,
    otherContainer: `modelkeeper-champion-${Number(namespace) + 1}-${dead}-Ij56Kl`,
    notOurs: `modelkeeper-${dead}-whatever`,
  };
  for (const name of Object.values(names)) {
    mkdirSync(join(temp, name));
    writeFileSync(join(temp, name, "file"), "x");
  }
  const script = childScript(temp, `console.log(JSON.stringify(removeAbandonedTempDirs()));`);
  t.after(() => rmSync(script, { force: true }));
  const child = spawnSync(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, TMPDIR: temp },
    encoding: "utf8",
  });
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), [names.gone]);
  assert.deepEqual(ours(temp), [names.alive, names.notOurs, names.otherContainer].sort());
});
