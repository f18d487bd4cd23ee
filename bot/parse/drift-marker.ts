import { commentMarker } from "../../src/github/sticky-comment.ts";

/** The marker's text around the (URI-encoded) model name, from the one function that writes it. */
const [PREFIX, SUFFIX] = commentMarker("drift", "\u0000").split(encodeURIComponent("\u0000"));

/**
 * The model a drift issue is about: the drift command writes commentMarker("drift", model), i.e.
 * `<!-- modelkeeper:drift:<URI-encoded model> -->`, into the issue body. The first marker whose
 * name decodes and re-encodes to itself wins. Example: "<!-- modelkeeper:drift:fraud%20v2 -->" -> "fraud v2".
 */
export function driftMarkerModel(body: string | null | undefined): string | undefined {
  const text = String(body ?? "");
  for (let start = text.indexOf(PREFIX); start >= 0; start = text.indexOf(PREFIX, start + 1)) {
    const end = text.indexOf(SUFFIX, start + PREFIX.length);
    if (end < 0) return undefined;
    const encoded = text.slice(start + PREFIX.length, end);
    try {
      const model = decodeURIComponent(encoded);
      if (model && commentMarker("drift", model) === `${PREFIX}${encoded}${SUFFIX}`) return model;
    } catch {
      // not a marker the drift command wrote: keep looking
    }
  }
  return undefined;
}
