/**
 * What `serve` rolls out, from its flags and the model's `rollout` section: the challenger (REV or
 * PATH), and the steps it goes through.
 *   --canary X                     the config's steps (default shadow, 5, 25, 50, 100)
 *   --canary X --canary-percent P  steps [P, 100]: analysed at P%, then answering everyone
 *   --shadow X                     steps [shadow, 100], but the shadow never answers: it is looked
 *                                  at as long as the server runs (reverted on a breach, else
 *                                  pending), and never promoted; a later --canary of the same
 *                                  artifact resumes from its record.
 * Pure: flags and config in, a plan (or a UserError naming the flag) out.
 */
import type { RolloutConfig } from "../config/types.ts";
import { UserError } from "../errors.ts";

export interface RolloutPlan {
  mode: "canary" | "shadow";
  /** The REV or PATH as given. */
  challenger: string;
  config: RolloutConfig;
}

export interface RolloutFlags {
  canary?: string;
  "canary-percent"?: string;
  shadow?: string;
}

export function rolloutPlan(config: RolloutConfig, flags: RolloutFlags): RolloutPlan | undefined {
  const { canary, shadow } = flags;
  const percentText = flags["canary-percent"];
  if (canary !== undefined && shadow !== undefined) {
    throw new UserError(
      '--canary and --shadow: pass one. A canary can start in shadow: put "shadow" first in the model\'s rollout.steps.',
    );
  }
  if (percentText !== undefined && canary === undefined)
    throw new UserError(
      `--canary-percent ${percentText}: also pass --canary REV|PATH, the model that gets that share.`,
    );
  for (const [flag, value] of [
    ["canary", canary],
    ["shadow", shadow],
  ] as const) {
    if (value !== undefined && value.trim() === "")
      throw new UserError(`--${flag}: expected a commit, tag or ONNX file, got an empty value.`);
  }
  if (shadow !== undefined) {
    // Never ready to pass (min_requests infinite): only the scheduled looks, each able to revert.
    return {
      mode: "shadow",
      challenger: shadow,
      config: { ...config, steps: ["shadow", 100], min_requests: Number.POSITIVE_INFINITY },
    };
  }
  if (canary === undefined) return undefined;
  if (percentText === undefined) return { mode: "canary", challenger: canary, config };
  const percent = Number(percentText);
  if (percentText.trim() === "" || !Number.isFinite(percent) || percent <= 0 || percent >= 100) {
    throw new UserError(
      `--canary-percent ${percentText}: expected a percent above 0 and below 100 (the share of requests the canary answers while it is analysed; passing it moves the canary to 100).`,
    );
  }
  return { mode: "canary", challenger: canary, config: { ...config, steps: [percent, 100] } };
}
