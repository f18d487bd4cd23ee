import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);

// src/stats/metrics/multiclass-argmax.ts
function argmaxRows(probabilities, classCount) {
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

export {
  argmaxRows
};
