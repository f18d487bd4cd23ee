import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createGit } from "../src/git/git.ts";

/**
 * Writes the demo's example ML repository (the shape of examples/fraud/) into `dir` as a git
 * repository with a bare `origin`, and commits it. Deterministic: the same files every time.
 */
export async function createExampleRepo(
  dir: string,
  files: Record<string, string>,
): Promise<{ repo: string; origin: string }> {
  const repo = join(dir, "fraud-model");
  const origin = join(dir, "origin.git");
  await mkdir(repo, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(repo, path, ".."), { recursive: true });
    await writeFile(join(repo, path), content);
  }
  await createGit(dir).run(["init", "--quiet", "--bare", "--initial-branch=main", origin]);
  const git = createGit(repo);
  await git.run(["init", "--quiet", "--initial-branch=main"]);
  await git.run(["config", "user.name", "modelkeeper demo"]);
  await git.run(["config", "user.email", "demo@modelkeeper.invalid"]);
  await git.run(["remote", "add", "origin", origin]);
  await git.run(["add", "-A"]);
  await git.run(["commit", "--quiet", "-m", "Fraud model: data, training code and config"]);
  await git.run(["push", "--quiet", "origin", "main"]);
  return { repo, origin };
}
