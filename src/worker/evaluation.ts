// The table views of a model's validation predictions: a confusion matrix for classification,
// predicted against actual values (in the target's own units) for regression.
import { toOriginalTarget, type EncodedTable } from '../data/tables/encode';
import type { EvaluationView } from '../shared/protocol';

/**
 * `outputs` are the model's outputs on the validation rows `rows` (in that order): P(class 1)
 * for two classes, K probabilities per row for K, or the standardized value for regression.
 */
export function evaluationView(enc: EncodedTable, rows: Int32Array, outputs: Float32Array): EvaluationView {
  const n = rows.length;
  if (enc.classes === 1) {
    const actual = new Float32Array(n);
    const predicted = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      actual[i] = toOriginalTarget(enc, enc.y[rows[i]]);
      predicted[i] = toOriginalTarget(enc, outputs[i]);
    }
    return { kind: 'fit', actual, predicted };
  }
  const k = enc.classes;
  const counts = new Array<number>(k * k).fill(0);
  for (let i = 0; i < n; i++) {
    let guess: number;
    if (k === 2) guess = outputs[i] >= 0.5 ? 1 : 0;
    else {
      guess = 0;
      for (let c = 1; c < k; c++) if (outputs[i * k + c] > outputs[i * k + guess]) guess = c;
    }
    counts[enc.y[rows[i]] * k + guess]++;
  }
  return { kind: 'confusion', classNames: enc.classNames, counts };
}
