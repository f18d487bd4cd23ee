import { chmod, mkdtemp, mkdir, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGit, type Git } from "../../src/git/git.ts";
import { runCli } from "../../src/cli/run-cli.ts";

/** A real git repository in a temporary folder, with a bare `origin` (DVC's tmp_dir + scm fixtures). */
export interface TestRepo {
  dir: string;
  origin: string;
  git: Git;
  write(path: string, content: string | Buffer): Promise<void>;
  commit(message?: string): Promise<string>;
  /** Runs the CLI in-process in this repository. */
  cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  cleanup(): Promise<void>;
}

export async function createTestRepo(files: Record<string, string | Buffer> = {}): Promise<TestRepo> {
  const base = await mkdtemp(join(tmpdir(), "mk-test-"));
  const dir = join(base, "repo");
  const origin = join(base, "origin.git");
  await mkdir(dir);
  await createGit(base).run(["init", "--quiet", "--bare", "--initial-branch=main", origin]);
  const git = createGit(dir);
  await git.run(["init", "--quiet", "--initial-branch=main"]);
  await git.run(["config", "user.name", "Test"]);
  await git.run(["config", "user.email", "test@example.invalid"]);
  await git.run(["config", "commit.gpgsign", "false"]);
  await git.run(["remote", "add", "origin", origin]);
  const repo: TestRepo = {
    dir,
    origin,
    git,
    async write(path, content) {
      await mkdir(join(dir, path, ".."), { recursive: true });
      await writeFile(join(dir, path), content);
    },
    async commit(message = "commit") {
      await git.run(["add", "-A"]);
      await git.run(["commit", "--quiet", "--allow-empty", "-m", message]);
      return (await git.run(["rev-parse", "HEAD"])).trim();
    },
    async cli(...argv) {
      let stdout = "";
      let stderr = "";
      const env = { ...process.env, GITHUB_EVENT_NAME: "", GITHUB_EVENT_PATH: "", GITHUB_ACTIONS: "" };
      const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, env, dir);
      return { code, stdout, stderr };
    },
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
  for (const [path, content] of Object.entries(files)) await repo.write(path, content);
  return repo;
}

/** A minimal valid config for one binary model, with its files. */
export function simpleModelFiles(): Record<string, string> {
  return {
    "modelkeeper.yml": [
      "models:",
      "  fraud:",
      "    task: binary",
      "    artifact: models/fraud.bin",
      "    train: node train.mjs",
      "    label: is_fraud",
      "    data:",
      "      train: data/train/*.csv",
      "      holdout: data/holdout.csv",
      "    code: [train.mjs, src]",
      "    config: [params.yaml]",
      "",
    ].join("\n"),
    "data/train/a.csv": "amount,is_fraud\n1,0\n2,1\n",
    "data/train/b.csv": "amount,is_fraud\n3,0\n",
    "data/holdout.csv": "amount,is_fraud\n4,1\n",
    "train.mjs":
      "import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';\n" +
      "mkdirSync('models', { recursive: true });\n" +
      "writeFileSync('models/fraud.bin', 'model:' + readFileSync('params.yaml', 'utf8'));\n",
    "src/features.py": "def f(x):\n    return x\n",
    "params.yaml": "lr: 0.1\n",
    "models/fraud.bin": "model:lr: 0.1\n",
    "package-lock.json": "{}\n",
  };
}

/** Overwrites a loose object of the repository with junk, as a disk error would: git then reports it corrupt. */
export async function corruptObject(repo: TestRepo, oid: string): Promise<void> {
  const file = join(repo.dir, ".git", "objects", oid.slice(0, 2), oid.slice(2));
  await chmod(file, 0o644);
  await writeFile(file, "not a zlib stream");
}

/** A folder that is not inside any git repository, removed by `cleanup`. */
export async function createNonRepo(): Promise<{ dir: string; git: Git; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "mk-norepo-"));
  return { dir, git: createGit(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
}
