/**
 * modelkeeper.yml from the tip of the default branch, read through the API and validated by the
 * CLI's own parseConfig (schema/modelkeeper.schema.json). The tip's commit and tree are kept: the
 * retrain commit is made on exactly the snapshot whose config was checked. Results are cached by
 * commit sha (immutable), so a burst of requests reads the file once.
 */
import type { Config } from "../../src/config/types.ts";
import { parseConfig } from "../../src/config/parse.ts";
import { isUserError } from "../../src/errors.ts";
import { configInvalidComment, configMissingComment } from "../messages.ts";
import type { BotGitHub, RepoTarget } from "./github.ts";
import { statusOf } from "./github.ts";

const CONFIG_PATH = "modelkeeper.yml";

export interface BranchTip {
  branch: string;
  sha: string;
  treeSha: string;
}

export type LoadedConfig = { tip: BranchTip; config: Config } | { tip: BranchTip; problem: string };

/** Parsed configs by `owner/repo@sha`, least recently used dropped first. */
export class ConfigCache {
  private readonly entries = new Map<string, Promise<{ config: Config } | { problem: string }>>();

  constructor(private readonly capacity = 200) {}

  get(
    key: string,
    load: () => Promise<{ config: Config } | { problem: string }>,
  ): Promise<{ config: Config } | { problem: string }> {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      entry = load();
      // A failed read (network, 5xx) must not stick.
      entry.catch(() => this.entries.delete(key));
    }
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

export async function loadDefaultBranchConfig(
  github: BotGitHub,
  repo: RepoTarget,
  cache: ConfigCache,
): Promise<LoadedConfig> {
  const { data: branch } = await github.rest.repos.getBranch({
    owner: repo.owner,
    repo: repo.repo,
    branch: repo.defaultBranch,
  });
  const tip: BranchTip = { branch: repo.defaultBranch, sha: branch.commit.sha, treeSha: branch.commit.commit.tree.sha };
  const result = await cache.get(`${repo.owner}/${repo.repo}@${tip.sha}`.toLowerCase(), () =>
    readConfig(github, repo, tip),
  );
  return { tip, ...result };
}

async function readConfig(
  github: BotGitHub,
  repo: RepoTarget,
  tip: BranchTip,
): Promise<{ config: Config } | { problem: string }> {
  let text: string;
  try {
    const { data } = await github.rest.repos.getContent({
      owner: repo.owner,
      repo: repo.repo,
      path: CONFIG_PATH,
      ref: tip.sha,
      mediaType: { format: "raw" },
    });
    text = typeof data === "string" ? data : Buffer.from(data as unknown as ArrayBuffer).toString("utf8");
  } catch (error) {
    if (statusOf(error) === 404) return { problem: configMissingComment(tip.branch) };
    throw error;
  }
  try {
    return { config: parseConfig(text, CONFIG_PATH) };
  } catch (error) {
    if (isUserError(error)) return { problem: configInvalidComment(error.message, tip.branch) };
    throw error;
  }
}
