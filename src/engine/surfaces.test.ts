import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { SURFACE_KEYS } from '../shared/lrLab';
import { contourLevels, inBounds, reachedAt, SURFACES } from '../shared/surfaces';
import { surfaceOp } from './surfaces';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('loss surfaces', () => {
  it.each(SURFACE_KEYS)('%s: the tf ops and the plain formula agree over the plot', (key) => {
    const s = SURFACES[key];
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i <= 8; i++) {
      for (let j = 0; j <= 8; j++) {
        xs.push(s.x[0] + ((s.x[1] - s.x[0]) * i) / 8);
        ys.push(s.y[0] + ((s.y[1] - s.y[0]) * j) / 8);
      }
    }
    const t = surfaceOp(key, tf.tensor1d(xs), tf.tensor1d(ys));
    const got = Array.from(t.dataSync());
    t.dispose();
    got.forEach((v, i) => {
      const want = s.value(xs[i], ys[i]);
      expect(Math.abs(v - want), `at (${xs[i]}, ${ys[i]})`).toBeLessThan(1e-4 * Math.max(1, Math.abs(want)));
    });
  });

  it.each(SURFACE_KEYS)('%s: the minimum is where the gradient vanishes, inside the plot, below the start', (key) => {
    const s = SURFACES[key];
    const [mx, my] = s.minimum;
    const g = tf.grads((x: tf.Tensor, y: tf.Tensor) => surfaceOp(key, x, y))([tf.scalar(mx), tf.scalar(my)]);
    const [gx, gy] = g.map((t) => t.dataSync()[0]);
    tf.dispose(g);
    expect(Math.hypot(gx, gy)).toBeLessThan(1e-4);
    expect(mx > s.x[0] && mx < s.x[1] && my > s.y[0] && my < s.y[1]).toBe(true);
    expect(s.value(...s.start)).toBeGreaterThan(s.value(mx, my) + 0.1);
    // Nearby points are higher.
    for (const [dx, dy] of [[0.05, 0], [-0.05, 0], [0, 0.05], [0, -0.05]]) expect(s.value(mx + dx, my + dy)).toBeGreaterThan(s.value(mx, my));
  });

  it('log-spaced levels crowd towards the minimum', () => {
    const levels = contourLevels(1, 1001, 5);
    expect(levels[0]).toBeCloseTo(1.1, 6);
    expect(levels[4]).toBeCloseTo(1001, 6);
    const gaps = levels.slice(1).map((l, i) => l - levels[i]);
    gaps.slice(1).forEach((g, i) => expect(g).toBeGreaterThan(gaps[i]));
  });

  it('tells when a path is in bounds and when it reaches the minimum', () => {
    const s = SURFACES.valley;
    expect(inBounds(s, 0, 0)).toBe(true);
    expect(inBounds(s, 100, 0)).toBe(false);
    expect(inBounds(s, NaN, 0)).toBe(false);
    expect(reachedAt(s, [-5, 2, -1, 0.5, 0.1, 0.1, 0, 0])).toBe(2);
    expect(reachedAt(s, [-5, 2, -1, 0.5])).toBeNull();
  });
});
