import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tf.grad needs the gradient kernels, as in the trainer.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracy, dataLoss, outputOf } from './losses';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const mean = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;

/** Evaluates a scalar-valued tensor function and frees everything it made. */
function value(f: () => tf.Scalar): number {
  const before = tf.memory().numTensors;
  const v = tf.tidy(() => f().dataSync()[0]);
  expect(tf.memory().numTensors).toBe(before);
  return v;
}

const col = (a: number[]) => tf.tensor2d(a, [a.length, 1]);

describe('outputOf', () => {
  it('applies sigmoid, softmax or nothing', () => {
    const z = [
      [0.5, -1, 2],
      [0, 0, 0],
    ];
    const sig = tf.tidy(() => outputOf(tf.tensor2d(z), 'sigmoid').arraySync());
    sig.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(sigmoid(z[i][j]), 6)));
    const sm = tf.tidy(() => outputOf(tf.tensor2d(z), 'softmax').arraySync());
    z.forEach((row, i) => {
      const e = row.map(Math.exp);
      const s = e.reduce((p, q) => p + q, 0);
      row.forEach((_, j) => expect(sm[i][j]).toBeCloseTo(e[j] / s, 6));
    });
    expect(tf.tidy(() => outputOf(tf.tensor2d(z), 'linear').arraySync())).toEqual(z);
  });
});

describe('dataLoss bce (on logits)', () => {
  it('equals the mean of −y log σ(z) − (1 − y) log(1 − σ(z))', () => {
    const z = [2, -1, 0.3, 0, -3.5, 1.2];
    const y = [1, 0, 0, 1, 1, 0];
    const expected = mean(z.map((zi, i) => -y[i] * Math.log(sigmoid(zi)) - (1 - y[i]) * Math.log(1 - sigmoid(zi))));
    const got = value(() => dataLoss('bce', col(z), col(y), 'sigmoid'));
    expect(got).toBeCloseTo(expected, 5);
    // z = 0 costs log 2 whatever the label.
    expect(value(() => dataLoss('bce', col([0, 0]), col([0, 1]), 'sigmoid'))).toBeCloseTo(Math.LN2, 6);
  });

  it('is finite and exact for large |z|', () => {
    // Right with confidence: ≈ e^-100 ≈ 0; wrong with confidence: ≈ |z| = 100.
    expect(value(() => dataLoss('bce', col([100, -100]), col([1, 0]), 'sigmoid'))).toBeCloseTo(0, 6);
    const wrong = value(() => dataLoss('bce', col([100, -100]), col([0, 1]), 'sigmoid'));
    expect(Number.isFinite(wrong)).toBe(true);
    expect(wrong).toBeCloseTo(100, 3);
    expect(value(() => dataLoss('bce', col([1000, 0]), col([0, 1]), 'sigmoid'))).toBeCloseTo((1000 + Math.LN2) / 2, 2);
  });

  it('has finite gradients for large |z|', () => {
    const g = tf.tidy(() => {
      const f = (z: tf.Tensor) => dataLoss('bce', z as tf.Tensor2D, col([0, 1, 1, 0]), 'sigmoid');
      return tf.grad(f)(col([100, -100, 100, -100])).arraySync() as number[][];
    });
    // d/dz of mean BCE is (σ(z) − y)/n.
    const expected = [1 / 4, -1 / 4, 0, 0];
    g.forEach(([v], i) => expect(v).toBeCloseTo(expected[i], 6));
  });
});

describe('dataLoss cce (on logits)', () => {
  it('equals the mean of −Σ y log softmax(z)', () => {
    const z = [
      [1, 2, 0.5],
      [-1, 0, 3],
      [0.2, 0.2, -0.4],
      [5, -5, 0],
    ];
    const y = [
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 1],
      [1, 0, 0],
    ];
    const rowLoss = z.map((row, i) => {
      const lse = Math.log(row.map(Math.exp).reduce((p, q) => p + q, 0));
      return -row.reduce((acc, zj, j) => acc + y[i][j] * (zj - lse), 0);
    });
    const got = value(() => dataLoss('cce', tf.tensor2d(z), tf.tensor2d(y), 'softmax'));
    expect(got).toBeCloseTo(mean(rowLoss), 5);
    // Equal logits cost log K.
    expect(value(() => dataLoss('cce', tf.zeros([2, 3]) as tf.Tensor2D, tf.tensor2d(y.slice(0, 2)), 'softmax'))).toBeCloseTo(Math.log(3), 6);
  });

  it('is finite for large logits', () => {
    const got = value(() => dataLoss('cce', tf.tensor2d([[500, -500, 0]]), tf.tensor2d([[0, 1, 0]]), 'softmax'));
    expect(got).toBeCloseTo(1000, 2);
  });
});

describe('dataLoss mse', () => {
  it('compares σ(z) with y for a sigmoid output', () => {
    const z = [2, -1, 0.3, 0];
    const y = [1, 0, 0, 1];
    const expected = mean(z.map((zi, i) => (sigmoid(zi) - y[i]) ** 2));
    expect(value(() => dataLoss('mse', col(z), col(y), 'sigmoid'))).toBeCloseTo(expected, 6);
    // Not the raw logits: (z − y)² would be much larger here.
    expect(expected).toBeLessThan(mean(z.map((zi, i) => (zi - y[i]) ** 2)));
  });

  it('compares softmax(z) with one-hot y for a softmax output, averaging over all cells', () => {
    const z = [
      [1, 0, -1],
      [0, 2, 0],
    ];
    const y = [
      [1, 0, 0],
      [0, 0, 1],
    ];
    const sq: number[] = [];
    z.forEach((row, i) => {
      const e = row.map(Math.exp);
      const s = e.reduce((p, q) => p + q, 0);
      row.forEach((_, j) => sq.push((e[j] / s - y[i][j]) ** 2));
    });
    expect(value(() => dataLoss('mse', tf.tensor2d(z), tf.tensor2d(y), 'softmax'))).toBeCloseTo(mean(sq), 6);
  });

  it('compares the raw value with y for a linear output', () => {
    const z = [0.5, -2, 3];
    const y = [1, -1, 1];
    expect(value(() => dataLoss('mse', col(z), col(y), 'linear'))).toBeCloseTo((0.25 + 1 + 4) / 3, 6);
  });
});

describe('accuracy', () => {
  it('binary: z > 0 predicts class 1', () => {
    // Predictions: 1, 0, 1, 0 (z = 0 is class 0), 1; labels 1, 0, 0, 1, 1 → 3 of 5 right.
    const z = [3, -0.1, 0.2, 0, 5];
    const y = [1, 0, 0, 1, 1];
    expect(value(() => accuracy(col(z), col(y), 'sigmoid'))).toBeCloseTo(3 / 5, 6);
    expect(value(() => accuracy(col([-1, 1]), col([0, 1]), 'sigmoid'))).toBe(1);
    expect(value(() => accuracy(col([1, -1]), col([0, 1]), 'sigmoid'))).toBe(0);
  });

  it('softmax: the largest logit must be the labelled class', () => {
    const z = [
      [1, 2, 0],
      [3, -1, 0],
      [0, 0.5, 0.7],
      [-2, -1, -3],
    ];
    // argmax: 1, 0, 2, 1; labels: 1, 2, 2, 0 → 2 of 4 right.
    const y = [
      [0, 1, 0],
      [0, 0, 1],
      [0, 0, 1],
      [1, 0, 0],
    ];
    expect(value(() => accuracy(tf.tensor2d(z), tf.tensor2d(y), 'softmax'))).toBeCloseTo(0.5, 6);
  });
});
