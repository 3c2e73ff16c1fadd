import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// minimize() needs the gradient kernels, as in the trainer.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { createOptimizer, needsNewOptimizer, setLearningRate, type OptimizerSettings } from './optimizers';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const W0 = [1, -2, 0.5];
const T = [0.5, 1, -1];
/** ∇ of L = Σ (w − t)² is 2(w − t). */
const grad = (w: number[]) => w.map((wi, i) => 2 * (wi - T[i]));

const base: OptimizerSettings = { optimizer: 'sgd', lr: 0.1, momentum: 0.7, beta1: 0.8, beta2: 0.95, epsilon: 0.1 };

let owned: { dispose(): void }[] = [];
afterEach(() => {
  owned.forEach((o) => o.dispose());
  owned = [];
});

/** A variable at W0 and a step function that minimizes Σ (w − T)² once and returns the new w. */
function setup(opt: tf.Optimizer) {
  const w = tf.variable(tf.tensor1d(W0));
  const t = tf.tensor1d(T);
  owned.push(w, t, opt);
  return async (): Promise<number[]> => {
    opt.minimize(() => tf.sum(tf.square(tf.sub(w, t))), false, [w]);
    return Array.from(await w.data());
  };
}

function expectClose(actual: number[], expected: number[], tol = 1e-5): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]), `index ${i}: ${a} vs ${expected[i]}`).toBeLessThan(tol));
}

