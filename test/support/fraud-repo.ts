import {
  generateTransactions,
  toCsv,
  FRAUD_LABEL,
  TRANSACTION_FEATURES,
  CATEGORICAL_TRANSACTION_FEATURES,
} from "../../src/demo/transactions.ts";
import { trainLogisticModel } from "../../src/trainer/index.ts";
import { createTestRepo, type TestRepo } from "./git-repo.ts";

/** A repository with the fraud example's shape: baseline training data and a model trained on it. */
export async function fraudRepo(options: { trainRows?: number } = {}): Promise<TestRepo> {
  const train = generateTransactions({ rows: options.trainRows ?? 6000, seed: 1, scenario: "baseline" });
  const { model } = trainLogisticModel({
    table: train,
    label: FRAUD_LABEL,
    features: [...TRANSACTION_FEATURES],
    categorical: [...CATEGORICAL_TRANSACTION_FEATURES],
    l2: 1,
  });
  const repo = await createTestRepo({
    "modelkeeper.yml": [
      "models:",
      "  fraud:",
      "    task: binary",
      "    artifact: models/fraud.onnx",
      "    label: is_fraud",
      `    features: [${TRANSACTION_FEATURES.join(", ")}]`,
      "    data:",
      "      train: data/train.csv",
      "      holdout: data/train.csv",
      "",
    ].join("\n"),
    "data/train.csv": toCsv(train),
    "models/fraud.onnx": Buffer.from(model),
  });
  await repo.commit("fraud model");
  return repo;
}

export function windowCsv(rows: number, seed: number, scenario: "baseline" | "new_scam"): string {
  return toCsv(generateTransactions({ rows, seed, scenario }));
}
