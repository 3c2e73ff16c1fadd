import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { prepareData } from '../worker/prepareData';
import { Trainer } from '../engine/trainer';
import { batchOrders, buildRunExport, exportRefusal, metricRows, runExportFor } from './runExport';
import { f32, pytorchScript } from './pytorchScript';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function cfg(over: Partial<ExperimentConfig> = {}): ExperimentConfig {
  return { ...DEFAULT_CONFIG, backend: 'cpu', seed: 5, samples: 200, ...over };
}

/** The Trainer's private state the export replays. */
interface TrainerInside {
  order: Int32Array;
  trainMetric: { x: tf.Tensor2D };
}

describe('batchOrders', () => {
  it("is the Trainer's own order of the training rows, epoch after epoch, for any run", async () => {
    for (const run of [0, 3]) {
      const c = cfg({ batch: 7 });
      const data = prepareData(c).data;
      const t = new Trainer(data, c, run);
      try {
        const expected = batchOrders(data.train.n, c.seed, run, 4);
        for (let e = 0; e < 4; e++) {
          t.trainEpoch();
          expect(Array.from((t as unknown as TrainerInside).order)).toEqual(Array.from(expected[e]));
        }
        await t.flush();
      } finally {
        t.dispose();
      }
    }
  });
});

describe('metricRows', () => {
  it('is null up to 256 training rows (all are measured)', () => {
    expect(metricRows(256, 1)).toBeNull();
  });

  it("picks the Trainer's own fixed sample beyond 256 rows", async () => {
    const c = cfg({ samples: 700, trainPct: 60 });
    const data = prepareData(c).data;
    const rows = metricRows(data.train.n, c.seed)!;
    expect(rows.length).toBe(256);
    const t = new Trainer(data, c);
    try {
      const sampled = await (t as unknown as TrainerInside).trainMetric.x.data();
      const expected = Array.from(rows).flatMap((r) => Array.from(data.train.x.subarray(r * data.inputs, (r + 1) * data.inputs)));
      expect(Array.from(sampled)).toEqual(expected);
      await t.flush();
    } finally {
      t.dispose();
    }
  });
});

describe('buildRunExport', () => {
  it("holds the Trainer's initial weights, rows and per-layer penalties", async () => {
    const c = cfg({ layers: [5, 3], activations: ['relu', 'tanh'], dropout: [0, 0], init: 'heNormal', l1: [0.01, 0], l2: 0.002 });
    const data = prepareData(c).data;
    for (const run of [0, 2]) {
      const exported = await buildRunExport(c, data, run, 3);
      const t = new Trainer(data, c, run);
      try {
        const layers = await t.model.readLayers();
        expect(exported.weights.map((w) => [Array.from(w.kernel), Array.from(w.bias)])).toEqual(layers.map((w) => [Array.from(w.kernel), Array.from(w.bias)]));
        await t.flush();
      } finally {
        t.dispose();
      }
      expect(exported.batchOrders).toHaveLength(3);
      expect(exported.train).toBe(data.train);
      expect(exported.l1).toEqual([0.01, 0, 0]);
      expect(exported.l2).toEqual([0.002, 0.002, 0.002]);
      expect(exported.dropoutSeeds).toBeNull();
      expect(exported.adagradEpsilon).toBe(1e-7);
    }
  });

  it('gives each epoch one dropout seed per mini-batch when dropout is on', async () => {
    const c = cfg({ layers: [4], activations: ['tanh'], dropout: [0.3], batch: 30 });
    const exported = await runExportFor(c, 0, 2);
    expect(exported.dropoutSeeds).toHaveLength(2);
    expect(exported.dropoutSeeds![0]).toHaveLength(Math.ceil(exported.train.n / 30));
    expect(new Set(exported.dropoutSeeds!.flat()).size).toBe(2 * Math.ceil(exported.train.n / 30));
  });

  it('refuses a run with batch norm, saying why', async () => {
    const c = cfg({ layers: [4, 2], activations: ['tanh', 'tanh'], dropout: [0, 0], batchnorm: [false, true] });
    expect(exportRefusal(c)).toMatch(/batch norm is on/);
    expect(exportRefusal({ ...c, batchnorm: [false, false] })).toBeNull();
    await expect(buildRunExport(c, prepareData(c).data, 0, 1)).rejects.toThrow(/cannot export this run: batch norm is on/);
  });

  it('refuses a run with augmentation, saying why', async () => {
    const c = cfg({ augment: { jitter: 0.2, symmetry: false } });
    expect(exportRefusal(c)).toMatch(/augmentation is on/);
    expect(exportRefusal(cfg())).toBeNull();
    await expect(buildRunExport(c, prepareData(c).data, 0, 1)).rejects.toThrow(/cannot export this run: augmentation is on/);
  });
});

describe('pytorchScript', () => {
  it('writes every float32 as a decimal that reads back exactly, and short', () => {
    const values = Float32Array.from({ length: 2000 }, (_, i) => Math.sin(i * 12.9898) * 10 ** ((i % 17) - 8));
    for (const v of values) expect(Math.fround(Number(f32(v)))).toBe(v);
    expect(f32(0.1)).toBe('0.1');
    expect(f32(Math.fround(1e-7))).toBe('1e-7');
    expect(f32(-2)).toBe('-2');
    expect(f32(Math.fround(0.30000001192092896))).toBe('0.3');
  });

  it('embeds the settings, rows, weights and batch orders of the run', async () => {
    const c = cfg({ dataset: 'blobs', loss: 'cce', optimizer: 'momentum', layers: [3], activations: ['relu'], dropout: [0.1], patience: 4, restoreBest: false });
    const exported = await runExportFor(c, 1, 2, [{ epoch: 0, trainLoss: 1.1, valLoss: 1.2, trainAcc: 0.3, valAcc: 0.3 }]);
    const script = pytorchScript(exported);
    expect(script.startsWith('#!/usr/bin/env python3\n')).toBe(true);
    expect(script).toContain('"optimizer": "momentum"');
    expect(script).toContain('"restore_best": False');
    expect(script).toContain(`TRAIN_N = ${exported.train.n}`);
    expect(script).toContain('BROWSER = [\n    (0, 1.1, 1.2),\n]');
    expect(script).toContain(`${Array.from(exported.batchOrders[1].subarray(0, 32)).join(', ')},\n`);
    expect(script).not.toMatch(/undefined|NaN|\bnull\b|\btrue\b|\bfalse\b/);
    // No schedule and no clipping here: the constant rate, clipping off.
    expect(script).toContain('"schedule": {"text": "constant", "warmup": 0, "kind": "constant", "every": 0, "factor": 1}');
    expect(script).toContain('"clip": 0,');
  });

  it('embeds the schedule (canonical) and the clip norm, and names them in the header', async () => {
    const c = cfg({ schedule: 'warmup:5 + step:10:0.5', clip: 2.5 });
    const script = pytorchScript(await runExportFor(c, 0, 2));
    expect(script).toContain('"schedule": {"text": "warmup:5+step:10:0.5", "warmup": 5, "kind": "step", "every": 10, "factor": 0.5}');
    expect(script).toContain('"clip": 2.5,');
    expect(script).toMatch(/schedule warmup:5\+step:10:0\.5, gradients clipped to norm 2\.5/);
  });
});
