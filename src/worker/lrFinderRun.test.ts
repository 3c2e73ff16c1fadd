import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { Trainer } from '../engine/trainer';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { chooseBackend } from './backends';
import { createLrLabApi } from './lrLabApi';
import { prepareData } from './prepareData';
import { runFinder } from './lrFinderRun';

beforeAll(async () => {
  await chooseBackend('cpu');
});

/** The default task: circle, 4-2 tanh, batch 10, SGD. */
const task = (over: Partial<ExperimentConfig> = {}): ExperimentConfig => ({ ...DEFAULT_CONFIG, backend: 'cpu', ...over });

describe('the learning-rate finder', () => {
  it.each([1, 2, 3])('suggests a rate between 1e-4 and 1 on the default task (seed %s)', async (seed) => {
    const config = task({ seed });
    expect([config.dataset, config.layers, config.activations, config.batch, config.optimizer]).toEqual(['circle', [4, 2], ['tanh', 'tanh'], 10, 'sgd']);
    const r = await runFinder({ config }, undefined, () => false);
    expect(r.lrs).toHaveLength(100);
    expect(r.lrs[0]).toBeCloseTo(1e-6, 12);
    expect(r.losses.every(Number.isFinite)).toBe(true);
    expect(r.suggested).not.toBeNull();
    expect(r.suggested!).toBeGreaterThan(1e-4);
    expect(r.suggested!).toBeLessThan(1);
    // The loss did fall by the suggested rate's minimum.
    expect(Math.min(...r.losses)).toBeLessThan(r.losses[3]);
  });

  it('stops when the loss blows up, reads the losses in chunks, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    // Mean squared error on a regression's linear output has no ceiling: at rates of 1–10 it explodes.
    const config = task({ dataset: 'wave', problem: 'regression', loss: 'mse', layers: [8], activations: ['relu'], dropout: [0], batchnorm: [false] });
    const reports: number[] = [];
    const r = await runFinder({ config }, (done) => void reports.push(done), () => false);
    expect(r.stoppedEarly).toBe(true);
    expect(r.lrs.length).toBeLessThan(100);
    expect(r.lrs.at(-1)!).toBeLessThan(10);
    // Progress (and the read behind it) every ten steps, not every step.
    expect(reports.every((d) => d % 10 === 0)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains a copy: a Trainer of the same config keeps its weights, and cancel stops early with the curve so far', async () => {
    const config = task();
    const main = new Trainer(prepareData(config).data, config, 0);
    const weightsBefore = (await main.exportState()).weights;
    const api = createLrLabApi();
    const run = api.findLearningRate({ config, steps: 400 }, async (done) => {
      if (done >= 20) await api.cancelFinder();
    });
    const r = await run;
    expect(r.cancelled).toBe(true);
    expect(r.lrs.length).toBeGreaterThanOrEqual(20);
    expect(r.lrs.length).toBeLessThan(400);
    const weightsAfter = (await main.exportState()).weights;
    expect(weightsAfter).toEqual(weightsBefore);
    expect(main.epoch).toBe(0);
    main.dispose();
  });
});
