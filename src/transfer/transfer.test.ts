import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { Mlp, type LayerWeights } from '../engine/model';
import { mulberry32 } from '../data/random';
import { DEFAULT_TRANSFER_SETTINGS, type TransferResult, type TransferSettings } from '../shared/transferProtocol';
import { buildTarget, compareMethods, epochsToReach, plans, pretrainBase } from '../worker/transferJob';
import { incompatibility, transferChecks } from './checks';
import { exportFiles, importFiles, type Base } from './modelFile';
import { DEFAULT_SOURCE, DEFAULT_TARGET, findTask, TRANSFER_TASKS } from './tasks';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const S: TransferSettings = { ...DEFAULT_TRANSFER_SETTINGS };
/** A quick base for the structural tests (a few epochs are enough to have weights). */
const QUICK: TransferSettings = { ...S, pretrainEpochs: 3 };

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
const sameBits = (a: LayerWeights, b: LayerWeights) => expect(bits(a.kernel).concat(bits(a.bias))).toEqual(bits(b.kernel).concat(bits(b.bias)));

let quickBase: Base | null = null;
async function base(): Promise<Base> {
  quickBase ??= (await pretrainBase(DEFAULT_SOURCE, QUICK, () => {}))!;
  return quickBase;
}

/** The predictions (logits) of a model built from `layers` on `x`. */
async function predict(b: Base, x: Float32Array, n: number): Promise<Float32Array> {
  const k = b.info.classNames.length;
  const m = new Mlp(
    { inputs: b.info.inputNames.length, layers: b.info.layers, activations: b.info.activations, outputs: k === 2 ? 1 : k, output: k === 2 ? 'sigmoid' : 'softmax', init: 'glorotUniform' },
    mulberry32(1),
    { layers: b.layers },
  );
  const out = tf.tidy(() => m.logits(tf.tensor2d(x, [n, b.info.inputNames.length])));
  const v = (await out.data()) as Float32Array;
  out.dispose();
  m.dispose();
  return v;
}

describe('tasks', () => {
  it('every task builds seeded, nested data of the asked size', async () => {
    for (const t of TRANSFER_TASKS.filter((k) => k.kind === '2d')) {
      const a = await t.build({ nTrain: 30, seed: 3 });
      const b = await t.build({ nTrain: 30, seed: 3 });
      const big = await t.build({ nTrain: 100, seed: 3 });
      expect(a.train.n).toBe(30);
      expect(a.inputs).toBe(t.inputNames.length);
      expect(a.classes).toBe(t.classNames.length);
      expect(bits(a.train.x)).toEqual(bits(b.train.x));
      expect(bits(big.train.x.slice(0, 60))).toEqual(bits(a.train.x));
      expect(bits(big.val.x)).toEqual(bits(a.val.x));
    }
  });

  it('the default target is the circle shrunk to 80% and moved to (0.5, −0.3)', async () => {
    const tgt = await findTask(DEFAULT_TARGET).build({ nTrain: 500, seed: 1 });
    // Features are coordinates / 3. Disc radius 2.5 and ring 3.5..5, scaled by 0.8, noise σ 0.16.
    const dist = (i: number) => 3 * Math.hypot(tgt.train.x[2 * i] - 0.5 / 3, tgt.train.x[2 * i + 1] + 0.3 / 3);
    const disc: number[] = [];
    const ring: number[] = [];
    for (let i = 0; i < tgt.train.n; i++) (tgt.train.y[i] === 1 ? disc : ring).push(dist(i));
    expect(Math.max(...disc)).toBeLessThan(2 + 0.6);
    expect(Math.min(...ring)).toBeGreaterThan(2.8 - 0.6);
    expect(Math.max(...ring)).toBeLessThan(4 + 0.6);
  });
});

