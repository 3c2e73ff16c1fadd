import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomBatch as data } from './testing';
import { mulberry32 } from '../data/random';
import type { Activation, LossKey } from '../shared/config';
import { manualGradients, tapeGradients, type StepOptions } from './leanStep';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { prepareData } from '../worker/prepareData';
import { hiddenActivations, layerStatsTensor, networkMapsTensor } from './inspect';
import { Trainer } from './trainer';
import { batchKey } from './batchedMlp';
import { BN_EPSILON, BN_MOMENTUM, Mlp, type ModelSpec, type OutputKind } from './model';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Sets every γ and β to seeded values away from 1 and 0, so their gradients and the chain through them are exercised. */
function scrambleBn(model: Mlp, seed: number) {
  const r = mulberry32(seed);
  for (const b of model.bn) {
    if (!b) continue;
    b.gamma.assign(tf.tensor1d(Array.from({ length: b.gamma.size }, () => 0.5 + r())));
    b.beta.assign(tf.tensor1d(Array.from({ length: b.beta.size }, () => r() - 0.5)));
  }
}

/**
 * The hand-written gradients equal the tape's (relative to each tensor's largest entry), and nothing
 * leaks. A bias before batch norm has gradient exactly 0: by hand it gets none; the tape's is float
 * noise (a sum over rows of terms that cancel), far below the largest gradient of the step.
 */
function compare(model: Mlp, x: tf.Tensor2D, y: tf.Tensor2D, o: StepOptions) {
  const cancelled = new Set(model.bn.flatMap((b, i) => (b ? [model.biases[i].name] : [])));
  const before = tf.memory().numTensors;
  tf.tidy(() => {
    const lean = manualGradients(model, x, y, o);
    const tape = tapeGradients(model, x, y, o);
    // By hand, a cancelled bias gets no gradient at all (the optimizer then leaves it alone).
    expect(lean.map((g) => g.name).sort()).toEqual(tape.map((g) => g.name).filter((n) => !cancelled.has(n)).sort());
    const overall = Math.max(...tape.map((t) => Math.max(...Array.from(t.tensor.dataSync(), Math.abs))));
    for (const t of tape) {
      const b = t.tensor.dataSync();
      if (cancelled.has(t.name)) {
        for (const v of b) expect(Math.abs(v)).toBeLessThan(1e-3 * overall);
        continue;
      }
      const l = lean.find((g) => g.name === t.name)!;
      expect(l.tensor.shape).toEqual(t.tensor.shape);
      const a = l.tensor.dataSync();
      // + 1e-6 of the step's largest: with linear layers under a batch norm, an earlier bias is
      // cancelled too, and both sides compute its 0 as noise.
      const scale = Math.max(1e-3, ...Array.from(b, Math.abs));
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(2e-5 * scale + 1e-6 * overall);
    }
  });
  expect(tf.memory().numTensors).toBe(before);
}

const spec = (act: Activation, outputs: number, output: OutputKind, batchnorm: boolean[]): ModelSpec => ({
  inputs: 3,
  layers: [5, 4],
  activations: [act, act],
  outputs,
  output,
  init: 'glorotUniform',
  batchnorm,
});

const CASES: { loss: LossKey; kind: OutputKind; outputs: number }[] = [
  { loss: 'bce', kind: 'sigmoid', outputs: 1 },
  { loss: 'cce', kind: 'softmax', outputs: 3 },
  { loss: 'mse', kind: 'linear', outputs: 1 },
];
const ACTIVATIONS: Activation[] = ['tanh', 'relu', 'sigmoid', 'linear'];

