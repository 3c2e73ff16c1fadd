import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../shared/config';
import type { SurfaceRequest } from '../shared/lrLab';
import { SURFACES } from '../shared/surfaces';
import { surfacePaths } from './surfacePaths';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const request = (over: Partial<SurfaceRequest> = {}): SurfaceRequest => ({
  surface: 'valley',
  start: [...SURFACES.valley.start],
  steps: 300,
  optimizers: ['sgd', 'momentum'],
  lr: 0.03,
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  ...over,
});

describe('surfacePaths', () => {
  it.each([0.01, 0.02, 0.03])('on the long valley, momentum reaches the minimum in fewer steps than SGD at lr %s', async (lr) => {
    const [sgd, momentum] = await surfacePaths(request({ lr }));
    expect(sgd.optimizer).toBe('sgd');
    expect(momentum.optimizer).toBe('momentum');
    expect(momentum.reached, 'momentum reaches the neighbourhood').not.toBeNull();
    // SGD may not get there at all in the steps given; when it does, it takes longer.
    expect(sgd.reached === null || sgd.reached > momentum.reached!).toBe(true);
    if (sgd.reached !== null) expect(sgd.reached / momentum.reached!).toBeGreaterThan(1.5);
  });

  it('starts every path at the start point and moves SGD by −lr·∇f; Adam’s first step is about lr per parameter', async () => {
    const start: [number, number] = [3, -1.5];
    const lr = 0.01;
    const paths = await surfacePaths(request({ start, lr, steps: 5, optimizers: [...OPTIMIZERS] }));
    expect(paths.map((p) => p.optimizer)).toEqual([...OPTIMIZERS]);
    for (const p of paths) {
      expect(p.points.slice(0, 2)).toEqual(start);
      expect(p.points).toHaveLength(12);
      expect(p.values).toHaveLength(6);
      expect(p.values[0]).toBeCloseTo(SURFACES.valley.value(...start), 4);
    }
    // ∇f = (x, κy) = (3, −37.5): SGD's first step is −lr·∇f.
    const sgd = paths.find((p) => p.optimizer === 'sgd')!;
    expect(sgd.points[2]).toBeCloseTo(3 - lr * 3, 5);
    expect(sgd.points[3]).toBeCloseTo(-1.5 + lr * 37.5, 5);
    // Adam's first step is m̂/√v̂ = g/|g| per parameter: lr in each, against the gradient,
    // however different the two slopes are.
    const adam = paths.find((p) => p.optimizer === 'adam')!;
    expect(adam.points[2] - start[0]).toBeCloseTo(-lr, 5);
    expect(adam.points[3] - start[1]).toBeCloseTo(lr, 5);
  });

  it('cuts a diverging path where it leaves the plot, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    // lr·κ = 2.5 > 2: plain gradient descent is unstable across the valley.
    const [sgd] = await surfacePaths(request({ lr: 0.1, optimizers: ['sgd'] }));
    expect(sgd.escaped).toBe(true);
    expect(sgd.reached).toBeNull();
    expect(sgd.points.length).toBeLessThan(2 * 301);
    expect(sgd.points.every(Number.isFinite)).toBe(true);
    await surfacePaths(request({ surface: 'logistic', start: SURFACES.logistic.start, optimizers: [...OPTIMIZERS] }));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a rate that is not a positive number', async () => {
    await expect(surfacePaths(request({ lr: 0 }))).rejects.toThrow(/positive/);
  });
});
