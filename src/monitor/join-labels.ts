/**
 * Pairs prediction-log rows with labels that arrived later, by request id. A request may score
 * several rows under one id: the k-th log row of an id pairs with the k-th label row of that id,
 * in file order. Pure.
 */
export interface LabelJoin {
  /** Log row of each pair. */
  logRows: Int32Array;
  /** Label row of each pair. */
  labelRows: Int32Array;
  /** Log rows (with an id) no label has arrived for yet; rows without an id are not counted. */
  unlabelled: number;
  /** Label rows whose request is not in the log (another window, or another model). */
  unmatched: number;
}

export function joinByRequestId(
  logIds: readonly (string | undefined)[],
  labelIds: readonly (string | undefined)[],
): LabelJoin {
  const waiting = new Map<string, number[]>();
  for (let row = labelIds.length - 1; row >= 0; row--) {
    const id = labelIds[row];
    if (id === undefined) continue;
    let rows = waiting.get(id);
    if (!rows) waiting.set(id, (rows = []));
    rows.push(row); // reversed, so pop() yields them in file order
  }
  const logRows: number[] = [];
  const labelRows: number[] = [];
  for (let row = 0; row < logIds.length; row++) {
    const id = logIds[row];
    const label = id === undefined ? undefined : waiting.get(id)?.pop();
    if (label === undefined) continue;
    logRows.push(row);
    labelRows.push(label);
  }
  let unmatched = 0;
  for (const rows of waiting.values()) unmatched += rows.length;
  for (const id of labelIds) if (id === undefined) unmatched++;
  const withId = logIds.reduce((n, id) => (id === undefined ? n : n + 1), 0);
  return {
    logRows: Int32Array.from(logRows),
    labelRows: Int32Array.from(labelRows),
    unlabelled: withId - logRows.length,
    unmatched,
  };
}
