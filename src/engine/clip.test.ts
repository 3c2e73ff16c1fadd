import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { clipByGlobalNorm } from './clip';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Two gradients with global norm sqrt(3² + 4² + 12²) = 13. */
const grads = () => [
  { name: 'a', tensor: tf.tensor2d([[3, 0]]) },
  { name: 'b', tensor: tf.tensor1d([4, -12]) },
];

const globalNorm = (gs: { tensor: tf.Tensor }[]) => Math.sqrt(gs.reduce((s, g) => s + (g.tensor.dataSync() as Float32Array).reduce((a, v) => a + v * v, 0), 0));

describe('clipByGlobalNorm', () => {
  it('clipping caps the global norm, keeping the direction', () => {
    tf.tidy(() => {
      const c = clipByGlobalNorm(grads(), 6.5);
      expect(c.norm.dataSync()[0]).toBeCloseTo(13, 5);
      expect(c.hit.dataSync()[0]).toBe(1);
      expect(globalNorm(c.grads)).toBeCloseTo(6.5, 4);
      // Each entry scaled by the same factor 6.5 / 13 = 0.5.
      expect(Array.from(c.grads[0].tensor.dataSync())).toEqual([1.5, 0].map((v) => expect.closeTo(v, 5)));
      expect(Array.from(c.grads[1].tensor.dataSync())).toEqual([2, -6].map((v) => expect.closeTo(v, 5)));
      expect(c.grads.map((g) => g.name)).toEqual(['a', 'b']);
      expect(c.grads[0].tensor.shape).toEqual([1, 2]);
    });
  });

  it('leaves gradients within the norm untouched and does not count them', () => {
    tf.tidy(() => {
      const g = grads();
      const c = clipByGlobalNorm(g, 13.5);
      expect(c.hit.dataSync()[0]).toBe(0);
      c.grads.forEach((x, i) => expect(Array.from(x.tensor.dataSync())).toEqual(Array.from(g[i].tensor.dataSync())));
    });
  });

  it('handles all-zero gradients (no division by zero) and rejects a norm ≤ 0', () => {
    tf.tidy(() => {
      const c = clipByGlobalNorm([{ name: 'z', tensor: tf.zeros([3]) }], 1);
      expect(Array.from(c.grads[0].tensor.dataSync())).toEqual([0, 0, 0]);
      expect(c.hit.dataSync()[0]).toBe(0);
    });
    expect(() => clipByGlobalNorm(grads(), 0)).toThrow(RangeError);
  });
});
