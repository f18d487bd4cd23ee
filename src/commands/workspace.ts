import { resolve } from "node:path";
import { createGit, findRepoRoot, type Git } from "../git/git.ts";
import { loadConfig, DEFAULT_CONFIG_FILE } from "../config/load.ts";
import type { Config, ModelConfig } from "../config/types.ts";
import type { CommandContext, Values } from "./command.ts";
import { UserError } from "../errors.ts";

/** The repository, its git and its config: what almost every command starts from. */
export interface Workspace {
  root: string;
  git: Git;
  config: Config;
  /** The models selected by --model, or all of them. */
  models: ModelConfig[];
}

export async function openWorkspace(context: CommandContext, values: Values): Promise<Workspace> {
  const root = await findRepoRoot(context.cwd);
  const configPath = resolve(
    context.cwd,
    typeof values.config === "string" ? values.config : resolve(root, DEFAULT_CONFIG_FILE),
  );
  const config = await loadConfig(configPath, root);
  return {
    root,
    git: createGit(root, context.env),
    config,
    models: selectModels(config, values.model as string | undefined),
  };
}

export function selectModels(config: Config, name: string | undefined): ModelConfig[] {
  if (!name) return config.models;
  const model = config.models.find((m) => m.name === name);
  if (!model) {
    throw new UserError(
      `--model ${name}: no such model in ${config.relativePath}. Models there: ${config.models.map((m) => m.name).join(", ")}.`,
      { file: config.relativePath, key: "models" },
    );
  }
  return [model];
}
