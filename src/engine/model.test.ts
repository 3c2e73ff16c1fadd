import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import type { Activation, Initializer } from '../shared/config';
import { Mlp, initialKernel, layerSizes, type ModelSpec } from './model';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

let models: Mlp[] = [];
afterEach(() => {
  models.forEach((m) => m.dispose());
  models = [];
});
function mlp(spec: ModelSpec, seed = 7): Mlp {
  const m = new Mlp(spec, mulberry32(seed));
  models.push(m);
  return m;
}

function stats(a: Float32Array) {
  let s = 0;
  let s2 = 0;
  let maxAbs = 0;
  for (const v of a) {
    s += v;
    s2 += v * v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const mean = s / a.length;
  return { mean, std: Math.sqrt(s2 / a.length - mean * mean), maxAbs };
}

describe('initialKernel', () => {
  it('has fanIn × fanOut entries', () => {
    expect(initialKernel('glorotUniform', 3, 5, mulberry32(1))).toHaveLength(15);
    expect(initialKernel('zeros', 4, 1, mulberry32(1))).toHaveLength(4);
  });

  it('uniform initializers stay within their limit and use most of it', () => {
    const cases: [Initializer, number, number, number][] = [
      ['glorotUniform', 30, 20, Math.sqrt(6 / 50)],
      ['heUniform', 30, 20, Math.sqrt(6 / 30)],
    ];
    for (const [init, fanIn, fanOut, limit] of cases) {
      const k = initialKernel(init, fanIn, fanOut, mulberry32(3));
      const s = stats(k);
      expect(s.maxAbs, init).toBeLessThanOrEqual(limit);
      expect(s.maxAbs, init).toBeGreaterThan(0.95 * limit);
      // Uniform on [−L, L] has std L/√3.
      expect(s.std / (limit / Math.sqrt(3)), init).toBeGreaterThan(0.9);
      expect(s.std / (limit / Math.sqrt(3)), init).toBeLessThan(1.1);
    }
  });

  it('zeros gives all zeros and draws nothing', () => {
    let draws = 0;
    const k = initialKernel('zeros', 6, 4, () => (draws++, 0.5));
    expect(Array.from(k).every((v) => v === 0)).toBe(true);
    expect(draws).toBe(0);
  });

  it('normal initializers have mean ≈ 0 and the prescribed std on a large layer', () => {
    const cases: [Initializer, number, number, number][] = [
      ['heNormal', 200, 100, Math.sqrt(2 / 200)],
      ['glorotNormal', 200, 100, Math.sqrt(2 / 300)],
    ];
    for (const [init, fanIn, fanOut, std] of cases) {
      const s = stats(initialKernel(init, fanIn, fanOut, mulberry32(11)));
      expect(Math.abs(s.mean), init).toBeLessThan(0.05 * std);
      expect(s.std / std, init).toBeGreaterThan(0.97);
      expect(s.std / std, init).toBeLessThan(1.03);
      expect(Number.isFinite(s.maxAbs)).toBe(true);
    }
  });

  it('the same seed gives the same weights, another seed different ones', () => {
    for (const init of ['glorotUniform', 'glorotNormal', 'heNormal', 'heUniform'] as const) {
      const a = initialKernel(init, 8, 5, mulberry32(42));
      expect(initialKernel(init, 8, 5, mulberry32(42)), init).toEqual(a);
      expect(initialKernel(init, 8, 5, mulberry32(43)), init).not.toEqual(a);
    }
  });
});

describe('layerSizes', () => {
  it('lists input, hidden and output sizes', () => {
    const spec = { inputs: 3, layers: [8, 4], activations: ['relu', 'tanh'] as Activation[], outputs: 2, output: 'softmax' as const, init: 'zeros' as const };
    expect(layerSizes(spec)).toEqual([3, 8, 4, 2]);
    expect(layerSizes({ ...spec, layers: [], activations: [] })).toEqual([3, 2]);
  });
});

describe('Mlp', () => {
  const spec: ModelSpec = { inputs: 3, layers: [4, 2], activations: ['relu', 'tanh'], outputs: 1, output: 'sigmoid', init: 'glorotUniform' };

  it('creates one kernel and bias per layer with the right shapes, biases zero', async () => {
    const m = mlp(spec);
    expect(m.kernels.map((k) => k.shape)).toEqual([
      [3, 4],
      [4, 2],
      [2, 1],
    ]);
    expect(m.biases.map((b) => b.shape)).toEqual([[4], [2], [1]]);
    expect(m.variables).toHaveLength(6);
    for (const b of m.biases) expect(Array.from(await b.data()).every((v) => v === 0)).toBe(true);
  });

  it('draws the kernels in layer order from the given source', async () => {
    const m = mlp(spec, 99);
    const rand = mulberry32(99);
    const expected = [initialKernel('glorotUniform', 3, 4, rand), initialKernel('glorotUniform', 4, 2, rand), initialKernel('glorotUniform', 2, 1, rand)];
    const w = await m.readWeights();
    expected.forEach((k, i) => expect(w[i]).toEqual(k));
  });

  it('the same seed gives the same weights', async () => {
    const a = await mlp(spec, 5).readWeights();
    models.forEach((m) => m.dispose());
    models = [];
    const b = await mlp(spec, 5).readWeights();
    expect(b).toEqual(a);
  });

  it('with no hidden layers is a linear model: logits = xW + b', async () => {
    const m = mlp({ inputs: 3, layers: [], activations: [], outputs: 2, output: 'softmax', init: 'glorotUniform' });
    expect(m.kernels).toHaveLength(1);
    expect(m.kernels[0].shape).toEqual([3, 2]);
    m.biases[0].assign(tf.tensor1d([0.5, -0.25]));
    const [W] = await m.readWeights();
    const x = [
      [1, 2, 3],
      [-1, 0.5, 0],
      [0, 0, 0],
      [2, -3, 1],
    ];
    const out = tf.tidy(() => m.logits(tf.tensor2d(x)).arraySync());
    expect(out).toHaveLength(4);
    x.forEach((row, i) => {
      expect(out[i]).toHaveLength(2);
      for (let j = 0; j < 2; j++) {
        const e = row.reduce((acc, xk, k) => acc + xk * W[k * 2 + j], 0) + [0.5, -0.25][j];
        expect(out[i][j]).toBeCloseTo(e, 5);
      }
    });
    // And matches tfjs's own matMul of the same weights.
    const ref = tf.tidy(() => tf.add(tf.matMul(tf.tensor2d(x), m.kernels[0]), m.biases[0]).arraySync());
    expect(out).toEqual(ref);
  });

  it('applies each hidden activation and none on the output', async () => {
    const m = mlp({ inputs: 2, layers: [3, 2], activations: ['relu', 'tanh'], outputs: 1, output: 'sigmoid', init: 'heUniform' });
    m.biases[0].assign(tf.tensor1d([0.1, -0.2, 0.3]));
    m.biases[2].assign(tf.tensor1d([-0.7]));
    const [W0, W1, W2] = await m.readWeights();
    const layer = (h: number[], W: Float32Array, b: number[], act: (v: number) => number) =>
      b.map((bj, j) => act(h.reduce((acc, hk, k) => acc + hk * W[k * b.length + j], bj)));
    const x = [
      [1.5, -0.5],
      [-2, 1],
    ];
    const out = tf.tidy(() => m.logits(tf.tensor2d(x)).arraySync());
    x.forEach((row, i) => {
      const h1 = layer(row, W0, [0.1, -0.2, 0.3], (v) => Math.max(0, v));
      const h2 = layer(h1, W1, [0, 0], Math.tanh);
      const z = layer(h2, W2, [-0.7], (v) => v);
      expect(out[i][0]).toBeCloseTo(z[0], 5);
    });
  });

  it('logits leak nothing inside tidy', () => {
    const m = mlp(spec);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      m.logits(tf.ones([5, 3]));
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('dispose frees every tensor and byte it made', () => {
    const before = tf.memory();
    const m = new Mlp(spec, mulberry32(1));
    expect(tf.memory().numTensors).toBeGreaterThan(before.numTensors);
    m.dispose();
    expect(m.variables).toHaveLength(0);
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numBytes).toBe(before.numBytes);
  });

  it('after dispose a new model can reuse the variable names', () => {
    const m = new Mlp(spec, mulberry32(1));
    m.dispose();
    expect(() => mlp(spec)).not.toThrow();
  });

  it('two models can exist at the same time', () => {
    mlp(spec, 1);
    expect(() => mlp(spec, 2)).not.toThrow();
  });
});
