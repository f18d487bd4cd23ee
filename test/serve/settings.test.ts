import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveSettings } from "../../src/serve/settings.ts";
import { UserError } from "../../src/errors.ts";

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
