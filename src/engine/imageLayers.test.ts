// The image model's summary: output shapes as tf.conv2d / tf.maxPool give them, parameter counts,
// and refusals that name the layer and the reason.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { outSide, summarize, type ImageLayer } from './imageLayers';

const SMALL_CNN: ImageLayer[] = [
  { kind: 'conv', filters: 8, kernel: 3, stride: 1, padding: 'same', activation: 'relu' },
  { kind: 'pool', size: 2, stride: 2 },
  { kind: 'conv', filters: 16, kernel: 3, stride: 1, padding: 'same', activation: 'relu' },
  { kind: 'pool', size: 2, stride: 2 },
  { kind: 'flatten' },
  { kind: 'dense', units: 32, activation: 'relu' },
];

describe('summarize', () => {
  it('gives the small CNN its shapes and parameters, head included', () => {
    const s = summarize([28, 28, 1], SMALL_CNN, 10);
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.rows.map((r) => r.out)).toEqual([[28, 28, 8], [14, 14, 8], [14, 14, 16], [7, 7, 16], [784], [32], [10]]);
    expect(s.rows.map((r) => r.params)).toEqual([80, 0, 1168, 0, 0, 25120, 330]);
    expect(s.params).toBe(80 + 1168 + 25120 + 330);
  });

  it('agrees with tfjs on output sides for every kernel, stride and padding on small inputs', async () => {
    await tf.setBackend('cpu');
    for (const side of [5, 7, 8]) {
      for (const k of [1, 2, 3, 5]) {
        for (const s of [1, 2, 3]) {
          for (const pad of ['same', 'valid'] as const) {
            if (pad === 'valid' && k > side) continue;
            const y = tf.tidy(() => tf.conv2d(tf.zeros([1, side, side, 1]) as tf.Tensor4D, tf.zeros([k, k, 1, 2]) as tf.Tensor4D, s, pad));
            expect(y.shape.slice(1, 3), `side ${side} kernel ${k} stride ${s} ${pad}`).toEqual([outSide(side, k, s, pad), outSide(side, k, s, pad)]);
            y.dispose();
            if (k >= 2) {
              const p = tf.tidy(() => tf.maxPool(tf.zeros([1, side, side, 1]) as tf.Tensor4D, k, s, 'valid'));
              expect(p.shape.slice(1, 3)).toEqual([outSide(side, k, s, 'valid'), outSide(side, k, s, 'valid')]);
              p.dispose();
            }
          }
        }
      }
    }
  });

  it('refuses stacks that do not fit, naming the layer and why', () => {
    const big = summarize([5, 5, 1], [{ kind: 'conv', filters: 4, kernel: 7, stride: 1, padding: 'valid', activation: 'relu' }, { kind: 'flatten' }], 10);
    expect(big).toEqual({ ok: false, index: 0, reason: expect.stringContaining('larger than its 5 × 5 input') });
    expect(summarize([28, 28, 1], [{ kind: 'dense', units: 8, activation: 'relu' }], 10)).toMatchObject({ ok: false, index: 0, reason: expect.stringContaining('add flatten') });
    expect(summarize([28, 28, 1], [{ kind: 'flatten' }, { kind: 'pool', size: 2, stride: 2 }], 10)).toMatchObject({ ok: false, index: 1 });
    expect(summarize([28, 28, 1], [{ kind: 'conv', filters: 4, kernel: 3, stride: 1, padding: 'same', activation: 'relu' }], 10)).toMatchObject({ ok: false, index: 1, reason: expect.stringContaining('end flat') });
    expect(summarize([4, 4, 1], [{ kind: 'pool', size: 2, stride: 2 }, { kind: 'pool', size: 2, stride: 2 }, { kind: 'pool', size: 2, stride: 2 }, { kind: 'flatten' }], 10)).toMatchObject({ ok: false, index: 2, reason: expect.stringContaining('larger than its 1 × 1 input') });
    expect(summarize([28, 28, 1], [{ kind: 'flatten' }, { kind: 'dropout', rate: 1 }], 10)).toMatchObject({ ok: false, index: 1 });
  });

  it('counts batch norm as a scale and a shift per channel', () => {
    const s = summarize([8, 8, 1], [{ kind: 'conv', filters: 4, kernel: 3, stride: 1, padding: 'same', activation: 'relu' }, { kind: 'batchnorm' }, { kind: 'flatten' }], 2);
    expect(s.ok && s.rows[1].params).toBe(8);
  });
});
