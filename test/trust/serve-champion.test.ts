// H2: the server serves the trusted champion only. A tag named like a newer champion that promote
// never made (lightweight, or annotated on a side branch) changes neither the artifact served nor
// the config it is served with; a file named inside the repository cannot lead outside it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matrixModelRepo, serveRepo, post, tagChampion, FIXTURES } from "../serve/support.ts";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const body = { inputs: [{ name: "input", shape: [1, 3], datatype: "FP32", data: [70, 9, 1.5] }] };
const championInfo = async (url: string) =>
  /modelkeeper_champion_info\{model="risk",version="(v\d+)",sha256="([0-9a-f]{64})"\} 1/
    .exec(await (await fetch(url + "/metrics")).text())
    ?.slice(1);

test("forged champion tags (lightweight on the branch, annotated on a side branch) are never served, at start or on reload", async () => {
  const repo = await matrixModelRepo(); // risk v1: binary-probabilities.onnx, tagged by promote's rules
  const v1 = await readFile(new URL("binary-probabilities.onnx", FIXTURES));
  const other = await readFile(new URL("binary-score-vector.onnx", FIXTURES));
  const config = await readFile(join(repo.dir, "modelkeeper.yml"), "utf8");
  try {
    // A side branch with another artifact and a well-formed annotated tag v50 carrying a valid claim.
    await repo.git.run(["checkout", "--quiet", "-b", "side"]);
    await repo.write("models/risk.onnx", other);
    await repo.commit("side: another model");
    await tagChampion(repo, "risk", 50, "models/risk.onnx");
    await repo.git.run(["checkout", "--quiet", "main"]);
    // On main: another artifact and a config whose features do not fit it, tagged v99 by hand (lightweight).
    await repo.write("models/risk.onnx", other);
    await repo.write(
      "modelkeeper.yml",
      config.replace("features: [amount, hour, distance]", "features: [amount, hour, distance, extra]"),
    );
    await repo.commit("unreviewed model and config");
    await repo.git.run(["tag", "modelkeeper/risk/v99"]);

    const server = await serveRepo(repo, "risk");
    try {
      const answer = await post(`${server.url}/v2/models/risk/infer`, body);
      assert.equal(answer.status, 200);
      assert.equal(answer.json.model_version, "v1");
      assert.deepEqual(
        answer.json.outputs.find((o: any) => o.shape.length === 2)?.shape,
        [1, 2],
        "v1's probabilities [N, 2]",
      );
      assert.deepEqual(await championInfo(server.url), ["v1", sha256(v1)]);
      const metadata = (await (await fetch(`${server.url}/v2/models/risk`)).json()) as any;
      assert.deepEqual(
        metadata.parameters.features.map((f: any) => f.name),
        ["amount", "hour", "distance"],
        "v1's own config, not the forged commit's",
      );
      // The forged tags are no reason to reload, and nothing failed to load.
      assert.equal(await server.reload(), "unchanged");
      // Another forgery while running: an annotated tag v100 made by hand (no promote claim) on main.
      await repo.git.run(["tag", "-a", "-m", "trust me", "modelkeeper/risk/v100"]);
      assert.equal(await server.reload(), "unchanged");
      assert.equal(await server.reload(), "unchanged");
      // Each forgery is reported once, by name, and nothing else is (nothing failed to load).
      const forged = server.warnings.map(
        (w: string) =>
          /^serve: (modelkeeper\/risk\/v\d+) is not a champion modelkeeper made \(.+\): ignored, serving tag modelkeeper\/risk\/v1$/.exec(
            w,
          )?.[1],
      );
      assert.deepEqual(
        forged.sort(),
        ["modelkeeper/risk/v100", "modelkeeper/risk/v50", "modelkeeper/risk/v99"],
        server.warnings.join("\n"),
      );
      assert.deepEqual(await championInfo(server.url), ["v1", sha256(v1)]);

      // Control: a champion promote really made (v2 on main, config fixed) is picked up, with its own config.
      await repo.write("modelkeeper.yml", config);
      await repo.commit("risk v2");
      await tagChampion(repo, "risk", 2, "models/risk.onnx");
      assert.equal(await server.reload(), "loaded");
      const v2 = await post(`${server.url}/v2/models/risk/infer`, body);
      assert.equal(v2.json.model_version, "v2");
      assert.deepEqual(v2.json.outputs[0].shape, [1]);
      assert.deepEqual(await championInfo(server.url), ["v2", sha256(other)]);
    } finally {
      await server.shutdown();
    }
  } finally {
    await repo.cleanup();
  }
});

test("a model file to serve named inside the repository cannot lead outside it through a symbolic link", async () => {
  const repo = await matrixModelRepo();
  const outside = await mkdtemp(join(tmpdir(), "mk-outside-"));
  try {
    const target = join(outside, "model.onnx");
    await writeFile(target, await readFile(new URL("binary-score-vector.onnx", FIXTURES)));
    await symlink(target, join(repo.dir, "models", "linked.onnx"));
    await assert.rejects(
      serveRepo(repo, "risk", {}, "models/linked.onnx"),
      /models\/linked\.onnx.*outside the repository/,
    );
    // The same file named where it is (outside the repository) is the caller's explicit choice.
    const server = await serveRepo(repo, "risk", {}, target);
    try {
      assert.equal((await post(`${server.url}/v2/models/risk/infer`, body)).status, 200);
    } finally {
      await server.shutdown();
    }
  } finally {
    await rm(outside, { recursive: true, force: true });
    await repo.cleanup();
  }
});
