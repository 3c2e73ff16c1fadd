// The loss of a model that ignores its inputs. A trained model near this line has learnt
// nothing from x (underfitting); it is the floor any useful model must beat.
import type { LossKey } from '../shared/config';
import type { Problem } from '../shared/datasets';

/** Matches tfjs' epsilon, so the baseline is on the same scale as the reported losses. */
const EPS = 1e-7;

function clip(p: number): number {
  return Math.min(1 - EPS, Math.max(EPS, p));
}

/** Class frequencies of the training labels; uniform when there are none. */
function frequencies(y: Float32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const v of y) counts[v]++;
  return y.length ? counts.map((c) => c / y.length) : counts.map(() => 1 / classes);
}

/** Loss for one sample of class `c` when predicting `p` (one output unit per class). */
function classLoss(p: number[], c: number, loss: LossKey): number {
  const k = p.length;
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const t = j === c ? 1 : 0;
    if (loss === 'mse') sum += (t - p[j]) ** 2;
    else if (loss === 'bce') sum -= t * Math.log(clip(p[j])) + (1 - t) * Math.log(1 - clip(p[j]));
    else if (t) sum -= Math.log(clip(p[j]));
  }
  // mse and bce average over output units. With 2 classes both units give the same term,
  // so this equals the single sigmoid unit the network actually uses for binary problems.
  return loss === 'cce' ? sum : sum / k;
}

/**
 * Loss on `yEval` of predicting the training class frequencies (classification) or the training
 * mean (regression, mse only). NaN when `yEval` is empty.
 */
export function baselineLoss(yTrain: Float32Array, yEval: Float32Array, problem: Problem, classes: number, loss: LossKey): number {
  if (yEval.length === 0) return NaN;
  if (problem === 'regression') {
    if (loss !== 'mse') throw new RangeError(`regression uses mse, not ${loss}`);
    const mean = yTrain.length ? yTrain.reduce((s, v) => s + v, 0) / yTrain.length : 0;
    return yEval.reduce((s, v) => s + (v - mean) ** 2, 0) / yEval.length;
  }
  const p = frequencies(yTrain, classes);
  const perClass = p.map((_, c) => classLoss(p, c, loss));
  return yEval.reduce((s, v) => s + perClass[v], 0) / yEval.length;
}
