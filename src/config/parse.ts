import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node } from "yaml";
import type { ErrorObject } from "ajv";
import { validateConfig as validate } from "./schema-validator.ts";
import type { Config, ModelConfig } from "./types.ts";
import { UserError } from "../errors.ts";
import { caseCollisions, modelNameProblem } from "./model-name.ts";

/**
 * Parses and validates config text. `displayName` names the file in messages; the text is
 * checked against schema/modelkeeper.schema.json, whose defaults fill every optional key.
 */
export function parseConfig(text: string, displayName: string, absolutePath = displayName): Config {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new UserError(
      `${displayName}:${line}:${col}: invalid YAML: ${first.message.split("\n")[0]}. Fix the syntax at that line.`,
      { file: displayName, line },
    );
  }
  const data = document.toJS() ?? {};
  if (!validate(data)) {
    const messages = mostUsefulErrors(validate.errors ?? []).map((error) => {
      const path = pointerToPath(error.instancePath);
      const node = nodeAt(document.contents, path, error);
      const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
      // A model name is a key: its column tells which of several names on a line is meant.
      const where = pos ? (isNameError(error) ? `:${pos.line}:${pos.col}` : `:${pos.line}`) : "";
      return {
        line: pos?.line,
        column: isNameError(error) ? pos?.col : undefined,
        key: isNameError(error) ? "models" : undefined,
        text: `${displayName}${where}: ${describe(error, path)}`,
      };
    });
    const { line, column, key } = messages[0];
    throw new UserError(messages.map((m) => m.text).join("\n"), { file: displayName, line, column, key });
  }
  checkCaseCollisions(Object.keys(data.models), document.contents, lineCounter, displayName);
  const models: ModelConfig[] = Object.entries(data.models as Record<string, any>).map(([name, model]) => ({
    ...model,
    name,
    data: { train: list(model.data.train), holdout: list(model.data.holdout) },
    code: list(model.code),
    config: list(model.config),
    classes: model.classes === undefined ? undefined : (model.classes as unknown[]).map(String),
    positive: model.positive === undefined ? undefined : String(model.positive),
    drift: { ...model.drift, reference: model.drift.reference === undefined ? undefined : list(model.drift.reference) },
  }));
  for (const model of models) checkRolloutSteps(model, displayName);
  return { path: absolutePath, relativePath: displayName, models, ...(data.serve ? { serve: data.serve } : {}) };
}

/** The schema checks each step; the order is a rule across steps: shadow first, then rising percents to 100. */
function checkRolloutSteps(model: ModelConfig, displayName: string): void {
  const steps = model.rollout.steps;
  const key = `models.${model.name}.rollout.steps`;
  const percents = steps.filter((s): s is number => s !== "shadow");
  const problem =
    steps.lastIndexOf("shadow") > 0
      ? `"shadow" can only be the first step (the canary scores copies before it answers anyone)`
      : percents.some((p, i) => i > 0 && p <= percents[i - 1])
        ? "the percents must rise from step to step"
        : steps[steps.length - 1] !== 100
          ? "the last step must be 100 (the rollout ends with the new version answering everyone)"
          : undefined;
  if (problem)
    throw new UserError(
      `${displayName}: ${key}: ${JSON.stringify(steps)}: ${problem}. Example: ["shadow", 5, 25, 50, 100].`,
      { file: displayName, key },
    );
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** ajv reports every branch of a oneOf; keep the errors a person can act on. */
function mostUsefulErrors(errors: ErrorObject[]): ErrorObject[] {
  // A bad model name comes as a "pattern" error on the name and a "propertyNames" one: keep the latter.
  const specific = errors.filter(
    (e) => e.keyword !== "oneOf" && e.keyword !== "if" && !(e.keyword === "pattern" && isNameError(e)),
  );
  const seen = new Set<string>();
  return (specific.length ? specific : errors).filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    // A string-or-list key reports "must be string" and "must be array": say it once.
    if (
      e.keyword === "type" &&
      errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword === "type")
    ) {
      const first = errors.find((o) => o.instancePath === e.instancePath && o.keyword === "type");
      if (first !== e) return false;
    }
    return true;
  });
}

function describe(error: ErrorObject, path: string[]): string {
  const key = path.length ? path.join(".") : "(top level)";
  const p = error.params as Record<string, any>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown key "${[...path, p.additionalProperty].join(".")}". ${suggest(error)}`;
    case "required":
      return `${key}: missing required key "${p.missingProperty}". Add it (see the README's "Config" section).`;
    case "enum":
      return `${key}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}.`;
    case "type":
      return `${key}: must be ${p.type === "string" && error.schemaPath.includes("oneOf") ? "a path or a list of paths" : `a ${p.type}`}.`;
    case "propertyNames":
      return nameMessage(p.propertyName);
    case "pattern":
      return `${key}: "${path[path.length - 1]}" is not an allowed name.`;
    default:
      return `${key}: ${error.message}.`;
  }
}

function isNameError(error: ErrorObject): boolean {
  return error.keyword === "propertyNames" || (error.keyword === "pattern" && error.propertyName !== undefined);
}

function nameMessage(name: string): string {
  const rule = modelNameProblem(name) ?? "it does not match the schema's pattern";
  return `models: the model name ${JSON.stringify(name)} is not allowed: ${rule}. It becomes part of git tags and branches, file names and Prometheus labels; rename the model (letters, digits, ".", "_", "-"; e.g. "fraud-v2").`;
}

/** Two names equal but for letter case would share tags and branches on macOS and Windows. */
function checkCaseCollisions(names: string[], root: unknown, lineCounter: LineCounter, displayName: string): void {
  const [collision] = caseCollisions(names);
  if (!collision) return;
  const [earlier, later] = collision;
  const models = isMap(root)
    ? root.items.find((item) => isScalar(item.key) && item.key.value === "models")?.value
    : undefined;
  const key = isMap(models)
    ? models.items.find((item) => isScalar(item.key) && String(item.key.value) === later)?.key
    : undefined;
  const pos = isScalar(key) && key.range ? lineCounter.linePos(key.range[0]) : undefined;
  throw new UserError(
    `${displayName}${pos ? `:${pos.line}:${pos.col}` : ""}: models: the model name ${JSON.stringify(later)} differs from ${JSON.stringify(earlier)} only in letter case: ` +
      "their tags and branches would be the same files on a case-insensitive file system (macOS, Windows). Rename one of them.",
    { file: displayName, line: pos?.line, column: pos?.col, key: "models" },
  );
}

function suggest(error: ErrorObject): string {
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  const allowed = Object.keys(parent?.properties ?? {});
  return allowed.length ? `Allowed here: ${allowed.join(", ")}.` : "Remove it.";
}

function pointerToPath(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The YAML node an error points at (the offending key for unknown keys), to report its line. */
function nodeAt(root: unknown, path: string[], error: ErrorObject): Node | undefined {
  let node = root as Node | undefined;
  for (const segment of path) {
    if (isMap(node))
      node = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment)?.value as Node;
    else if (isSeq(node)) node = node.items[Number(segment)] as Node;
    else return node;
  }
  const p = error.params as Record<string, any>;
  const keyName =
    error.keyword === "additionalProperties"
      ? p.additionalProperty
      : error.keyword === "propertyNames"
        ? p.propertyName
        : undefined;
  if (keyName !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === keyName);
    if (pair && isScalar(pair.key)) return pair.key as Node;
  }
  return node;
}
