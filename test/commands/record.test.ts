import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { writeFile, symlink, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestRepo, simpleModelFiles } from "../support/git-repo.ts";
import { createGit } from "../../src/git/git.ts";
import { parseNote, type RecordLine } from "../../src/provenance/note-line.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { readBlob } from "../../src/git/blob.ts";
import { readRecordedInputs } from "../../src/provenance/record-inputs.ts";

const sha = (data: string) => createHash("sha256").update(data).digest("hex");

async function noteLines(git: ReturnType<typeof createGit>, rev = "HEAD") {
  const r = await git.tryRun(["notes", "--ref=refs/notes/modelkeeper", "show", rev]);
  return r.code === 0 ? r.stdout.trim().split("\n") : [];
}

test("record writes one short JSON line naming a manifest blob with the sha256 of every file, keyed by sorted path", async (t) => {
  const files = simpleModelFiles();
  const repo = await createTestRepo(files);
  t.after(() => repo.cleanup());
  const commit = await repo.commit();
  const result = await repo.cli("record", "--json");
  assert.equal(result.code, 0, result.stderr);
  const lines = await noteLines(repo.git);
  assert.equal(lines.length, 1);
  const record = JSON.parse(lines[0]) as RecordLine;
  assert.equal(record.event, "record");
  assert.equal(record.model, "fraud");
  assert.equal(record.schema, 1);
  assert.equal(record.train, "node train.mjs");
  assert.equal(record.inputs, undefined, "hashes are in the manifest, not inline");
  assert.equal(record.dirty, undefined);
  assert.deepEqual(record.artifact, {
    path: "models/fraud.bin",
    sha256: sha(files["models/fraud.bin"]),
    bytes: files["models/fraud.bin"].length,
  });

  // The manifest is a git blob, byte-for-byte what the line's sha256 names, listing each file.
  const manifest = await readBlob(repo.git, record.manifest!.oid);
  assert.equal(createHash("sha256").update(manifest).digest("hex"), record.manifest!.sha256);
  const [header, ...entries] = manifest
    .toString("utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(header.modelkeeper, "manifest");
  assert.equal(header.section.evaluate.confidence, 0.95, "the model's section with defaults filled in");
  // In path order (the order files are hashed in, so entries stream out as hashes arrive).
  assert.deepEqual(entries, [
    ["data", "data/holdout.csv", sha(files["data/holdout.csv"])],
    ["data", "data/train/a.csv", sha(files["data/train/a.csv"])],
    ["data", "data/train/b.csv", sha(files["data/train/b.csv"])],
    ["lockfiles", "package-lock.json", sha("{}\n")],
    ["config", "params.yaml", sha(files["params.yaml"])],
    ["code", "src/features.py", sha(files["src/features.py"])],
    ["code", "train.mjs", sha(files["train.mjs"])],
  ]);
  assert.equal(record.manifest!.files, 7);
  assert.equal(record.section!.file, "modelkeeper.yml");
  // The reader gives the same per-file hashes.
  const recorded = await readRecordedInputs(repo.git, record, "test");
  assert.deepEqual(recorded.inputs.config, { "params.yaml": sha(files["params.yaml"]) });
  assert.ok(record.tool.startsWith("modelkeeper/"));
  assert.ok(!Number.isNaN(Date.parse(record.at)));
  const json = JSON.parse(result.stdout);
  assert.equal(json.commit, commit);
});

test("a second record of the same commit adds no identical line and reuses the hash cache for unchanged files", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.cli("record");
  const second = await repo.cli("record", "--json");
  assert.equal(second.code, 0, second.stderr);
  assert.equal((await noteLines(repo.git)).length, 1, "same artifact and inputs on the same commit: idempotent");
  const [model] = JSON.parse(second.stdout).models;
  assert.equal(model.hashed + model.reused, 8);
});

test("on a pull_request event the note goes on the PR head commit, not the merge commit", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  const head = await repo.commit("head");
  await repo.git.run(["commit", "--quiet", "--allow-empty", "-m", "merge commit stand-in"]);
  const eventPath = join(await mkdtemp(join(tmpdir(), "mk-event-")), "event.json");
  await writeFile(
    eventPath,
    JSON.stringify({
      pull_request: { number: 7, head: { sha: head, ref: "feature" }, base: { ref: "main", sha: head } },
    }),
  );
  const env = { ...process.env, GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: eventPath };
  const code = await runCli(["record"], { stdout: () => {}, stderr: () => {} }, env, repo.dir);
  assert.equal(code, 0);
  assert.equal((await noteLines(repo.git, head)).length, 1);
  assert.equal((await noteLines(repo.git, "HEAD")).length, 0);
});

