// The repository the drift benchmarks run in: a model with no artifact, so drift judges the
// inputs only (the same work for every engine and baseline), its reference `reference.csv`.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createGit } from "../../src/git/git.ts";

export async function writeInputDriftRepo(root: string, features: string[]): Promise<void> {
  await writeFile(
    join(root, "modelkeeper.yml"),
    [
      "models:",
      "  m:",
      "    task: binary",
      "    artifact: model.onnx",
      "    label: y",
      `    features: [${features.join(", ")}]`,
      "    data:",
      "      train: reference.csv",
      "      holdout: reference.csv",
      "",
    ].join("\n"),
  );
  await createGit(root).run(["init", "--quiet"]);
}