describe('table tasks (penguins, iris)', () => {
  it('build with the classes, inputs and sizes their entries declare', async () => {
    for (const t of TRANSFER_TASKS.filter((k) => k.kind === 'table')) {
      const d = await t.build({ nTrain: 10_000, seed: 1 });
      expect(d.train.n, t.key).toBe(t.maxTrain);
      expect(d.classNames, t.key).toEqual(t.classNames);
      expect(d.inputs, t.key).toBe(t.inputNames.length);
      expect((d.stats as { inputNames: string[] }).inputNames, t.key).toEqual(t.inputNames);
      expect((await t.build({ nTrain: 12, seed: 1 })).train.n).toBe(12);
    }
  });

  it('the Chinstrap target is encoded with the source’s statistics', async () => {
    const src = await findTask('penguins-sex').build({ nTrain: 186, seed: 1 });
    const own = await findTask('chinstrap-sex').build({ nTrain: 41, seed: 1 });
    const reused = await findTask('chinstrap-sex').build({ nTrain: 41, seed: 1, stats: src.stats });
    expect(reused.stats).toEqual(src.stats);
    expect(bits(reused.train.y)).toEqual(bits(own.train.y));
    // Same birds, a different scale: with its own statistics the inputs are centred, with the source's not.
    const mean = (x: Float32Array, j: number) => x.filter((_, i) => i % 4 === j).reduce((a, b) => a + b, 0) / (x.length / 4);
    expect(Math.abs(mean(own.train.x, 0))).toBeLessThan(0.5);
    expect(mean(reused.train.x, 0)).not.toBeCloseTo(mean(own.train.x, 0), 1);
  });

  it('a base from Adelie and Gentoo trains on Chinstrap; one from Iris is refused', async () => {
    const s = { ...S, pretrainEpochs: 3, epochs: 4 };
    const start = tf.memory().numTensors;
    const penguins = (await pretrainBase('penguins-sex', s, () => {}))!;
    expect(penguins.info.stats).toBeDefined();
    const r = (await compareMethods(penguins, 'chinstrap-sex', { ...s, nTarget: 20 }, () => {}))!;
    expect(r.nTarget).toBe(20);
    expect(r.methods.map((m) => m.curve.length)).toEqual([5, 5, 5]);
    const iris = (await pretrainBase('iris-species', s, () => {}))!;
    expect(iris.layers.at(-1)!.bias.length).toBe(3);
    const checks = transferChecks(findTask('iris-species'), findTask('chinstrap-sex'), iris.info);
    expect(checks.find((c) => c.key === 'shapes')!.ok).toBe(false);
    await expect(compareMethods(iris, 'chinstrap-sex', s, () => {})).rejects.toThrow(/Sepal length \(cm\).*Beak Length \(mm\)/);
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('checks', () => {
  it('a related pair with the same inputs passes; performance waits for a base', () => {
    const c = transferChecks(findTask(DEFAULT_SOURCE), findTask(DEFAULT_TARGET), null);
    expect(c.map((x) => x.ok)).toEqual([true, null, true]);
    expect(c[2].detail).toContain('new head with 1 output');
  });

  it('an unrelated source is flagged but not refused; a poor base fails the performance check', async () => {
    const b = await base();
    const c = transferChecks(findTask('xor'), findTask(DEFAULT_TARGET), { ...b.info, sourceValAcc: 0.6 });
    expect(c.map((x) => x.ok)).toEqual([false, false, true]);
    expect(c[1].detail).toContain('60.0%');
  });

  it('different input features are refused with an explanation', async () => {
    const other = { label: 'four measurements', domain: 'flowers', inputNames: ['a', 'b', 'c', 'd'] };
    const why = incompatibility(other, findTask(DEFAULT_TARGET));
    expect(why).toMatch(/reads 4 inputs.*the target has 2/);
    const b = await base();
    const bad: Base = { ...b, info: { ...b.info, inputNames: ['a', 'b'] } };
    await expect(compareMethods(bad, DEFAULT_TARGET, S, () => {})).rejects.toThrow(/Cannot reuse the base/);
  });
});

describe('engine: starting from a base', () => {
  it('frozen layers stay bit for bit while the new head (and unfrozen layers) change', async () => {
    const b = await base();
    const data = await findTask(DEFAULT_TARGET).build({ nTrain: 30, seed: 1 });
    const settings = { ...S, frozen: [true, false] };
    const plan = plans(b, settings).find((p) => p.method === 'frozen')!;
    const t = buildTarget(b, data, settings, plan);
    try {
      expect(t.model.trainableVariables.length).toBe(4);
      const before = await t.model.readLayers();
      sameBits(before[0], b.layers[0]);
      sameBits(before[1], b.layers[1]);
      for (let e = 0; e < 5; e++) t.trainEpoch();
      await t.flush();
      const after = await t.model.readLayers();
      sameBits(after[0], b.layers[0]);
      expect(bits(after[1].kernel)).not.toEqual(bits(b.layers[1].kernel));
      expect(bits(after[2].kernel)).not.toEqual(bits(before[2].kernel));
      expect(bits(after[2].bias)).not.toEqual(bits(before[2].bias));
    } finally {
      t.dispose();
    }
  });

  it('all base layers frozen: only the head trains', async () => {
    const b = await base();
    const data = await findTask(DEFAULT_TARGET).build({ nTrain: 30, seed: 2 });
    const plan = plans(b, S).find((p) => p.method === 'frozen')!;
    const t = buildTarget(b, data, S, plan);
    try {
      const head0 = (await t.model.readLayers())[2];
      for (let e = 0; e < 3; e++) t.trainEpoch();
      await t.flush();
      const after = await t.model.readLayers();
      sameBits(after[0], b.layers[0]);
      sameBits(after[1], b.layers[1]);
      expect(bits(after[2].kernel)).not.toEqual(bits(head0.kernel));
    } finally {
      t.dispose();
    }
  });

  it('the new head is sized for the target, whatever the base’s own head was', async () => {
    const b = await base();
    expect(b.layers[2].kernel.length).toBe(32 * 1);
    const hidden = b.layers.slice(0, 2);
    const m = new Mlp({ inputs: 2, layers: [32, 32], activations: ['relu', 'relu'], outputs: 3, output: 'softmax', init: 'glorotUniform' }, mulberry32(1), { layers: hidden, frozen: [true, true] });
    try {
      expect(m.kernels[2].shape).toEqual([32, 3]);
      expect(m.biases[2].shape).toEqual([3]);
      expect(m.trainableVariables).toEqual([m.kernels[2], m.biases[2]]);
    } finally {
      m.dispose();
    }
    const data = await findTask(DEFAULT_TARGET).build({ nTrain: 20, seed: 1 });
    const t = buildTarget(b, data, S, plans(b, S)[1]);
    try {
      expect(t.model.kernels.at(-1)!.shape).toEqual([32, 1]);
    } finally {
      t.dispose();
    }
  });

  it('start weights of the wrong shape are refused', () => {
    const spec = { inputs: 2, layers: [4], activations: ['tanh' as const], outputs: 1, output: 'sigmoid' as const, init: 'glorotUniform' as const };
    expect(() => new Mlp(spec, mulberry32(1), { layers: [{ kernel: new Float32Array(6), bias: new Float32Array(4) }] })).toThrow(/2 × 4/);
  });

  it('fine-tuning trains every layer at lr × factor; scratch at lr', async () => {
    const b = await base();
    const p = plans(b, S);
    expect(p.map((x) => x.method)).toEqual(['scratch', 'frozen', 'finetune']);
    expect(p[0].lr).toBe(S.lr);
    expect(p[0].start).toBeUndefined();
    expect(p[2].lr).toBeCloseTo(S.lr * S.lrFactor, 12);
    expect(p[2].start?.frozen).toBeUndefined();
  });
});

describe('model files', () => {
  it('a saved and reloaded base gives the same predictions', async () => {
    const b = await base();
    const files = exportFiles(b);
    const json = JSON.parse(files.modelJson);
    expect(json.format).toBe('layers-model');
    expect(files.jsonName).toMatch(/^transfer-circle-.*\.json$/);
    expect(json.weightsManifest[0].paths).toEqual([`./${files.weightsName}`]);
    expect(files.weights.byteLength).toBe(4 * (2 * 32 + 32 + 32 * 32 + 32 + 32 + 1));
    const back = importFiles({ modelJson: files.modelJson, weights: files.weights.slice(0) });
    expect(back.info).toEqual(JSON.parse(JSON.stringify(b.info)));
    const val = (await findTask(DEFAULT_SOURCE).build({ nTrain: 10, seed: 1 })).val;
    expect(bits(await predict(back, val.x, val.n))).toEqual(bits(await predict(b, val.x, val.n)));
  });

  it('the file is a tfjs layers model that tf.loadLayersModel reads', async () => {
    const layers = await import('@tensorflow/tfjs-layers');
    const b = await base();
    const files = exportFiles(b);
    const json = JSON.parse(files.modelJson);
    const model = await layers.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: files.weights }));
    const val = (await findTask(DEFAULT_SOURCE).build({ nTrain: 10, seed: 1 })).val;
    const out = tf.tidy(() => model.predict(tf.tensor2d(val.x, [val.n, 2])) as tf.Tensor);
    const probs = (await out.data()) as Float32Array;
    out.dispose();
    model.dispose();
    const logits = await predict(b, val.x, val.n);
    logits.forEach((z, i) => expect(probs[i]).toBeCloseTo(1 / (1 + Math.exp(-z)), 5));
  });

  it('bad files are refused with clear messages', async () => {
    const b = await base();
    const good = exportFiles(b);
    const j = JSON.parse(good.modelJson);
    const bad = (modelJson: string, weights = good.weights) => () => importFiles({ modelJson, weights });
    expect(bad('{not json')).toThrow(/not valid JSON/);
    expect(bad(JSON.stringify({ ...j, weightsManifest: undefined }))).toThrow(/weightsManifest/);
    expect(bad(JSON.stringify({ ...j, modelTopology: undefined }))).toThrow(/modelTopology/);
    expect(bad(JSON.stringify({ ...j, userDefinedMetadata: {} }))).toThrow(/not saved by this playground/);
    expect(bad(good.modelJson, good.weights.slice(4))).toThrow(/weights.bin has \d+ bytes/);
    const wrong = structuredClone(j);
    wrong.weightsManifest[0].weights[0].shape = [3, 32];
    expect(bad(JSON.stringify(wrong))).toThrow(/shape \[3, 32\]/);
    const nan = new Float32Array(good.weights.slice(0));
    nan[5] = NaN;
    expect(bad(good.modelJson, nan.buffer)).toThrow(/not finite/);
  });
});

describe('the comparison', () => {
  it('epochs to reach a target loss: the first epoch at or below it', () => {
    const m = (v: number[]) => v.map((valLoss, epoch) => ({ epoch, trainLoss: 0, valLoss, trainAcc: null, valAcc: null }));
    expect(epochsToReach(m([0.9, 0.5, 0.3, 0.35, 0.1]), 0.3)).toBe(2);
    expect(epochsToReach(m([0.9, 0.5]), 0.3)).toBeNull();
  });

  it('pretraining and comparing leave no tensor behind', async () => {
    const start = tf.memory().numTensors;
    const b = (await pretrainBase(DEFAULT_SOURCE, QUICK, () => {}))!;
    const r = (await compareMethods(b, DEFAULT_TARGET, { ...S, epochs: 6 }, () => {}))!;
    expect(r.methods).toHaveLength(3);
    expect(tf.memory().numTensors).toBe(start);
    // Cancelled half-way: still nothing left.
    let calls = 0;
    expect(await compareMethods(b, DEFAULT_TARGET, { ...S, epochs: 20 }, () => {}, () => ++calls > 2)).toBeNull();
    expect(await pretrainBase(DEFAULT_SOURCE, QUICK, () => {}, () => true)).toBeNull();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('reports progress and gives each method its curve, final numbers and epochs to target', async () => {
    const b = await base();
    const seen: number[] = [];
    const r = (await compareMethods(b, DEFAULT_TARGET, { ...S, epochs: 10 }, (p) => void seen.push(p.done / p.total)))!;
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    expect(r.nTarget).toBe(30);
    expect(r.headOutputs).toBe(1);
    for (const m of r.methods) {
      expect(m.curve.map((c) => c.epoch)).toEqual(Array.from({ length: 11 }, (_, i) => i));
      expect(m.finalValLoss).toBe(m.curve[10].valLoss);
      expect(m.finalValAcc).toBe(m.curve[10].valAcc);
    }
    expect(r.methods[1].frozenLayers).toEqual([1, 2]);
  });
});

/** Epochs to the target loss, with "not reached" as one more than the epochs trained. */
const reach = (r: TransferResult, method: string) => r.methods.find((m) => m.method === method)!.epochsToTarget ?? r.methods[0].curve.length;

describe('where transfer pays (the default pair, default settings)', () => {
  it('with scarce target data, transfer reaches the target loss in far fewer epochs than scratch, on every seed', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = { ...S, seed };
      const b = (await pretrainBase(DEFAULT_SOURCE, s, () => {}))!;
      expect(b.info.sourceValAcc).toBeGreaterThanOrEqual(0.95);
      const r = (await compareMethods(b, DEFAULT_TARGET, s, () => {}))!;
      const scratch = reach(r, 'scratch');
      const best = Math.min(reach(r, 'frozen'), reach(r, 'finetune'));
      expect(best, `seed ${seed}: transfer ${best} vs scratch ${scratch} epochs`).toBeLessThan(S.epochs);
      expect(best * 2, `seed ${seed}: transfer ${best} vs scratch ${scratch} epochs`).toBeLessThan(scratch);
    }
  }, 120_000);

  it('with 500 target examples the gap shrinks', async () => {
    const b = (await pretrainBase(DEFAULT_SOURCE, S, () => {}))!;
    const gap = async (nTarget: number) => {
      const r = (await compareMethods(b, DEFAULT_TARGET, { ...S, nTarget }, () => {}))!;
      return reach(r, 'scratch') - Math.min(reach(r, 'frozen'), reach(r, 'finetune'));
    };
    const scarce = await gap(30);
    const plenty = await gap(500);
    expect(plenty).toBeLessThan(scarce);
    expect(plenty).toBeLessThanOrEqual(10);
  }, 120_000);
});
