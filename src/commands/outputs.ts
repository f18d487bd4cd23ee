/**
 * The names a command may give its Action outputs, the same list and order as `outputs:` in
 * action.yml (test/action/action-yml.test.ts keeps the two equal). A command result is typed
 * with them, so an output nobody declared does not compile.
 */
export const ACTION_OUTPUTS = [
  "exit-code",
  "json",
  "commit",
  "manifest",
  "models",
  "ok",
  "changed",
  "reproduced",
  "verdict",
  "metric",
  "delta",
  "ci-low",
  "ci-high",
  "report",
  "drifted",
  "drifted-models",
  "drifted-columns",
  "issues",
  "breached",
  "breached-models",
  "tags",
  "version",
  "tag",
  "pull-request",
  "rollouts",
  "running",
  "reverted",
  "dir",
] as const;

export type ActionOutput = (typeof ACTION_OUTPUTS)[number];
