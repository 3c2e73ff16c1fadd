// The convolution's own gradient equals the tape's through tf.conv2d (on cpu, which has every
// kernel) for kernels, strides and paddings on tiny inputs, and it trains on wasm, where the
// tape through tf.conv2d cannot.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conv2d, convLayer, denseLayer, fuses } from './conv';
import { outSide } from './imageLayers';

const maxAbs = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('conv2d', () => {
  it('has the tape’s gradients for every kernel, stride and padding on tiny inputs (cpu)', async () => {
    await tf.setBackend('cpu');
    const start = tf.memory().numTensors;
    for (const [side, k, s, pad] of [[5, 3, 1, 'same'], [6, 3, 2, 'same'], [7, 3, 2, 'valid'], [5, 1, 1, 'valid'], [8, 5, 3, 'same'], [6, 2, 2, 'valid']] as const) {
      tf.tidy(() => {
        const x = tf.randomNormal([2, side, side, 3], 0, 1, 'float32', side + k) as tf.Tensor4D;
        const w = tf.randomNormal([k, k, 3, 4], 0, 1, 'float32', s) as tf.Tensor4D;
        // A loss that weighs every output differently, so every gradient entry is checked.
        const weight = (y: tf.Tensor) => tf.sum(tf.mul(tf.square(y), tf.reshape(tf.linspace(0.5, 2, y.size), y.shape)));
        const [dx1, dw1] = tf.grads((a: tf.Tensor, b: tf.Tensor) => weight(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, s, pad)))([x, w]);
        const [dx2, dw2] = tf.grads((a: tf.Tensor, b: tf.Tensor) => weight(conv2d(a as tf.Tensor4D, b as tf.Tensor4D, s, pad)))([x, w]);
        expect(conv2d(x, w, s, pad).shape).toEqual(tf.conv2d(x, w, s, pad).shape);
        expect(maxAbs(dx1, dx2), `dx ${side} ${k} ${s} ${pad}`).toBeLessThan(1e-3);
        expect(maxAbs(dw1, dw2), `dw ${side} ${k} ${s} ${pad}`).toBeLessThan(1e-3);
      });
    }
    expect(tf.memory().numTensors).toBe(start);
  });

  it('takes its gradient on wasm, where the tape through tf.conv2d cannot, equal to cpu’s', async () => {
    await tf.setBackend('cpu');
    const xs = tf.randomNormal([2, 6, 6, 2], 0, 1, 'float32', 1);
    const ws = tf.randomNormal([3, 3, 2, 3], 0, 1, 'float32', 2);
    const [xv, wv] = [await xs.data(), await ws.data()];
    const cpu = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'))))([xs, ws]);
    const [cdx, cdw] = [await cpu[0].data(), await cpu[1].data()];
    setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
    await tf.setBackend('wasm');
    const x = tf.tensor4d(xv, [2, 6, 6, 2]);
    const w = tf.tensor4d(wv, [3, 3, 2, 3]);
    expect(() => tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same')))([x, w])).toThrow(/Conv2DBackpropFilter/);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'))))([x, w]);
    const rel = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]) / (1 + Math.abs(b[i]))));
    expect(rel(await dx.data(), cdx)).toBeLessThan(1e-4);
    expect(rel(await dw.data(), cdw)).toBeLessThan(1e-4);
    await tf.setBackend('cpu');
  });

  it('pools to the shapes the summary gives, with the gradient of finite differences on tiny inputs (cpu)', async () => {
    await tf.setBackend('cpu');
    for (const [side, size, stride] of [[4, 2, 2], [5, 2, 2], [5, 3, 1], [6, 3, 2]] as const) {
      // Distinct values: each window has one maximum, so the gradient is well defined.
      const values = Array.from({ length: side * side * 2 }, (_, i) => ((i * 37) % 101) / 10);
      const x = tf.tensor4d(values, [1, side, side, 2]);
      const weights = tf.linspace(0.5, 2, outSide(side, size, stride, 'valid') ** 2 * 2);
      const f = (a: tf.Tensor) => tf.sum(tf.mul(tf.reshape(tf.maxPool(a as tf.Tensor4D, size, stride, 'valid'), [-1]), weights));
      expect(tf.maxPool(x, size, stride, 'valid').shape).toEqual([1, outSide(side, size, stride, 'valid'), outSide(side, size, stride, 'valid'), 2]);
      const tape = await tf.grad(f)(x).data();
      const h = 1e-2;
      for (let i = 0; i < values.length; i++) {
        const up = values.slice();
        const down = values.slice();
        up[i] += h;
        down[i] -= h;
        const diff = ((await f(tf.tensor4d(up, x.shape)).data())[0] - (await f(tf.tensor4d(down, x.shape)).data())[0]) / (2 * h);
        expect(tape[i], `pool ${side} ${size} ${stride} at ${i}`).toBeCloseTo(diff, 2);
      }
    }
  });

  it('fused layers (as WebGL runs them) give the values and gradients of the parts, and fuse only relu and linear on WebGL', async () => {
    await tf.setBackend('cpu');
    const start = tf.memory().numTensors;
    for (const act of ['relu', 'linear', 'tanh'] as const) {
      tf.tidy(() => {
        const x = tf.randomNormal([2, 6, 6, 2], 0, 1, 'float32', 3) as tf.Tensor4D;
        const w = tf.randomNormal([3, 3, 2, 4], 0, 1, 'float32', 4) as tf.Tensor4D;
        const b = tf.randomNormal([4], 0, 1, 'float32', 5) as tf.Tensor1D;
        const dw = tf.randomNormal([3 * 3 * 4, 5], 0, 0.1, 'float32', 6) as tf.Tensor2D;
        const db = tf.randomNormal([5], 0, 1, 'float32', 7) as tf.Tensor1D;
        const net = (fused: boolean) => (xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor, dws: tf.Tensor, dbs: tf.Tensor) => {
          const a = convLayer(xs as tf.Tensor4D, ws as tf.Tensor4D, bs as tf.Tensor1D, 2, 'same', act, fused);
          const z = denseLayer(tf.reshape(a, [2, -1]) as tf.Tensor2D, dws as tf.Tensor2D, dbs as tf.Tensor1D, act, fused);
          return tf.sum(tf.mul(tf.square(z), tf.reshape(tf.linspace(0.5, 2, z.size), z.shape)));
        };
        const parts = tf.grads(net(false))([x, w, b, dw, db]);
        const fused = tf.grads(net(true))([x, w, b, dw, db]);
        expect(maxAbs(net(false)(x, w, b, dw, db), net(true)(x, w, b, dw, db)), act).toBeLessThan(1e-3);
        parts.forEach((g, i) => expect(maxAbs(g, fused[i]), `${act} gradient ${i}`).toBeLessThan(1e-3));
      });
    }
    expect(tf.memory().numTensors).toBe(start);
    // cpu keeps the parts (and wasm must: a fused conv2d's gradient needs Conv2DBackpropFilter).
    expect([fuses('relu'), fuses('tanh')]).toEqual([false, false]);
  });
});
