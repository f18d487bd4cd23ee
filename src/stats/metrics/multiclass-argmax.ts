/**
 * The predicted class of each row of a [N, C] probability matrix: the index of the largest
 * probability, the first one on ties (numpy.argmax, which sklearn's predict uses).
 * Worked example: rows [0.2, 0.5, 0.3] and [0.4, 0.4, 0.2] predict classes 1 and 0.
 */
export function argmaxRows(probabilities: Float64Array, classCount: number): Int32Array {
  const rows = probabilities.length / classCount;
  const predicted = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const offset = i * classCount;
    let best = 0;
    let bestValue = probabilities[offset];
    for (let c = 1; c < classCount; c++) {
      if (probabilities[offset + c] > bestValue) {
        bestValue = probabilities[offset + c];
        best = c;
      }
    }
    predicted[i] = best;
  }
  return predicted;
}