describe('createOptimizer: one and two steps match the update formulas', () => {
  it('sgd: w ← w − α∇L', async () => {
    const step = setup(createOptimizer({ ...base, optimizer: 'sgd', lr: 0.1 }));
    let w = W0;
    for (let s = 0; s < 2; s++) {
      const g = grad(w);
      w = w.map((wi, i) => wi - 0.1 * g[i]);
      expectClose(await step(), w);
    }
    // Sanity: the first step moved w by 0.1 · 2 · (w0 − t).
    expect(w[0]).not.toBeCloseTo(W0[0], 3);
  });

  it('momentum: v ← βv + α∇L, w ← w − v (constant α), two steps', async () => {
    const a = 0.05;
    const beta = 0.7;
    const step = setup(createOptimizer({ ...base, optimizer: 'momentum', lr: a, momentum: beta }));
    let w = W0;
    let v = [0, 0, 0];
    for (let s = 0; s < 3; s++) {
      const g = grad(w);
      v = v.map((vi, i) => beta * vi + a * g[i]);
      w = w.map((wi, i) => wi - v[i]);
      expectClose(await step(), w);
    }
  });

  it('momentum runs v ← βv + ∇L, w ← w − αv: a new α scales the whole velocity (the formula the page shows)', async () => {
    const beta = 0.7;
    const opt = createOptimizer({ ...base, optimizer: 'momentum', lr: 0.05, momentum: beta });
    const step = setup(opt);
    let w = W0;
    let v = [0, 0, 0];
    // The other common form, v ← βv + α∇L, w ← w − v, for comparison after the change.
    let w2 = W0;
    let v2 = [0, 0, 0];
    for (const [k, a] of [0.05, 0.05, 0.2, 0.2].entries()) {
      if (k === 2) setLearningRate(opt, a);
      const g = grad(w);
      v = v.map((vi, i) => beta * vi + g[i]);
      w = w.map((wi, i) => wi - a * v[i]);
      const g2 = grad(w2);
      v2 = v2.map((vi, i) => beta * vi + a * g2[i]);
      w2 = w2.map((wi, i) => wi - v2[i]);
      expectClose(await step(), w);
    }
    expect(Math.abs(w[0] - w2[0])).toBeGreaterThan(1e-3);
  });

  it('adam: bias-corrected moments with the given β₁, β₂, ε, two steps', async () => {
    const { lr: a, beta1: b1, beta2: b2, epsilon: eps } = { ...base, lr: 0.2 };
    const step = setup(createOptimizer({ ...base, optimizer: 'adam', lr: a }));
    let w = W0;
    let m = [0, 0, 0];
    let v = [0, 0, 0];
    for (let t = 1; t <= 3; t++) {
      const g = grad(w);
      m = m.map((mi, i) => b1 * mi + (1 - b1) * g[i]);
      v = v.map((vi, i) => b2 * vi + (1 - b2) * g[i] ** 2);
      const mHat = m.map((mi) => mi / (1 - b1 ** t));
      const vHat = v.map((vi) => vi / (1 - b2 ** t));
      w = w.map((wi, i) => wi - (a * mHat[i]) / (Math.sqrt(vHat[i]) + eps));
      expectClose(await step(), w);
    }
  });

  it('rmsprop: s ← 0.9s + 0.1(∇L)², w ← w − α∇L/√(s + ε)', async () => {
    const a = 0.01;
    const eps = base.epsilon;
    const step = setup(createOptimizer({ ...base, optimizer: 'rmsprop', lr: a }));
    let w = W0;
    let s = [0, 0, 0];
    for (let k = 0; k < 2; k++) {
      const g = grad(w);
      s = s.map((si, i) => 0.9 * si + 0.1 * g[i] ** 2);
      w = w.map((wi, i) => wi - (a * g[i]) / Math.sqrt(s[i] + eps));
      expectClose(await step(), w);
    }
  });

  it('adagrad: s ← s + (∇L)² from s₀ = 0.1, w ← w − α∇L/√(s + ε)', async () => {
    const a = 0.3;
    const eps = tf.backend().epsilon();
    const step = setup(createOptimizer({ ...base, optimizer: 'adagrad', lr: a }));
    let w = W0;
    let s = [0.1, 0.1, 0.1];
    for (let k = 0; k < 2; k++) {
      const g = grad(w);
      s = s.map((si, i) => si + g[i] ** 2);
      w = w.map((wi, i) => wi - (a * g[i]) / Math.sqrt(s[i] + eps));
      expectClose(await step(), w);
    }
  });

  it('minimizing a linear model y = xW + b by SGD follows the hand-computed gradient', async () => {
    // L = mean((xW + b − y)²); ∂L/∂W = 2/n Xᵀ r, ∂L/∂b = 2/n Σ r with r = xW + b − y.
    const X = [
      [1, 2],
      [-1, 0.5],
      [0, -3],
    ];
    const Y = [1, -1, 2];
    const W = [0.3, -0.2];
    const b = 0.1;
    const a = 0.05;
    const wVar = tf.variable(tf.tensor2d(W, [2, 1]));
    const bVar = tf.variable(tf.tensor1d([b]));
    const x = tf.tensor2d(X);
    const y = tf.tensor2d(Y, [3, 1]);
    const opt = createOptimizer({ ...base, optimizer: 'sgd', lr: a });
    owned.push(wVar, bVar, x, y, opt);
    opt.minimize(() => tf.mean(tf.squaredDifference(tf.add(tf.matMul(x, wVar), bVar), y)), false, [wVar, bVar]);
    const r = X.map((row, i) => row[0] * W[0] + row[1] * W[1] + b - Y[i]);
    const gW = [0, 1].map((j) => (2 / 3) * X.reduce((acc, row, i) => acc + row[j] * r[i], 0));
    const gb = (2 / 3) * r.reduce((p, q) => p + q, 0);
    expectClose(Array.from(await wVar.data()), [W[0] - a * gW[0], W[1] - a * gW[1]]);
    expectClose(Array.from(await bVar.data()), [b - a * gb]);
  });
});

