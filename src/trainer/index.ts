/**
 * What a train script imports (`import { readTable, trainLogisticModel } from "modelkeeper/trainer"`):
 * read the training data, fit a logistic regression with categorical features, get ONNX bytes to
 * write as the model artifact. Library functions only; the script does its own file writing.
 */
export {
  trainLogisticModel,
  DEFAULT_MAX_CATEGORIES,
  type Coefficient,
  type TrainedModel,
  type TrainingSummary,
  type TrainLogisticModelOptions,
} from "./train-logistic-model.ts";
export { readTable, readTables, type ReadTableOptions } from "../data/read-table.ts";
export { rocAuc } from "./roc-auc.ts";
export type { Column, Table } from "../data/table.ts";
