import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, OPTIMIZERS, type ExperimentConfig } from '../shared/config';
import { checkRaceRequest, type RaceProgress, type RaceRequest } from '../shared/race';
import { runRace, timeOneRun } from './race';
import { createRaceApi } from './raceApi';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const C: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 160 };
const request = (over: Partial<RaceRequest> = {}): RaceRequest => ({ config: C, optimizers: [...OPTIMIZERS], lrs: { sgd: 0.1, adam: 0.01 }, epochs: 6, ...over });

describe('runRace', () => {
  it('races five optimizers as one batched model from the same start, with their own rates', async () => {
    const before = tf.memory().numTensors;
    const seen: RaceProgress[] = [];
    const r = await runRace(request(), (p) => void seen.push(p), () => false);
    expect(r.batched).toBe(true);
    expect(r.alone).toBeNull();
    expect(r.cancelled).toBe(false);
    expect(r.entries.map((e) => e.optimizer)).toEqual([...OPTIMIZERS]);
    expect(r.entries.map((e) => e.lr)).toEqual([0.1, C.lr, 0.01, C.lr, C.lr]);
    for (const e of r.entries) {
      expect(e.trainLoss).toHaveLength(7);
      expect(e.valLoss).toHaveLength(7);
      // Bit-identical initial weights: the same loss at epoch 0.
      expect(e.trainLoss[0]).toBe(r.entries[0].trainLoss[0]);
      expect(e.valLoss[0]).toBe(r.entries[0].valLoss[0]);
      expect(e.wallMs).toBeGreaterThan(0);
    }
    expect(new Set(r.entries.map((e) => e.trainLoss[6])).size).toBe(5);
    expect(seen.at(-1)!.epochsDone).toBe(6);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains Trainers one after another when the engine cannot batch the setup, and says why', async () => {
    const before = tf.memory().numTensors;
    const r = await runRace(request({ config: { ...C, batchnorm: [true, false] }, optimizers: ['sgd', 'adam'], epochs: 3 }), () => {}, () => false);
    expect(r.batched).toBe(false);
    expect(r.aloneReason).toBe('batchnorm');
    expect(r.alone).toBe('batch norm: the optimizers trained one after another');
    expect(r.entries.map((e) => e.trainLoss.length)).toEqual([4, 4]);
    expect(r.entries[1].trainLoss[0]).toBe(r.entries[0].trainLoss[0]);
    expect(r.entries[1].trainLoss[3]).not.toBe(r.entries[0].trainLoss[3]);
    const clipped = await runRace(request({ config: { ...C, clip: 1 }, optimizers: ['momentum'], epochs: 2 }), () => {}, () => false);
    expect(clipped.aloneReason).toBe('clip');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Cancel (through the API) resolves with the epochs trained so far', async () => {
    const api = createRaceApi();
    let calls = 0;
    const r = await api.race(request({ epochs: 2000 }), async () => {
      if (++calls === 2) await api.cancelRace();
    });
    expect(r.cancelled).toBe(true);
    const n = r.entries[0].trainLoss.length;
    expect(n).toBeGreaterThan(1);
    expect(n).toBeLessThan(2001);
    for (const e of r.entries) expect(e.valLoss).toHaveLength(n);
  });

  it('refuses a bad request with a clear message', () => {
    expect(() => checkRaceRequest(request({ epochs: 0 }))).toThrow(/epochs/);
    expect(() => checkRaceRequest(request({ optimizers: [] }))).toThrow(/at least one/);
    expect(() => checkRaceRequest(request({ optimizers: ['sgd', 'sgd'] }))).toThrow(/once/);
    expect(() => checkRaceRequest(request({ lrs: { adam: -1 } }))).toThrow(/adam/);
    expect(() => checkRaceRequest(request({ lrs: { sgd: 0 } }))).toThrow(/sgd/);
    expect(() => checkRaceRequest(request({ lrs: { sgd: 1e6 } }))).toThrow(/from 0.00001 to 10/);
  });

  it('times one run', async () => {
    expect(await timeOneRun(C, 3)).toBeGreaterThan(0);
  });
});
