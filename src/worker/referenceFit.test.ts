import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { referenceConfig, runReferenceFit, REFERENCE_UNITS } from './referenceFit';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

// A small circle (60 training rows) with a tiny, regularized model: the reference ignores the model.
const C: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 120, layers: [1], activations: ['relu'], dropout: [0.5], l2: 0.1, optimizer: 'sgd', lr: 0.001 };

describe('referenceFit', () => {
  it('keeps the data settings and replaces the model, optimizer and regularization', () => {
    const r = referenceConfig(C);
    expect(r.layers).toEqual([REFERENCE_UNITS, REFERENCE_UNITS]);
    expect([r.dataset, r.samples, r.noise, r.seed, r.trainPct, r.valPct, r.loss, r.features]).toEqual([C.dataset, C.samples, C.noise, C.seed, C.trainPct, C.valPct, C.loss, C.features]);
    expect([r.l1, r.l2, r.dropout, r.optimizer, r.patience]).toEqual([0, 0, [0, 0], 'adam', 0]);
  });

  it('fits the circle far below the baseline, reports its best validation epoch, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const fit = await runReferenceFit(C);
    expect(tf.memory().numTensors).toBe(before);
    expect(fit).not.toBeNull();
    expect(fit!.units).toEqual([REFERENCE_UNITS, REFERENCE_UNITS]);
    expect(fit!.valLoss).toBeLessThan(0.2);
    expect(fit!.epoch).toBeLessThanOrEqual(fit!.epochs);
    expect(fit!.epochs).toBeGreaterThanOrEqual(20);
    expect(fit!.valAcc).toBeGreaterThan(0.9);
  }, 30_000);

  it('returns null when cancelled', async () => {
    expect(await runReferenceFit(C, () => true)).toBeNull();
  });
});
