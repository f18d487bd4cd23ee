/**
 * The body of `POST /v2/models/{model}/labels`: labels that came back for requests the server
 * answered, joined to them by request id (the `id` of the infer request, or the one the answer
 * gave):
 *   {"labels": [{"id": "r-1", "label": 1}, {"id": "r-2", "label": "fraud"}, {"id": "r-3", "label": [0, 1]}]}
 * `label` is one value for a one-row request, or one per row (an array) for a request of several
 * rows; a value is a number, true/false or text, encoded by the model's label rules
 * (gate/labels.ts: binary 0/1, true/false or `positive:`; multiclass classes; regression a
 * number). Checked whole before anything is used, so a 400 changes nothing and names the field
 * ("labels[3].label"). Pure (the encoder may learn a binary negative).
 */
import { RequestError } from "./infer-request.ts";

export interface PostedLabel {
  id: string;
  /** Encoded: one per row of the request. */
  values: Float64Array;
}

export interface LabelLimits {
  /** Most labels (request ids) in one body: more get 413. */
  maxLabels: number;
  /** Most rows one label may cover (the infer limit, serve.max_rows). */
  maxRows: number;
}

/** The longest request id taken: ids are the client's, and they are held in memory until joined. */
const MAX_ID_LENGTH = 256;

export function parseLabelsRequest(
  body: unknown,
  encode: (text: string) => number | { problem: string },
  limits: LabelLimits,
): PostedLabel[] {
  const example = `send {"labels": [{"id": "<request id>", "label": <value>}, …]}`;
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new RequestError(400, `the body must be a JSON object; ${example}`);
  const labels = (body as { labels?: unknown }).labels;
  if (!Array.isArray(labels))
    throw new RequestError(400, `labels: expected an array of {"id", "label"}, got ${kind(labels)}; ${example}`);
  if (labels.length > limits.maxLabels)
    throw new RequestError(
      413,
      `labels: ${labels.length} labels in one body, more than the limit of ${limits.maxLabels} (serve.labels.max_per_request); send them in several posts`,
    );
  const posted: PostedLabel[] = [];
  for (let i = 0; i < labels.length; i++) {
    const at = `labels[${i}]`;
    const item = labels[i] as { id?: unknown; label?: unknown } | null;
    if (item === null || typeof item !== "object" || Array.isArray(item))
      throw new RequestError(400, `${at}: expected an object {"id", "label"}, got ${kind(item)}`);
    const { id, label } = item;
    if (typeof id !== "string" || id === "" || id.length > MAX_ID_LENGTH) {
      throw new RequestError(
        400,
        `${at}.id: expected the request id as text of 1 to ${MAX_ID_LENGTH} characters (the infer request's "id"), got ${typeof id === "string" ? `${id.length} characters` : kind(id)}`,
      );
    }
    const values = Array.isArray(label) ? label : [label];
    if (values.length === 0 || values.length > limits.maxRows)
      throw new RequestError(
        400,
        `${at}.label: expected one label per row of the request (1 to ${limits.maxRows}), got an array of ${values.length}`,
      );
    const encoded = new Float64Array(values.length);
    for (let row = 0; row < values.length; row++) {
      const field = Array.isArray(label) ? `${at}.label[${row}]` : `${at}.label`;
      const text = textOf(values[row]);
      if (text === undefined)
        throw new RequestError(400, `${field}: expected a number, true/false or text, got ${kind(values[row])}`);
      const value = encode(text);
      if (typeof value !== "number") throw new RequestError(400, `${field}: ${value.problem}`);
      encoded[row] = value;
    }
    posted.push({ id, values: encoded });
  }
  return posted;
}

/** A label as the text a labels file would hold ("1" for 1, "true" for true). */
function textOf(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  return undefined;
}

function kind(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}
