/**
 * Categorical features inside the graph: each one enters as a string [N, 1] input named after the
 * feature and is one-hot encoded by ai.onnx.ml OneHotEncoder (zeros = 1) into one float column per
 * known category, so raw text goes in at prediction time and no encoding lives outside the model.
 * A value not in the list (a category unseen in training, or "" for a missing value, which is how
 * the runner feeds a missing category) encodes to all zeros, as scikit-learn's
 * OneHotEncoder(handle_unknown="ignore") does, instead of failing.
 *
 * Example: categories ["chip", "online"]; "online" → [0, 1], "chip" → [1, 0], "virtual_card" → [0, 0].
 */
import { UserError } from "../../errors.ts";
import { ElemType, int64Tensor, ONNX_ML_DOMAIN, tensorType, type Dim } from "../onnx-proto.ts";
import type { GraphBuilder } from "./graph-parts.ts";

/** Categorical feature name → its categories, in the order of their one-hot columns. */
export type CategoryLists = Readonly<Record<string, readonly string[]>>;

/**
 * The names of the columns the linear part of a model sees: a numeric feature is one column named
 * after it; a categorical one gives one column per category, named "feature=category".
 * Example: ["amount", "device"] with device: ["chip", "online"] → ["amount", "device=chip", "device=online"].
 */
export function encodedColumnNames(featureNames: readonly string[], categories: CategoryLists = {}): string[] {
  return featureNames.flatMap((feature) =>
    Object.hasOwn(categories, feature) ? categories[feature].map((category) => `${feature}=${category}`) : [feature],
  );
}

/** Checks that every category list belongs to a feature, is non-empty, distinct and has no "" (the missing value). */
export function checkCategoryLists(featureNames: readonly string[], categories: CategoryLists): void {
  for (const [feature, list] of Object.entries(categories)) {
    if (!featureNames.includes(feature)) {
      throw new UserError(
        `categories are given for "${feature}", which is not one of the features ${JSON.stringify(featureNames)}; add it to featureNames or drop its categories`,
      );
    }
    if (list.length === 0)
      throw new UserError(
        `categorical feature "${feature}" has no categories; give at least one, or treat the feature as numeric`,
      );
    if (new Set(list).size !== list.length)
      throw new UserError(`categories of "${feature}" must be distinct; got ${JSON.stringify(list)}`);
    if (list.includes(""))
      throw new UserError(
        `categories of "${feature}" include "", which stands for a missing value (encoded as all zeros); remove it`,
      );
  }
}

/** Adds the string input `feature` [batch, 1] and returns the name of its one-hot float [batch, C] matrix. */
export function addOneHotInput(
  graph: GraphBuilder,
  feature: string,
  categories: readonly string[],
  batch: Dim,
): string {
  graph.inputs.push({ name: feature, type: tensorType(ElemType.STRING, [batch, 1]) });
  const encoded = graph.node({
    opType: "OneHotEncoder",
    domain: ONNX_ML_DOMAIN,
    inputs: [feature],
    outputs: [`${feature}_one_hot_3d`],
    attributes: [
      { name: "cats_strings", kind: "strings", value: categories },
      { name: "zeros", kind: "int", value: 1 },
    ],
  });
  // OneHotEncoder appends the category axis: [N, 1] → [N, 1, C]; drop the middle axis.
  const axes = graph.constant(int64Tensor(`${feature}_one_hot_axes`, [1], [1]));
  return graph.node({ opType: "Squeeze", inputs: [encoded, axes], outputs: [`${feature}_one_hot`] });
}
