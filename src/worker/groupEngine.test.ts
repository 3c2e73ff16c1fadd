// With backend 'auto' in a search worker, batched groups are timed on each started engine and
// trained on the one predicted fastest (planBatched); the wasm backend runs here from its
// package, as Vite's URL imports for the browser do not resolve in node.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyTrial } from '../search/applyTrial';
import { gridTrials } from '../search/space';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { TrialResult, TrialSpec } from '../search/types';
import { chooseBackend, autoEngines } from './backends';
import { planBatched, runTrialsBatched } from './batchedTrials';
import { crossValidate } from './crossValidate';
import { groupMsPerEpoch } from './groupEngine';

vi.mock('./backendWasm', () => ({}));

const C: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 200, seed: 3 };
const list: TrialSpec[] = gridTrials({ lr: { kind: 'list', values: [0.01, 0.1] }, batch: { kind: 'list', values: [10, 40] }, units: { kind: 'list', values: [2, 6] } }).map((t) => ({
  config: applyTrial(C, t),
  folds: 1,
  epochs: 6,
  objective: 'loss',
}));

const tensors = async (engine: string) => {
  await tf.setBackend(engine);
  return tf.memory().numTensors;
};

describe('planBatched with backend auto', () => {
  beforeAll(async () => {
    await chooseBackend('auto', ['cpu', 'wasm']);
  });
  afterAll(async () => {
    await chooseBackend('cpu');
  });

  it('starts only the engines it is given, the first active', () => {
    expect(autoEngines()).toEqual(['cpu', 'wasm']);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('times each engine on its plan, picks the fastest prediction, and leaves the active backend alone', async () => {
    const before = { cpu: await tensors('cpu'), wasm: await tensors('wasm') };
    await tf.setBackend('cpu');
    const plan = await planBatched(list);
    expect(tf.getBackend()).toBe('cpu');
    expect(plan.predictions!.map((p) => p.engine).sort()).toEqual(['cpu', 'wasm']);
    const ms = plan.predictions!.map((p) => p.ms);
    expect(ms.every((m) => m > 0 && Number.isFinite(m))).toBe(true);
    expect(ms[0]).toBeLessThanOrEqual(ms[1]);
    expect(plan.engine).toBe(plan.predictions![0].engine);
    expect(plan.groups.flatMap((g) => g.members.map((m) => m.trial)).sort((a, b) => a - b)).toEqual(list.map((_, i) => i));
    expect({ cpu: await tensors('cpu'), wasm: await tensors('wasm') }).toEqual(before);
    await tf.setBackend('cpu');
  });

  it('a group is timed once per worker: the same group gives the remembered figure', async () => {
    const plan = await planBatched(list);
    const g = plan.groups[0];
    const members = g.members.map((m) => m.member);
    const first = await groupMsPerEpoch('wasm', g.key, members, g.shape);
    const t0 = performance.now();
    expect(await groupMsPerEpoch('wasm', g.key, members, g.shape)).toBe(first);
    expect(performance.now() - t0).toBeLessThan(5);
  });

  it('scores as crossValidate does, on the chosen engine, and restores the active backend', async () => {
    await tf.setBackend('cpu');
    const plan = await planBatched(list);
    const got = await runTrialsBatched(list, () => false);
    expect(tf.getBackend()).toBe('cpu');
    const want: TrialResult[] = [];
    await chooseBackend('cpu');
    for (const s of list) want.push((await crossValidate(s, () => false))!);
    await chooseBackend('auto', ['cpu', 'wasm']);
    got.forEach((g, i) => {
      expect(g!.backend).toBe(plan.engine);
      expect(g!.batched).toBe(true);
      // wasm and cpu round differently: equal to float32 precision over a few epochs.
      expect(Math.abs(g!.mean - want[i].mean) / want[i].mean, `trial ${i}`).toBeLessThan(1e-4);
    });
  });

  it('a forced engine choice still trains correctly: every engine gives the same scores', async () => {
    // Each engine's plan, trained on that engine, agrees with the other's.
    const byEngine: Record<string, number[]> = {};
    for (const only of [['cpu'], ['wasm']] as const) {
      await chooseBackend('auto', [...only]);
      const got = await runTrialsBatched(list, () => false);
      byEngine[only[0]] = got.map((r) => {
        expect(r!.backend).toBe(only[0]);
        return r!.mean;
      });
    }
    byEngine.cpu.forEach((m, i) => expect(Math.abs(m - byEngine.wasm[i]) / m).toBeLessThan(1e-4));
    await chooseBackend('auto', ['cpu', 'wasm']);
  });
});

describe('planBatched with a named backend', () => {
  it('plans with the fixed cost model and no timing', async () => {
    await chooseBackend('cpu');
    const plan = await planBatched(list);
    expect(plan.engine).toBeNull();
    expect(plan.predictions).toBeUndefined();
    const got = await runTrialsBatched(list, () => false);
    expect(got.every((r) => r!.backend === 'cpu' && r!.batched)).toBe(true);
  });
});
