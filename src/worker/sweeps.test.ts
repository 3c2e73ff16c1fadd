import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { SIZE_FRACTIONS, WIDTHS } from '../shared/sweep';
import { prepareData, trainSubset } from './prepareData';
import { runSweep, trialConfig } from './sweeps';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const C: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 120, optimizer: 'adam', lr: 0.03 };

describe('trainSubset', () => {
  it('takes a seeded share of the training indices and leaves the rest of the split alone', () => {
    const full = prepareData(C);
    const part = prepareData(C, 0.25);
    expect(part.data.train.n).toBe(Math.round(full.data.train.n * 0.25));
    expect(part.data.val.n).toBe(full.data.val.n);
    expect(Array.from(part.data.val.x)).toEqual(Array.from(full.data.val.x));
    const sub = trainSubset(full.split.train, 0.25, C.seed);
    expect(new Set(sub).size).toBe(sub.length);
    expect(Array.from(sub).every((i) => full.split.train.includes(i))).toBe(true);
    expect(Array.from(trainSubset(full.split.train, 0.25, C.seed))).toEqual(Array.from(sub));
  });
});

describe('runSweep', () => {
  it('learning curve: one model per size, growing training sets, progress to the end, no leaked tensors', async () => {
    const before = tf.memory().numTensors;
    const reports: number[] = [];
    const points = await runSweep(C, 'size', 10, (p) => void reports.push(p.epochsDone / p.epochsTotal), () => false);
    expect(points.map((p) => p.value)).toEqual(SIZE_FRACTIONS);
    const sizes = points.map((p) => p.trainSize);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(sizes[0]).toBeLessThan(sizes.at(-1)!);
    expect(points.every((p) => Number.isFinite(p.trainLoss) && Number.isFinite(p.valLoss) && p.epochs === 10)).toBe(true);
    expect(reports.at(-1)).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('capacity sweep: every hidden layer gets each width; a linear model gets one hidden layer', async () => {
    expect(trialConfig(C, 'width', 16).layers).toEqual([16, 16]);
    expect(trialConfig({ ...C, layers: [], activations: [], dropout: [] }, 'width', 8).layers).toEqual([8]);
    const points = await runSweep(C, 'width', 5, () => {}, () => false);
    expect(points.map((p) => p.value)).toEqual(WIDTHS);
  });

  it('stops promptly when cancelled and keeps the models already finished', async () => {
    let calls = 0;
    const points = await runSweep(C, 'width', 20, () => void calls++, () => calls >= 3);
    expect(points.length).toBeLessThan(WIDTHS.length);
    expect(points.length).toBeGreaterThanOrEqual(1);
  });
});
