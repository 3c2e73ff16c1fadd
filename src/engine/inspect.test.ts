// The network view's numbers against references: maps against a forward pass by hand, gradient
// norms against the gradient tape, dead and saturated counts on nets built to have them, and
// weight edits that change exactly one number.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import { DEFAULT_CONFIG, type Activation, type ExperimentConfig } from '../shared/config';
import { GRID_RESOLUTION } from '../shared/datasets';
import { prepareData } from '../worker/prepareData';
import { layerStatsTensor, mapColumns, mapRows, MAX_SHOWN_UNITS, networkMapsTensor, readLayerStats, splitNetworkMaps } from './inspect';
import { tapeGradients } from './leanStep';
import { Mlp, type LayerWeights } from './model';
import { Trainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const tanh = Math.tanh;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A 2-3-1 tanh net with the given weights. */
function tinyNet(): { model: Mlp; layers: LayerWeights[] } {
  const layers: LayerWeights[] = [
    { kernel: Float32Array.from([0.5, -1, 0.25, 2, 0.1, -0.7]), bias: Float32Array.from([0.1, -0.2, 0.3]) },
    { kernel: Float32Array.from([1.5, -0.5, 0.8]), bias: Float32Array.from([-0.4]) },
  ];
  const model = new Mlp({ inputs: 2, layers: [3], activations: ['tanh'], outputs: 1, output: 'sigmoid', init: 'glorotUniform' }, mulberry32(1), { layers });
  return { model, layers };
}

/** The forward pass by hand: every column's values for one input row. */
function byHand(layers: LayerWeights[], acts: Activation[], x: number[]): number[][] {
  const cols = [x];
  let h = x;
  layers.forEach(({ kernel, bias }, l) => {
    const out = bias.length;
    const z = Array.from({ length: out }, (_, j) => bias[j] + h.reduce((s, v, i) => s + v * kernel[i * out + j], 0));
    h = l < acts.length ? z.map((v) => (acts[l] === 'tanh' ? tanh(v) : acts[l] === 'relu' ? Math.max(0, v) : sigmoid(v))) : z.map(sigmoid);
    cols.push(h);
  });
  return cols;
}

describe('networkMapsTensor', () => {
  it('equals a forward pass done by hand, neuron by neuron, with the weights between them', async () => {
    const { model, layers } = tinyNet();
    const cells = [
      [-1, 1],
      [0.5, 0.5],
      [2, -1.5],
      [0, 0],
    ];
    const grid = tf.tensor2d(cells.flat(), [4, 2]);
    const t = tf.tidy(() => networkMapsTensor(model, grid, 'sigmoid'));
    const { units, shown } = mapColumns(model);
    const maps = splitNetworkMaps((await t.data()) as Float32Array, units, shown, 2);
    expect(maps.units).toEqual([2, 3, 1]);
    const expected = cells.map((c) => byHand(layers, ['tanh'], c));
    let at = 0;
    for (let col = 0; col < 3; col++) {
      for (let u = 0; u < shown[col]; u++) {
        for (let cell = 0; cell < 4; cell++) expect(maps.maps[at++]).toBeCloseTo(expected[cell][col][u], 5);
      }
    }
    expect(Array.from(maps.weights[0])).toEqual(Array.from(layers[0].kernel));
    expect(Array.from(maps.biases[1])).toEqual(Array.from(layers[1].bias));
    tf.dispose([t, grid]);
    model.dispose();
  });

  it('keeps only the first MAX_SHOWN_UNITS units of a wide layer, and the weights between them', async () => {
    const model = new Mlp({ inputs: 2, layers: [20, 16], activations: ['relu', 'tanh'], outputs: 3, output: 'softmax', init: 'heNormal' }, mulberry32(4));
    const grid = tf.randomUniform([9, 2], -1, 1, 'float32', 3) as tf.Tensor2D;
    const { units, shown } = mapColumns(model);
    expect(shown).toEqual([2, MAX_SHOWN_UNITS, MAX_SHOWN_UNITS, 3]);
    const t = tf.tidy(() => networkMapsTensor(model, grid, 'softmax'));
    const maps = splitNetworkMaps((await t.data()) as Float32Array, units, shown, 3);
    expect(maps.maps.length).toBe((2 + 12 + 12 + 3) * 9);
    const k1 = (await model.kernels[1].data()) as Float32Array;
    // Row i, column j of the 12 × 12 block is kernel[i][j] of the 20 × 16 kernel.
    expect(maps.weights[1][5 * 12 + 7]).toBe(k1[5 * 16 + 7]);
    // Softmax outputs of each cell sum to 1.
    const out = maps.maps.subarray((2 + 12 + 12) * 9);
    for (let c = 0; c < 9; c++) expect(out[c] + out[9 + c] + out[18 + c]).toBeCloseTo(1, 5);
    tf.dispose([t, grid]);
    model.dispose();
  });
});

describe('layerStatsTensor', () => {
  const rowsOf = (x: tf.Tensor2D, y: tf.Tensor2D) => ({ gradX: x, gradY: y, unitX: x, loss: 'bce' as const, kind: 'sigmoid' as const });

  it('gives gradient norms equal to the gradient tape’s, and the weight norms', async () => {
    const model = new Mlp({ inputs: 3, layers: [6, 5, 4], activations: ['sigmoid', 'tanh', 'relu'], outputs: 1, output: 'sigmoid', init: 'glorotNormal' }, mulberry32(9));
    const r = mulberry32(2);
    const x = tf.tensor2d(Array.from({ length: 40 * 3 }, () => r() * 4 - 2), [40, 3]);
    const y = tf.tensor2d(Array.from({ length: 40 }, () => (r() < 0.5 ? 0 : 1)), [40, 1]);
    const before = tf.memory().numTensors;
    const t = tf.tidy(() => layerStatsTensor(model, rowsOf(x, y), null));
    const s = readLayerStats(3, await t.data(), 4);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const zeros = [0, 0, 0, 0];
    const tape = tf.tidy(() => tapeGradients(model, x, y, { loss: 'bce', kind: 'sigmoid', l1: zeros, l2: zeros }).map((g) => ({ name: g.name, norm: tf.norm(g.tensor).dataSync()[0] })));
    model.kernels.forEach((k, i) => {
      expect(s.gradNorm[i]).toBeCloseTo(tape.find((g) => g.name === k.name)!.norm, 5);
      expect(s.weightNorm[i]).toBeCloseTo(tf.tidy(() => tf.norm(k).dataSync()[0]), 5);
    });
    expect(s.updateRatio).toEqual([null, null, null, null]);
    expect(s.epoch).toBe(3);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('counts dead ReLU units and saturated tanh and sigmoid units on nets built to have them', async () => {
    // Hidden 1 (relu, 4 units): units 0 and 2 get a bias of −100, so they output 0 on every row.
    // Hidden 2 (tanh, 3 units): unit 1 gets weights ×50 from unit 1 of layer 1 and a bias of 5: |tanh| ≈ 1 on every row.
    // Hidden 3 (sigmoid, 2 units): unit 0 gets a bias of −50: σ ≈ 0 on every row.
    const relu = { kernel: Float32Array.from([1, 1, 1, 1, -1, 1, -1, 1]), bias: Float32Array.from([-100, 0.5, -100, 0.5]) };
    const tanhL = { kernel: new Float32Array(12).fill(0.1), bias: Float32Array.from([0, 5, 0]) };
    tanhL.kernel[1 * 3 + 1] = 50;
    const sig = { kernel: new Float32Array(6).fill(0.1), bias: Float32Array.from([-50, 0]) };
    const out = { kernel: Float32Array.from([1, 1]), bias: Float32Array.from([0]) };
    const model = new Mlp({ inputs: 2, layers: [4, 3, 2], activations: ['relu', 'tanh', 'sigmoid'], outputs: 1, output: 'sigmoid', init: 'glorotUniform' }, mulberry32(1), {
      layers: [relu, tanhL, sig, out],
    });
    const r = mulberry32(5);
    const x = tf.tensor2d(Array.from({ length: 30 * 2 }, () => r() * 2 - 1), [30, 2]);
    const y = tf.tensor2d(Array.from({ length: 30 }, () => (r() < 0.5 ? 0 : 1)), [30, 1]);
    const t = tf.tidy(() => layerStatsTensor(model, rowsOf(x, y), null));
    const s = readLayerStats(0, await t.data(), 4);
    expect(s.dead).toEqual([2, 0, 0]);
    expect(s.saturated).toEqual([0, 1, 1]);
    tf.dispose([t, x, y]);
    model.dispose();
  });
});

function cfg(over: Partial<ExperimentConfig> = {}): ExperimentConfig {
  return { ...DEFAULT_CONFIG, samples: 200, seed: 7, backend: 'cpu', ...over };
}

describe('Trainer inspection', () => {
  it('sizes the last step of a sampled epoch: full-batch SGD moves W by lr·‖∇W‖', async () => {
    // One full batch per epoch and no penalty: the epoch's only step is lr × the gradient on every
    // training row, which the epoch-0 sample measured (the metric rows are all training rows).
    const c = cfg({ samples: 120, layers: [5], activations: ['tanh'], optimizer: 'sgd', lr: 0.5, batch: 1000 });
    const t = new Trainer(prepareData(c).data, c, 0);
    try {
      t.sampleStats();
      await t.flush();
      const [s0] = t.takeStats();
      t.trainEpoch(true);
      await t.flush();
      const [s1] = t.takeStats();
      expect(s1.epoch).toBe(1);
      for (let i = 0; i < 2; i++) expect(s1.updateRatio[i]!).toBeCloseTo((c.lr * s0.gradNorm[i]) / s0.weightNorm[i], 5);
    } finally {
      t.dispose();
    }
  });

  it('samples layer health only on the epochs asked, in the same download as the metrics, without leaking', async () => {
    // Adam would create its moment variables at the first step: SGD keeps the count flat.
    const c = cfg({ layers: [6, 4], activations: ['relu', 'tanh'], optimizer: 'sgd' });
    const t = new Trainer(prepareData(c).data, c, 0);
    try {
      await t.flush();
      const start = tf.memory().numTensors;
      t.trainEpoch();
      t.trainEpoch(true);
      t.trainEpoch();
      const epochs = await t.flush();
      expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
      const stats = t.takeStats();
      expect(stats.map((s) => s.epoch)).toEqual([2]);
      expect(stats[0].gradNorm).toHaveLength(3);
      expect(stats[0].dead).toHaveLength(2);
      expect(stats[0].updateRatio.every((r) => r !== null && r > 0 && r < 1)).toBe(true);
      expect(t.takeStats()).toEqual([]);
      // A stats-only sample after the epoch was read adds no metrics.
      t.sampleStats();
      expect(await t.flush()).toEqual([]);
      expect(t.takeStats().map((s) => s.epoch)).toEqual([3]);
      expect(tf.memory().numTensors).toBe(start);
    } finally {
      t.dispose();
    }
  });

  it('draws the boundary and the maps from one pass: the output maps are the boundary', async () => {
    const c = cfg({ dataset: 'blobs', loss: 'cce', layers: [5], activations: ['relu'] });
    const t = new Trainer(prepareData(c).data, c, 0);
    try {
      const plain = await t.boundary();
      const { boundary, network } = await t.views(true);
      expect(Array.from(boundary)).toEqual(Array.from(plain));
      expect(network!.resolution).toBe(25);
      expect(network!.units).toEqual([2, 5, 3]);
      // Output unit k's map is channel k of the boundary on every other cell, row by row.
      const cells = 25 * 25;
      const out = network!.maps.subarray((2 + 5) * cells);
      const rows = mapRows(GRID_RESOLUTION);
      expect(rows[26]).toBe(2 * GRID_RESOLUTION + 2);
      for (const cell of [0, 26, 333, cells - 1]) for (let k = 0; k < 3; k++) expect(out[k * cells + cell]).toBeCloseTo(plain[rows[cell] * 3 + k], 6);
      expect((await t.views(false)).network).toBeUndefined();
    } finally {
      t.dispose();
    }
  });

  it('setWeight changes exactly one weight, and the next prediction as a forward pass by hand says', async () => {
    const c = cfg({ layers: [3], activations: ['tanh'] });
    const t = new Trainer(prepareData(c).data, c, 0);
    try {
      const before = await t.model.readWeights();
      t.setWeight(1, 1, 2, 0.75);
      t.setBias(2, 0, -0.3);
      const after = await t.model.readWeights();
      // Variables: kernel 1 (2×3), kernel 2 (3×1), bias 1, bias 2.
      const changed = after.flatMap((w, v) => Array.from(w).flatMap((x, i) => (x !== before[v][i] ? [[v, i, x]] : [])));
      expect(changed).toEqual([
        [0, 1 * 3 + 2, 0.75],
        [3, 0, expect.closeTo(-0.3, 6)],
      ]);
      const layers = (await t.model.readLayers()).map((l) => l);
      const maps = await t.networkMaps();
      // The output map's first cell against the hand forward pass of that cell's inputs.
      const cell = [maps.maps[0], maps.maps[maps.resolution ** 2]];
      const hand = byHand(layers, ['tanh'], cell);
      expect(maps.maps[(2 + 3) * maps.resolution ** 2]).toBeCloseTo(hand[2][0], 5);
      expect(maps.weights[0][1 * 3 + 2]).toBe(0.75);
      expect(() => t.setWeight(3, 0, 0, 1)).toThrow(/layer must be 1–2/);
      expect(() => t.setWeight(1, 2, 0, 1)).toThrow(/2 inputs/);
      expect(() => t.setBias(1, 0, NaN)).toThrow(/finite/);
    } finally {
      t.dispose();
    }
  });
});