describe('setLearningRate', () => {
  it('sgd: the next step uses the new rate', async () => {
    const opt = createOptimizer({ ...base, optimizer: 'sgd', lr: 0.1 });
    const step = setup(opt);
    const w1 = await step();
    setLearningRate(opt, 0.01);
    const g = grad(w1);
    expectClose(await step(), w1.map((wi, i) => wi - 0.01 * g[i]));
  });

  it('momentum: the next step uses the new rate and keeps the velocity', async () => {
    const beta = 0.7;
    const opt = createOptimizer({ ...base, optimizer: 'momentum', lr: 0.05, momentum: beta });
    const step = setup(opt);
    const g0 = grad(W0);
    const w1 = await step();
    expectClose(w1, W0.map((wi, i) => wi - 0.05 * g0[i]));
    setLearningRate(opt, 0.2);
    const g1 = grad(w1);
    // tfjs keeps the accumulated gradient sum u ← βu + ∇L and steps w ← w − α u with the current α.
    const u = g0.map((gi, i) => beta * gi + g1[i]);
    const expected = w1.map((wi, i) => wi - 0.2 * u[i]);
    const w2 = await step();
    expectClose(w2, expected);
    // A reset velocity would have stepped by 0.2 ∇L only.
    const reset = w1.map((wi, i) => wi - 0.2 * g1[i]);
    expect(Math.abs(w2[0] - reset[0])).toBeGreaterThan(1e-3);
  });

  it('adam: the next step uses the new rate and keeps moments and step count', async () => {
    const { beta1: b1, beta2: b2, epsilon: eps } = base;
    const opt = createOptimizer({ ...base, optimizer: 'adam', lr: 0.2 });
    const step = setup(opt);
    const g0 = grad(W0);
    const w1 = await step();
    setLearningRate(opt, 0.05);
    const g1 = grad(w1);
    const m = g0.map((g, i) => b1 * (1 - b1) * g + (1 - b1) * g1[i]);
    const v = g0.map((g, i) => b2 * (1 - b2) * g * g + (1 - b2) * g1[i] ** 2);
    const expected = w1.map((wi, i) => wi - (0.05 * (m[i] / (1 - b1 ** 2))) / (Math.sqrt(v[i] / (1 - b2 ** 2)) + eps));
    const w2 = await step();
    expectClose(w2, expected);
    // A fresh Adam (t = 1) would step by 0.05 · g/(|g| + ε) instead: ten times the tolerance
    // above away, so the check above tells kept moments from reset ones.
    const fresh = w1.map((wi, i) => wi - (0.05 * g1[i]) / (Math.abs(g1[i]) + eps));
    expect(Math.max(...w2.map((x, i) => Math.abs(x - fresh[i])))).toBeGreaterThan(1e-4);
  });

  it('rmsprop and adagrad: the next step uses the new rate', async () => {
    for (const optimizer of ['rmsprop', 'adagrad'] as const) {
      const opt = createOptimizer({ ...base, optimizer, lr: 0.01 });
      const step = setup(opt);
      const w1 = await step();
      const d1 = Math.abs(w1[0] - W0[0]);
      setLearningRate(opt, 0.1);
      const w2 = await step();
      // Ten times the rate gives a step several times larger than the first (the scale also shrinks a little).
      expect(Math.abs(w2[0] - w1[0]), optimizer).toBeGreaterThan(3 * d1);
    }
  });
});

describe('needsNewOptimizer', () => {
  const s: OptimizerSettings = { ...DEFAULT_CONFIG };
  it('is false for a learning-rate change only', () => {
    expect(needsNewOptimizer(s, { ...s })).toBe(false);
    expect(needsNewOptimizer(s, { ...s, lr: 0.5 })).toBe(false);
  });
  it('is true when the optimizer or its state-shaping settings change', () => {
    expect(needsNewOptimizer(s, { ...s, optimizer: 'adam' })).toBe(true);
    expect(needsNewOptimizer(s, { ...s, momentum: 0.5 })).toBe(true);
    expect(needsNewOptimizer(s, { ...s, beta1: 0.5 })).toBe(true);
    expect(needsNewOptimizer(s, { ...s, beta2: 0.5 })).toBe(true);
    expect(needsNewOptimizer(s, { ...s, epsilon: 1e-3 })).toBe(true);
  });
});
