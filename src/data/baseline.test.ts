import { describe, it, expect } from 'vitest';
import { baselineLoss } from './baseline';

const f = (...v: number[]) => Float32Array.from(v);

describe('baselineLoss', () => {
  // Training frequencies [0.75, 0.25]; evaluated on one sample of each class.
  const yTrain = f(0, 0, 0, 1);
  const yEval = f(1, 0);

  it('binary cross-entropy of the training frequency', () => {
    const want = (-Math.log(0.25) - Math.log(0.75)) / 2; // 0.836988
    expect(baselineLoss(yTrain, yEval, 'classification', 2, 'bce')).toBeCloseTo(want, 9);
    expect(baselineLoss(yTrain, yEval, 'classification', 2, 'bce')).toBeCloseTo(0.836988, 5);
    expect(baselineLoss(yTrain, yEval, 'classification', 2, 'cce')).toBeCloseTo(want, 9);
  });

  it('mse on the one-hot target equals the single-unit binary mse', () => {
    // (1 - 0.25)² and (0 - 0.25)², averaged.
    expect(baselineLoss(yTrain, yEval, 'classification', 2, 'mse')).toBeCloseTo(0.3125, 9);
  });

  it('three classes: cce and per-unit averaged mse', () => {
    const tr = f(0, 1, 2, 2); // [0.25, 0.25, 0.5]
    expect(baselineLoss(tr, f(2), 'classification', 3, 'cce')).toBeCloseTo(Math.log(2), 9);
    expect(baselineLoss(tr, f(0), 'classification', 3, 'cce')).toBeCloseTo(Math.log(4), 9);
    expect(baselineLoss(tr, f(2), 'classification', 3, 'mse')).toBeCloseTo((0.0625 + 0.0625 + 0.25) / 3, 9);
  });

  it('clips probabilities at 1e-7', () => {
    expect(baselineLoss(f(0, 0), f(1), 'classification', 2, 'bce')).toBeCloseTo(-Math.log(1e-7), 6);
    expect(baselineLoss(f(0, 0), f(1), 'classification', 2, 'cce')).toBeCloseTo(-Math.log(1e-7), 6);
    expect(baselineLoss(f(0, 0), f(0), 'classification', 2, 'bce')).toBeCloseTo(-Math.log(1 - 1e-7), 9);
  });

  it('regression: mse of the training mean', () => {
    expect(baselineLoss(f(1, 2, 3), f(0, 4), 'regression', 1, 'mse')).toBeCloseTo(4, 9);
    expect(() => baselineLoss(f(1), f(1), 'regression', 1, 'bce')).toThrow(RangeError);
  });

  it('is NaN with nothing to evaluate', () => {
    expect(baselineLoss(yTrain, f(), 'classification', 2, 'bce')).toBeNaN();
  });
});
