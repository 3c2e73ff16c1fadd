import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyTrial } from '../search/applyTrial';
import { gridTrials } from '../search/space';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { TrialSpec } from '../search/types';
import { runTrialsBatched } from './batchedTrials';
import { runTrialsPruned } from './prunedTrials';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const C: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 160, seed: 5 };
const list: TrialSpec[] = gridTrials({ lr: { kind: 'list', values: [0.01, 0.3] }, units: { kind: 'list', values: [2, 8] }, batch: { kind: 'list', values: [10, 40] } }).map((t) => ({
  config: applyTrial(C, t),
  folds: 2,
  epochs: 6,
  objective: 'loss',
}));

describe('runTrialsPruned', () => {
  it('stopping nobody scores as runTrialsBatched, with each trial’s curve (mean over folds) and no leaked tensors', async () => {
    const before = tf.memory().numTensors;
    const heard: number[] = [];
    const got = await runTrialsPruned(list, list.map(() => [2, 4]), async () => [], () => false, (i) => void heard.push(i));
    expect(tf.memory().numTensors).toBe(before);
    const want = await runTrialsBatched(list, () => false);
    expect([...heard].sort()).toEqual(list.map((_, i) => i));
    got.forEach((r, i) => {
      expect(r!.pruned).toBe(false);
      expect(r!.stoppedAt).toBe(6);
      expect(r!.intermediate).toHaveLength(6);
      expect(r!.intermediate![5]).toBeCloseTo(r!.mean, 6);
      r!.folds.forEach((f, k) => expect(Math.abs(f - want[i]!.folds[k]) / want[i]!.folds[k]).toBeLessThan(1e-6));
    });
  });

  it('stopped trials leave their groups (every fold at once), the others end as if nobody had left', async () => {
    const before = tf.memory().numTensors;
    const asked: [number, number[]][] = [];
    // Stop the even trials at epoch 2 and trial 1 at epoch 4.
    const got = await runTrialsPruned(
      list,
      list.map(() => [2, 4]),
      async (epoch, reports) => {
        asked.push([epoch, reports.map((r) => r.index)]);
        return reports.map((r) => r.index).filter((i) => (epoch === 2 ? i % 2 === 0 : i === 1));
      },
      () => false,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(asked).toEqual([
      [2, [0, 1, 2, 3, 4, 5, 6, 7]],
      [4, [1, 3, 5, 7]],
    ]);
    const want = await runTrialsBatched(list, () => false);
    got.forEach((r, i) => {
      const at = i % 2 === 0 ? 2 : i === 1 ? 4 : 6;
      expect(r!.stoppedAt).toBe(at);
      expect(r!.pruned).toBe(at < 6);
      expect(r!.intermediate).toHaveLength(at);
      expect(r!.mean).toBeCloseTo(r!.intermediate![at - 1], 6);
      if (at === 6) r!.folds.forEach((f, k) => expect(Math.abs(f - want[i]!.folds[k]) / want[i]!.folds[k]).toBeLessThan(1e-6));
    });
  });

  it('cancelled while waiting for a decision: ends without leaking', async () => {
    const before = tf.memory().numTensors;
    let cancel = false;
    const got = await runTrialsPruned(list, list.map(() => [2]), async () => ((cancel = true), []), () => cancel);
    expect(got.every((r) => r === null)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
