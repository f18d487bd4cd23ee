import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { chmod, mkdir, readdir, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { matrixModelRepo, post } from "./support.ts";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CONTAINERS_CONF = join(ROOT, "scripts/container/containers.conf");
const env = { ...process.env, CONTAINERS_CONF };
const podman = (...args: string[]) => run("podman", args, { env, maxBuffer: 16 << 20 }).then((r) => r.stdout.trim());

function hasPodman(): boolean {
  try {
    execFileSync("podman", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const skip = hasPodman()
  ? false
  : "podman is not installed (apt-get install podman runc; .ci/run does): the container image is not tested";

test(
  "the image's default command serves the mounted repository's champion to a client outside the container",
  { skip, timeout: 240_000 },
  async () => {
    const image = `localhost/modelkeeper:test-${process.pid}`;
    await run(join(ROOT, "scripts/container/build-image.sh"), [image], { env, cwd: ROOT });
    const repo = await matrixModelRepo();
    const logDir = join(repo.dir, "..", "log");
    await mkdir(logDir);
    // The container runs as uid 10001: it reads the repository and writes the log volume.
    await run("chmod", ["-R", "a+rX", join(repo.dir, "..")]);
    await chmod(logDir, 0o777);
    const port = await freePort();
    const name = `modelkeeper-test-${process.pid}`;
    try {
      const config = JSON.parse(await podman("image", "inspect", image, "--format", "{{json .Config}}"));
      assert.equal(config.User, "10001:10001");
      assert.deepEqual(config.Entrypoint, ["node", "/opt/modelkeeper/bin/modelkeeper.js"]);
      assert.equal(config.Cmd[0], "serve");
      const healthcheck = JSON.parse(await podman("image", "inspect", image, "--format", "{{json .HealthCheck}}"));
      assert.match(healthcheck.Test.join(" "), /\/v2\/health\/live/);

      await podman(
        "run",
        "-d",
        "--name",
        name,
        "-p",
        `127.0.0.1:${port}:8080`,
        "-v",
        `${repo.dir}:/repo:ro`,
        "-v",
        `${logDir}:/var/log/modelkeeper`,
        image,
      );
      const url = `http://127.0.0.1:${port}`;
      let ready = 0;
      for (let i = 0; i < 300 && ready !== 200; i++) {
        ready = await fetch(`${url}/v2/health/ready`).then(
          (r) => r.status,
          () => 0,
        );
        if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(ready, 200, await podman("logs", name).catch(String));
      const answer = await post(`${url}/v2/models/risk/infer`, {
        id: "from-outside",
        inputs: [{ name: "input", shape: [1, 3], datatype: "FP32", data: [70, 9, 1.5] }],
      });
      assert.equal(answer.status, 200);
      assert.equal(answer.json.model_version, "v1");
      assert.equal(answer.json.id, "from-outside");
      assert.equal(await podman("exec", name, "node", "-e", "console.log(process.getuid())"), "10001");
      await podman("healthcheck", "run", name); // throws unless the HEALTHCHECK passes
      await podman("stop", "--time", "20", name);
      assert.equal(await podman("inspect", name, "--format", "{{.State.ExitCode}}"), "0", "SIGTERM drains and exits 0");
      const [file] = await readdir(logDir);
      assert.equal(JSON.parse(await readFile(join(logDir, file), "utf8"))._id, "from-outside");
    } finally {
      await podman("rm", "--force", name).catch(() => {});
      await podman("rmi", "--force", image).catch(() => {});
      await repo.cleanup();
    }
  },
);