describe('batch norm: manualGradients equals the gradient tape', () => {
  for (const c of CASES) {
    for (const act of ACTIVATIONS) {
      for (const bn of [
        [true, true],
        [true, false],
        [false, true],
      ]) {
        it(`${c.loss}/${c.kind}, ${act}, batch norm on layers ${bn.map((b) => (b ? 1 : 0)).join(',')}`, () => {
          const model = new Mlp(spec(act, c.outputs, c.kind, bn), mulberry32(7));
          scrambleBn(model, 11);
          const { x, y } = data(11, 3, c.outputs, c.kind, 3);
          compare(model, x, y, { loss: c.loss, kind: c.kind, l1: [0, 0, 0], l2: [0, 0, 0] });
          tf.dispose([x, y]);
          model.dispose();
        });
      }
    }
  }

  for (const act of ['tanh', 'relu'] as Activation[]) {
    it(`with dropout, L1 and L2 (${act})`, () => {
      const model = new Mlp({ inputs: 2, layers: [6, 3], activations: [act, act], outputs: 1, output: 'sigmoid', init: 'heNormal', batchnorm: [true, true] }, mulberry32(9));
      scrambleBn(model, 4);
      const { x, y } = data(16, 2, 1, 'sigmoid', 5);
      compare(model, x, y, { loss: 'bce', kind: 'sigmoid', l1: [0.01, 0, 0.003], l2: [0, 0.02, 0.005], dropout: { rates: [0.3, 0.5], seed: 42 } });
      tf.dispose([x, y]);
      model.dispose();
    });
  }

  it('a frozen batch-normalized layer gives no γ, β gradients but still passes gradients on', () => {
    const base = new Mlp({ inputs: 2, layers: [4, 3], activations: ['tanh', 'tanh'], outputs: 1, output: 'sigmoid', init: 'glorotUniform' }, mulberry32(2));
    const start = { layers: tf.tidy(() => base.kernels.slice(0, 2).map((k, i) => ({ kernel: k.dataSync() as Float32Array, bias: base.biases[i].dataSync() as Float32Array }))), frozen: [false, true] };
    base.dispose();
    const model = new Mlp({ inputs: 2, layers: [4, 3], activations: ['tanh', 'tanh'], outputs: 1, output: 'sigmoid', init: 'glorotUniform', batchnorm: [true, true] }, mulberry32(2), start);
    expect(model.bn[1]!.gamma.trainable).toBe(false);
    expect(model.bn[0]!.gamma.trainable).toBe(true);
    const { x, y } = data(12, 2, 1, 'sigmoid', 6);
    compare(model, x, y, { loss: 'bce', kind: 'sigmoid', l1: [0, 0, 0], l2: [0, 0, 0] });
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('batch norm: training updates running averages, inference uses them', () => {
  it('running mean and variance follow the batches (momentum, unbiased variance); the model is unchanged without batch norm', () => {
    const model = new Mlp({ inputs: 3, layers: [4], activations: ['tanh'], outputs: 1, output: 'sigmoid', init: 'glorotUniform', batchnorm: [true] }, mulberry32(3));
    const plain = new Mlp({ inputs: 3, layers: [4], activations: ['tanh'], outputs: 1, output: 'sigmoid', init: 'glorotUniform' }, mulberry32(3));
    expect(plain.variables.length).toBe(4);
    expect(model.variables.length).toBe(8);
    expect(model.trainableVariables.length).toBe(6);
    const { x, y } = data(10, 3, 1, 'sigmoid', 1);
    // The batch's dense outputs by hand, from the kernel and bias.
    const w = model.kernels[0].arraySync();
    const b = model.biases[0].arraySync();
    const xs = x.arraySync();
    const z = xs.map((row) => b.map((bj, j) => bj + row.reduce((s, v, k) => s + v * w[k][j], 0)));
    const mean = b.map((_, j) => z.reduce((s, r) => s + r[j], 0) / z.length);
    const unbiased = b.map((_, j) => z.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / (z.length - 1));
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      manualGradients(model, x, y, { loss: 'bce', kind: 'sigmoid', l1: [0, 0], l2: [0, 0], updateStats: true });
    });
    expect(tf.memory().numTensors).toBe(before);
    const rm = model.bn[0]!.runMean.dataSync();
    const rv = model.bn[0]!.runVar.dataSync();
    mean.forEach((m, j) => expect(rm[j]).toBeCloseTo((1 - BN_MOMENTUM) * m, 5));
    unbiased.forEach((v, j) => expect(rv[j]).toBeCloseTo(BN_MOMENTUM + (1 - BN_MOMENTUM) * v, 5));
    // Without updateStats (layer health), and on a batch of one row, the averages stay.
    tf.tidy(() => {
      manualGradients(model, x, y, { loss: 'bce', kind: 'sigmoid', l1: [0, 0], l2: [0, 0] });
      manualGradients(model, tf.slice(x, [0, 0], [1, 3]), tf.slice(y, [0, 0], [1, 1]), { loss: 'bce', kind: 'sigmoid', l1: [0, 0], l2: [0, 0], updateStats: true });
    });
    expect(Array.from(model.bn[0]!.runMean.dataSync())).toEqual(Array.from(rm));
    expect(Array.from(model.bn[0]!.runVar.dataSync())).toEqual(Array.from(rv));
    tf.dispose([x, y]);
    model.dispose();
    plain.dispose();
  });

  it('after training steps, evaluation equals a computation with the running averages and differs from batch statistics', () => {
    const model = new Mlp({ inputs: 2, layers: [5, 3], activations: ['relu', 'tanh'], outputs: 1, output: 'sigmoid', init: 'heUniform', batchnorm: [true, true] }, mulberry32(5));
    const opt = tf.train.adam(0.05);
    const { x, y } = data(40, 2, 1, 'sigmoid', 8);
    for (let s = 0; s < 20; s++) {
      tf.tidy(() => {
        const lo = (s % 4) * 10;
        const xb = tf.slice(x, [lo, 0], [10, 2]);
        const yb = tf.slice(y, [lo, 0], [10, 1]);
        opt.applyGradients(manualGradients(model, xb, yb, { loss: 'bce', kind: 'sigmoid', l1: [0, 0, 0], l2: [0, 0, 0], updateStats: true }));
      });
    }
    // The running averages moved away from their start (0 and 1), and γ, β trained.
    expect(Math.max(...Array.from(model.bn[0]!.runMean.dataSync(), Math.abs))).toBeGreaterThan(0.01);
    expect(Math.max(...Array.from(model.bn[0]!.gamma.dataSync(), (g) => Math.abs(g - 1)))).toBeGreaterThan(1e-3);
    // By hand in plain numbers: dense, normalize with running mean/var, γ, β, activation.
    const arr = (t: tf.Tensor) => Array.from(t.dataSync());
    const forward = (rows: number[][], useBatch: boolean) => {
      let h = rows;
      model.kernels.forEach((k, i) => {
        const w = k.arraySync();
        const b = arr(model.biases[i]);
        let z = h.map((row) => b.map((bj, j) => bj + row.reduce((s, v, r) => s + v * w[r][j], 0)));
        const bn = model.bn[i];
        if (bn) {
          const [g, be] = [arr(bn.gamma), arr(bn.beta)];
          let m = arr(bn.runMean);
          let v = arr(bn.runVar);
          if (useBatch) {
            m = b.map((_, j) => z.reduce((s, r) => s + r[j], 0) / z.length);
            v = b.map((_, j) => z.reduce((s, r) => s + (r[j] - m[j]) ** 2, 0) / z.length);
          }
          z = z.map((r) => r.map((zj, j) => ((zj - m[j]) / Math.sqrt(v[j] + BN_EPSILON)) * g[j] + be[j]));
        }
        const act = model.spec.activations[i];
        h = i === model.kernels.length - 1 ? z : z.map((r) => r.map((v) => (act === 'relu' ? Math.max(0, v) : act === 'tanh' ? Math.tanh(v) : v)));
      });
      return h.map((r) => r[0]);
    };
    const rows = x.arraySync();
    const evalOut = tf.tidy(() => arr(model.logits(x)));
    const trainOut = tf.tidy(() => arr(model.logits(x, undefined, true)));
    const byRunning = forward(rows, false);
    const byBatch = forward(rows, true);
    evalOut.forEach((v, i) => expect(v).toBeCloseTo(byRunning[i], 4));
    trainOut.forEach((v, i) => expect(v).toBeCloseTo(byBatch[i], 4));
    // Running averages are not this batch's statistics: the two outputs differ somewhere.
    expect(Math.max(...evalOut.map((v, i) => Math.abs(v - trainOut[i])))).toBeGreaterThan(1e-3);
    // Evaluation of one row is the same row's output within a batch: it does not depend on the batch.
    const one = tf.tidy(() => arr(model.logits(tf.slice(x, [3, 0], [1, 2]))));
    expect(one[0]).toBeCloseTo(evalOut[3], 5);
    tf.dispose([x, y]);
    opt.dispose();
    model.dispose();
  });
});

describe('batch norm in the Trainer', () => {
  const config = (batchnorm: boolean[]): ExperimentConfig => ({ ...DEFAULT_CONFIG, samples: 200, seed: 3, backend: 'cpu', layers: [6, 4], activations: ['tanh', 'relu'], batchnorm, optimizer: 'adam', lr: 0.03, batch: 10 });

  it('trains with finite losses, moves the running averages, and a fresh Trainer continues from exportState', async () => {
    const c = config([true, false]);
    const before = tf.memory().numTensors;
    const data = prepareData(c).data;
    const t = new Trainer(data, c, 0);
    const fresh = new Trainer(data, c, 0);
    try {
      const bias0 = Array.from(t.model.biases[0].dataSync());
      const bias1 = Array.from(t.model.biases[1].dataSync());
      for (let e = 0; e < 4; e++) t.trainEpoch(e === 3);
      // Adam leaves the cancelled bias exactly as drawn; the next layer's (no batch norm) trains.
      expect(Array.from(t.model.biases[0].dataSync())).toEqual(bias0);
      expect(Array.from(t.model.biases[1].dataSync())).not.toEqual(bias1);
      const metrics = await t.flush();
      expect(metrics).toHaveLength(5);
      for (const m of metrics) expect(Number.isFinite(m.trainLoss) && Number.isFinite(m.valLoss)).toBe(true);
      expect(metrics[4].valLoss).toBeLessThan(metrics[0].valLoss);
      const bn = t.model.bn[0]!;
      expect(t.model.bn[1]).toBeNull();
      expect(Math.max(...Array.from(bn.runMean.dataSync(), Math.abs))).toBeGreaterThan(1e-3);
      expect(Math.max(...Array.from(bn.runVar.dataSync(), (v) => Math.abs(v - 1)))).toBeGreaterThan(1e-3);
      // Layer health: finite norms, and the evaluation pass counts units.
      expect(t.takeStats()[0].gradNorm.every(Number.isFinite)).toBe(true);

      const state = await t.exportState();
      // 3 kernels, 3 biases, then γ, β, running mean and variance of the one batch-normalized layer.
      expect(state.weights).toHaveLength(10);
      fresh.importState(state);
      await fresh.flush();
      const a = await t.evaluate('val');
      const b = await fresh.evaluate('val');
      expect(b.loss).toBe(a.loss);
      expect(Array.from(fresh.model.bn[0]!.runVar.dataSync())).toEqual(Array.from(bn.runVar.dataSync()));
      expect(Array.from(await fresh.boundary())).toEqual(Array.from(await t.boundary()));
      const views = await t.views(true);
      expect(views.network!.maps.every(Number.isFinite)).toBe(true);
      // A state without the batch-norm variables does not fit.
      expect(() => fresh.importState({ epoch: 1, weights: state.weights.slice(0, 6) })).toThrow(RangeError);
    } finally {
      t.dispose();
      fresh.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('layer health and the neuron maps use the running averages', () => {
    const model = new Mlp({ inputs: 2, layers: [4], activations: ['tanh'], outputs: 1, output: 'sigmoid', init: 'glorotUniform', batchnorm: [true] }, mulberry32(4));
    const rm = [0.5, -0.5, 1, 0];
    const rv = [4, 0.25, 1, 9];
    model.bn[0]!.runMean.assign(tf.tensor1d(rm));
    model.bn[0]!.runVar.assign(tf.tensor1d(rv));
    const { x, y } = data(20, 2, 1, 'sigmoid', 2);
    const before = tf.memory().numTensors;
    const expected = tf.tidy(() => tf.tanh(tf.div(tf.sub(tf.add(tf.matMul(x, model.kernels[0]), model.biases[0]), rm), tf.sqrt(tf.add(rv, BN_EPSILON)))).dataSync());
    const hidden = tf.tidy(() => hiddenActivations(model, x)[0].dataSync());
    Array.from(hidden).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
    // The maps' hidden column is the same pass (its first 4 units on the 20 rows, unit-major).
    const maps = tf.tidy(() => networkMapsTensor(model, x, 'sigmoid').dataSync());
    const column = maps.subarray(2 * 20, 2 * 20 + 4 * 20);
    for (let u = 0; u < 4; u++) for (let r = 0; r < 20; r++) expect(column[u * 20 + r]).toBeCloseTo(expected[r * 4 + u], 5);
    const stats = tf.tidy(() => layerStatsTensor(model, { gradX: x, gradY: y, unitX: x, loss: 'bce', kind: 'sigmoid' }, null).dataSync());
    expect(Array.from(stats).every(Number.isFinite)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('batch norm in the batched search engine', () => {
  it('batchKey refuses a setup with batch norm on any layer, so such trials train one at a time', () => {
    const shape = { inputs: 2, classes: 2 };
    const c = { ...DEFAULT_CONFIG, layers: [4, 2], activations: ['tanh', 'tanh'] as Activation[] };
    expect(batchKey({ ...c, batchnorm: [false, false] }, shape)).not.toBeNull();
    expect(batchKey({ ...c, batchnorm: [false, true] }, shape)).toBeNull();
    expect(batchKey({ ...c, batchnorm: [true, false] }, shape)).toBeNull();
  });
});
