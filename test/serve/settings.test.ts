import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveSettings } from "../../src/serve/settings.ts";
import { UserError } from "../../src/errors.ts";
import { loadConfig } from "../../src/config/load.ts";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bases = { cwd: "/work/repo/sub", configDir: "/work/repo" };

test("a relative --log is the folder the command runs in, a relative serve.log.dir the config file's folder", () => {
  assert.equal(resolveSettings(undefined, { log: "logs" }, bases).log.dir, "/work/repo/sub/logs");
  assert.equal(resolveSettings({ log: { dir: "var/log" } }, {}, bases).log.dir, "/work/repo/var/log");
  assert.equal(
    resolveSettings({ log: { dir: "var/log" } }, { log: "/abs" }, bases).log.dir,
    "/abs",
    "the flag overrides the config",
  );
  assert.equal(resolveSettings(undefined, {}, bases).log.dir, undefined, "no folder: no log");
});

test("a flag overrides its config key and a bad flag names itself and what it expects", () => {
  assert.equal(resolveSettings({ port: 9000 }, { port: "8123" }, bases).port, 8123);
  assert.throws(
    () => resolveSettings(undefined, { "max-rows": "-3" }, bases),
    (error: unknown) => error instanceof UserError && /max-rows/.test(error.message) && /-3/.test(error.message),
  );
});

test("serve.profile is opt-in, with defaults, and needs the log folder it writes beside", () => {
  assert.equal(resolveSettings({}, {}, bases).profile, undefined);
  assert.deepEqual(resolveSettings({ log: { dir: "logs" }, profile: {} }, {}, bases).profile, {
    windowMs: 3_600_000,
    writeMs: 60_000,
    maxValues: 16384,
  });
  assert.deepEqual(
    resolveSettings({ profile: { window_minutes: 5, write_seconds: 10, max_values: 5000 } }, { log: "out" }, bases)
      .profile,
    { windowMs: 300_000, writeMs: 10_000, maxValues: 5000 },
  );
  assert.throws(() => resolveSettings({ profile: {} }, {}, bases), /serve\.profile: .*serve\.log\.dir/);
});

test("serve.profile's window, write interval and value cap are bounded in modelkeeper.yml, by line", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "mk-profile-settings-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, "modelkeeper.yml");
  const model =
    "models:\n  m:\n    task: binary\n    artifact: m.onnx\n    label: y\n    features: [a]\n    data:\n      train: t.csv\n      holdout: t.csv\n";
  await writeFile(
    file,
    `${model}serve:\n  log:\n    dir: log\n  profile:\n    window_minutes: 0.001\n    write_seconds: 9999999\n    max_values: 99999999\n`,
  );
  await assert.rejects(loadConfig(file, dir), (error: Error) => {
    assert.match(error.message, /modelkeeper\.yml:14: serve\.profile\.window_minutes: must be >= 1/);
    assert.match(error.message, /modelkeeper\.yml:15: serve\.profile\.write_seconds: must be <= 86400/);
    assert.match(error.message, /modelkeeper\.yml:16: serve\.profile\.max_values: must be <= 1048576/);
    return true;
  });
});
