// The repository boundary with real symbolic links: nothing outside the repository is read,
// hashed or written, whichever command follows the link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";
import { NOTES_REF } from "../../src/provenance/note-line.ts";
import { readBlob } from "../../src/git/blob.ts";

/** A folder beside the repository (inside the test's temporary base), with `files` in it. */
async function outsideFolder(repo: TestRepo, files: Record<string, string | Buffer>): Promise<string> {
  const dir = join(repo.dir, "..", "outside");
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

async function fraudRepo(config = gateConfig()): Promise<TestRepo> {
  return createTestRepo({
    "modelkeeper.yml": config,
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(400, 2),
    "models/fraud.onnx": MODELS.good(),
    "models/old.onnx": MODELS.weak(),
  });
}

const notes = async (repo: TestRepo) => (await repo.git.tryRun(["notes", `--ref=${NOTES_REF}`, "list"])).stdout.trim();

for (const pattern of ["shared/**/*.csv", "shared/sub/*.csv"]) {
  test(`record: the glob ${pattern} through a symlinked folder does not hash files outside the repository`, async (t) => {
    const repo = await fraudRepo(gateConfig().replace("train: data/train.csv", `train: "${pattern}"`));
    t.after(() => repo.cleanup());
    const outside = await outsideFolder(repo, {});
    await mkdir(join(outside, "sub"));
    await writeFile(join(outside, "sub", "secret.csv"), "x1,x2,segment,is_fraud\n1,2,web,1\n");
    await symlink(outside, join(repo.dir, "shared"));
    await repo.commit("link");
    const result = await repo.cli("record", "--json");
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      new RegExp(
        `models\\.fraud\\.data: "${pattern.replace(/[*.]/g, "\\$&")}" resolves to .*outside(/sub)?, outside the repository`,
      ),
    );
    assert.equal(await notes(repo), "", "no record written");
  });
}

test("a symlinked folder below a walked folder is not followed (its files are not hashed)", async (t) => {
  const repo = await fraudRepo(gateConfig().replace("train: data/train.csv", 'train: "data/**/*.csv"'));
  t.after(() => repo.cleanup());
  const outside = await outsideFolder(repo, { "secret.csv": "x1,x2,segment,is_fraud\n1,2,web,1\n" });
  await symlink(outside, join(repo.dir, "data", "linked"));
  await repo.commit("link");
  const result = await repo.cli("record", "--json");
  assert.equal(result.code, 0, result.stdout + result.stderr);
  const line = JSON.parse((await repo.git.run(["notes", `--ref=${NOTES_REF}`, "show", "HEAD"])).trim());
  const manifest = (await readBlob(repo.git, line.manifest.oid)).toString("utf8");
  assert.match(manifest, /"data\/train\.csv"/, "the folder's own files are recorded");
  assert.doesNotMatch(manifest, /secret\.csv/, "the linked folder's are not");
});

test("evaluate refuses an artifact symlinked outside the repository, and drift does not load it", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  const outside = await outsideFolder(repo, { "model.onnx": MODELS.good() });
  await rm(join(repo.dir, "models", "fraud.onnx"));
  await symlink(join(outside, "model.onnx"), join(repo.dir, "models", "fraud.onnx"));
  await repo.commit("link");
  const evaluated = await repo.cli("evaluate", "--champion", "models/old.onnx");
  assert.equal(evaluated.code, 2, evaluated.stdout + evaluated.stderr);
  assert.match(
    evaluated.stdout + evaluated.stderr,
    /models\.fraud\.artifact: models\/fraud\.onnx resolves to .*outside\/model\.onnx, outside the repository/,
  );
  const drifted = await repo.cli("drift", "--current", "data/holdout.csv", "--json");
  const [model] = JSON.parse(drifted.stdout).models;
  assert.match(model.predictionNote, /could not be loaded.*outside the repository/);
  assert.ok(
    !model.assessment.columns.some((c: any) => c.role === "prediction"),
    "no predictions from the outside file",
  );
});

test("evaluate --challenger-rev refuses a model committed as a symbolic link (no link in git objects is followed)", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  await outsideFolder(repo, { "model.onnx": MODELS.good() });
  await repo.commit("models");
  await rm(join(repo.dir, "models", "fraud.onnx"));
  await symlink("../../outside/model.onnx", join(repo.dir, "models", "fraud.onnx"));
  const head = await repo.commit("link");
  await repo.git.run(["checkout", "--quiet", "HEAD~1"]);
  const result = await repo.cli("evaluate", "--challenger-rev", head, "--champion", "models/old.onnx");
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(
    result.stdout + result.stderr,
    /models\/fraud\.onnx at commit [0-9a-f]{12} \(from git objects\) is a symbolic link, not the model/,
  );
});

test("rollback does not write through a models/ folder symlinked outside the repository", async (t) => {
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(800, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  t.after(() => repo.cleanup());
  await repo.commit("first model");
  assert.equal((await repo.cli("promote", "--no-push")).code, 0, "v1");
  await repo.write("models/fraud.onnx", MODELS.good());
  await repo.commit("next model");
  assert.equal((await repo.cli("promote", "--no-push")).code, 0, "v2");
  const head = (await repo.git.run(["rev-parse", "HEAD"])).trim();
  // models/ becomes a link to a folder outside that holds a file of the same name.
  const outside = await outsideFolder(repo, { "fraud.onnx": "outside, must stay as it is" });
  await rm(join(repo.dir, "models"), { recursive: true });
  await symlink(outside, join(repo.dir, "models"));

  const result = await repo.cli("rollback", "--model", "fraud");
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(
    result.stderr,
    /models\.fraud\.artifact: models\/fraud\.onnx resolves to .*outside\/fraud\.onnx, outside the repository/,
  );
  assert.equal(await readFile(join(outside, "fraud.onnx"), "utf8"), "outside, must stay as it is");
  assert.equal((await repo.git.run(["rev-parse", "HEAD"])).trim(), head, "no rollback commit");
});