const badInputs: Array<[string, (files: Record<string, string>) => void, RegExp]> = [
  [
    "an empty glob",
    (f) => (f["modelkeeper.yml"] = f["modelkeeper.yml"].replace("data/train/*.csv", "data/nothing/*.csv")),
    /models\.fraud\.data: "data\/nothing\/\*\.csv" matches no file/,
  ],
  [
    "a path outside the repository",
    (f) => (f["modelkeeper.yml"] = f["modelkeeper.yml"].replace("[params.yaml]", "[../secrets.yaml]")),
    /"\.\.\/secrets\.yaml" is outside the repository/,
  ],
  [
    "a missing artifact",
    (f) => delete f["models/fraud.bin"],
    /models\.fraud\.artifact: "models\/fraud\.bin" matches no file/,
  ],
  [
    "an unknown key",
    (f) => (f["modelkeeper.yml"] += "    colour: red\n"),
    /modelkeeper\.yml:12: unknown key "models\.fraud\.colour"/,
  ],
  ["invalid YAML", (f) => (f["modelkeeper.yml"] = "models: [\n"), /modelkeeper\.yml:\d+:\d+: invalid YAML/],
];

for (const [name, mutate, message] of badInputs) {
  test(`record refuses ${name} with a clear message, exit 2, and adds no note line`, async (t) => {
    const files = simpleModelFiles();
    mutate(files);
    const repo = await createTestRepo(files);
    t.after(() => repo.cleanup());
    await repo.commit();
    const result = await repo.cli("record");
    assert.equal(result.code, 2);
    assert.match(result.stderr, message);
    assert.deepEqual(await noteLines(repo.git), []);
  });
}

test("record refuses a symbolic link that points outside the repository", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await writeFile(join(repo.dir, "..", "outside.txt"), "secret");
  await symlink(join(repo.dir, "..", "outside.txt"), join(repo.dir, "src", "link.py"));
  await repo.commit();
  const result = await repo.cli("record");
  assert.equal(result.code, 2);
  assert.match(result.stderr, /resolves to .*outside\.txt, outside the repository/);
  assert.deepEqual(await noteLines(repo.git), []);
});

test("no config and not a git repository are clear errors", async (t) => {
  const repo = await createTestRepo({ "README.md": "x" });
  t.after(() => repo.cleanup());
  await repo.commit();
  const noConfig = await repo.cli("record");
  assert.equal(noConfig.code, 2);
  assert.match(noConfig.stderr, /modelkeeper\.yml: no config file\. Create modelkeeper\.yml at the repository root/);
  const outside = await mkdtemp(join(tmpdir(), "mk-nogit-"));
  let stderr = "";
  const code = await runCli(["record"], { stdout: () => {}, stderr: (t) => (stderr += t) }, process.env, outside);
  assert.equal(code, 2);
  assert.match(stderr, /is not inside a git repository/);
});

test("eight record --push runs from eight clones at once: every line reaches the remote, all valid JSON", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  const clones = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      const dir = join(repo.dir, "..", `clone-${i}`);
      await createGit(join(repo.dir, "..")).run(["clone", "--quiet", repo.origin, dir]);
      return dir;
    }),
  );
  const results = await Promise.all(
    clones.map((dir) => {
      let stderr = "";
      return runCli(["record", "--push"], { stdout: () => {}, stderr: (t) => (stderr += t) }, process.env, dir).then(
        (code) => ({ code, stderr }),
      );
    }),
  );
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  const check = join(repo.dir, "..", "check");
  const git = createGit(join(repo.dir, ".."));
  await git.run(["clone", "--quiet", repo.origin, check]);
  const checkGit = createGit(check);
  await checkGit.run(["fetch", "--quiet", "origin", "refs/notes/modelkeeper:refs/notes/modelkeeper"]);
  const lines = await noteLines(checkGit);
  assert.equal(lines.length, 8);
  const parsed = parseNote(lines.join("\n"));
  assert.equal(parsed.length, 8);
  assert.equal(new Set(lines).size, 8);
});

test("record on a dirty tree refuses, naming each file; --allow-dirty records them and marks the line", async (t) => {
  const repo = await createTestRepo({ ...simpleModelFiles(), ".gitignore": "data/holdout.csv\n" });
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.write("params.yaml", "lr: 0.5\n"); // modified, not committed
  await repo.write("src/new.py", "x = 1\n"); // untracked, matched by the code pattern
  await repo.write("notes.txt", "not an input\n"); // untracked but not hashed: irrelevant
  const refused = await repo.cli("record");
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /2 hashed file\(s\) are not as committed in [0-9a-f]{12}/);
  assert.match(refused.stderr, /modified +params\.yaml/);
  assert.match(refused.stderr, /untracked +src\/new\.py/);
  assert.match(refused.stderr, /--allow-dirty/);
  assert.doesNotMatch(refused.stderr, /notes\.txt|holdout/, "ignored inputs (kept outside git) are not dirty");
  assert.deepEqual(await noteLines(repo.git), []);

  const allowed = await repo.cli("record", "--allow-dirty", "--json");
  assert.equal(allowed.code, 0, allowed.stderr);
  const [line] = (await noteLines(repo.git)).map((l) => JSON.parse(l) as RecordLine);
  assert.deepEqual(line.dirty, ["params.yaml", "src/new.py"]);
  assert.match(allowed.stderr, /recording 2 file\(s\) that are not as committed/);
  const verify = await repo.cli("verify");
  assert.match(
    verify.stdout,
    /the record was made with --allow-dirty: 2 file\(s\) were not as committed \(params\.yaml, src\/new\.py\)/,
  );

  // A staged but uncommitted change is dirty too: the commit does not hold it.
  await repo.git.run(["add", "params.yaml"]);
  assert.match((await repo.cli("record")).stderr, /modified +params\.yaml/);
});

