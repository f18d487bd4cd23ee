import { gitFailure, type Git } from "./git.ts";

/** The user.name and user.email git is configured with here ("" for one that is not set). */
export async function configuredIdentity(git: Git): Promise<{ name: string; email: string }> {
  return { name: await configValue(git, "user.name"), email: await configValue(git, "user.email") };
}

async function configValue(git: Git, key: string): Promise<string> {
  const args = ["config", key];
  const result = await git.tryRun(args);
  if (result.code === 0) return result.stdout.trim();
  // git config exits 1 when the key is not set (and only then: a broken config file is 3 or 128).
  if (result.code === 1) return "";
  throw gitFailure(args, result);
}