test("an unchanged tree records the same manifest blob again: the new note line is a few hundred bytes", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  const c1 = await repo.commit();
  await repo.cli("record");
  await repo.commit("nothing changed");
  await repo.cli("record");
  const [first, second] = [...(await noteLines(repo.git, c1)), ...(await noteLines(repo.git))].map(
    (l) => JSON.parse(l) as RecordLine,
  );
  assert.equal(second.manifest!.oid, first.manifest!.oid);
  assert.ok(JSON.stringify(second).length < 1000, `${JSON.stringify(second).length} bytes`);
  // The manifest is kept alive as a note on itself in the same ref (so gc keeps it, pushes carry it).
  const listed = await repo.git.run(["notes", "--ref=refs/notes/modelkeeper", "list", first.manifest!.oid]);
  assert.equal(listed.trim(), first.manifest!.oid);
  await repo.git.run(["gc", "--quiet", "--prune=now"]);
  assert.equal((await repo.git.tryRun(["cat-file", "-e", first.manifest!.oid])).code, 0, "gc keeps the manifest");
});

test("record --push carries the manifest blobs: a fresh clone of the bare remote verifies", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  assert.equal((await repo.cli("record", "--push")).code, 0);
  const fresh = join(repo.dir, "..", "fresh");
  await createGit(join(repo.dir, "..")).run(["clone", "--quiet", repo.origin, fresh]);
  const git = createGit(fresh);
  await git.run(["fetch", "--quiet", "origin", "refs/notes/modelkeeper:refs/notes/modelkeeper"]);
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    ["verify", "--json"],
    { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) },
    process.env,
    fresh,
  );
  assert.equal(code, 0, stderr + stdout);
  assert.equal(JSON.parse(stdout).models[0].checked, 8);
});

test("committed files are known by blob id: rewritten with the same bytes they are not read again; a committed change is", async (t) => {
  const files = simpleModelFiles();
  const repo = await createTestRepo(files);
  t.after(() => repo.cleanup());
  await repo.commit();
  await new Promise((r) => setTimeout(r, 20)); // the files' mtimes fall before the record's check
  const first = JSON.parse((await repo.cli("record", "--json")).stdout).models[0];
  assert.equal(first.hashed, 8);
  // Same bytes, new mtime and inode: the stat cache would read it again; git knows it is the same blob.
  await repo.write("data/train/a.csv", files["data/train/a.csv"]);
  const second = JSON.parse((await repo.cli("record", "--json")).stdout).models[0];
  assert.deepEqual([second.hashed, second.reused], [0, 8]);

  await repo.write("data/train/a.csv", "amount,hour,is_fraud\n1,2,1\n");
  await repo.commit();
  const third = await repo.cli("record", "--json");
  assert.equal(JSON.parse(third.stdout).models[0].hashed, 1);
  const line = JSON.parse((await noteLines(repo.git)).at(-1)!) as RecordLine;
  const recorded = await readRecordedInputs(repo.git, line, "test");
  assert.equal(recorded.inputs.data["data/train/a.csv"], sha("amount,hour,is_fraud\n1,2,1\n"));
});

test("an unchanged tree on a new commit reuses the earlier manifest without hashing; an ignored file under a pattern's folder is hashed, not skipped", async (t) => {
  const repo = await createTestRepo({ ...simpleModelFiles(), ".gitignore": "data/train/*.local.csv\n" });
  t.after(() => repo.cleanup());
  await repo.commit();
  await new Promise((r) => setTimeout(r, 20));
  const first = await repo.cli("record", "--json");
  assert.equal(JSON.parse(first.stdout).models[0].hashed, 8);
  await repo.commit("nothing changed");
  const second = await repo.cli("record", "--json");
  assert.match(second.stderr, /its manifest [0-9a-f]{12} is reused/);
  assert.equal(JSON.parse(second.stdout).models[0].hashed, 0);
  const [a, b] = [
    JSON.parse((await noteLines(repo.git, "HEAD~1"))[0]),
    JSON.parse((await noteLines(repo.git))[0]),
  ] as RecordLine[];
  assert.deepEqual(b.manifest, a.manifest);

  // An ignored file the data glob matches: the walk would hash it, so the memo must not apply.
  await repo.write("data/train/c.local.csv", "amount,hour,is_fraud\n9,9,1\n");
  await repo.commit("still nothing committed changed");
  const third = await repo.cli("record", "--json");
  assert.equal(third.code, 0, third.stderr);
  assert.doesNotMatch(third.stderr, /is reused/);
  const line = JSON.parse((await noteLines(repo.git))[0]) as RecordLine;
  const recorded = await readRecordedInputs(repo.git, line, "test");
  assert.equal(recorded.inputs.data["data/train/c.local.csv"], sha("amount,hour,is_fraud\n9,9,1\n"));
});
