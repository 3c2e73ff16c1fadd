// A 2-D convolution whose gradient every backend can take. tfjs-backend-wasm has no
// Conv2DBackpropFilter kernel, so the tape cannot train tf.conv2d's filter there; it has
// Conv2DBackpropInput. This op runs tf.conv2d forward and takes the input's gradient from
// conv2dTranspose (that kernel) and the filter's from one more tf.conv2d (filterGrad). Tested
// equal to the tape's on cpu.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { activate } from './model';
import type { Activation } from './imageLayers';

export type ConvPadding = 'same' | 'valid';

/** Rows (or columns) of padding before the image, as tf.conv2d pads for 'same' (the extra one after). */
function padBefore(side: number, k: number, stride: number, out: number, padding: ConvPadding): number {
  return padding === 'same' ? Math.floor(Math.max((out - 1) * stride + k - side, 0) / 2) : 0;
}

/**
 * The filter's gradient of conv2d(x, w) given the output's gradient dy: for each tap (kh, kw),
 * Σ over images and output positions of x at (i·s + kh, j·s + kw) times dy at (i, j). That is a
 * convolution of x (images as channels) with dy (dilated by the stride) as the filter: one
 * tf.conv2d, a kernel every backend has.
 */
function filterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, w: tf.Tensor4D, stride: number, padding: ConvPadding): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h, wd] = x.shape;
    const [k1, k2] = w.shape;
    const [, oh, ow] = dy.shape;
    const top = padBefore(h, k1, stride, oh, padding);
    const left = padBefore(wd, k2, stride, ow, padding);
    // The input region the outputs read: (oh − 1)·s + k rows from `top` before the image.
    const rows = (oh - 1) * stride + k1;
    const cols = (ow - 1) * stride + k2;
    const padded = tf.pad(x, [[0, 0], [top, Math.max(0, rows - h - top)], [left, Math.max(0, cols - wd - left)], [0, 0]]);
    const region = tf.slice(padded, [0, 0, 0, 0], [-1, rows, cols, -1]);
    // [c, rows, cols, n] ⊛ [oh, ow, n, f] (dilated by the stride) → [c, k1, k2, f].
    const xt = tf.transpose(region, [3, 1, 2, 0]) as tf.Tensor4D;
    const dyt = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
    const g = tf.conv2d(xt, dyt, 1, 'valid', 'NHWC', stride);
    return tf.transpose(g, [1, 2, 0, 3]) as tf.Tensor4D;
  });
}

/**
 * Backends whose own filter gradient is used: WebGL's Conv2DBackpropFilter runs as one shader on
 * the GPU. The cpu backend has one too, but it is far slower than filterGrad's one conv2d (node,
 * 32 images: 744 vs 113 ms for 28 × 28 × 1 → 8 filters, 2,068 vs 87 ms for 14 × 14 × 8 → 16).
 */
const NATIVE_GRADIENT = new Set(['webgl']);

/** tf.conv2d(x, w, stride, padding) with a gradient that works on every backend (wasm included). */
export function conv2d(x: tf.Tensor4D, w: tf.Tensor4D, stride: number, padding: ConvPadding): tf.Tensor4D {
  if (NATIVE_GRADIENT.has(tf.getBackend())) return tf.conv2d(x, w, stride, padding);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const xs = args[0] as tf.Tensor4D;
    const ws = args[1] as tf.Tensor4D;
    (args[2] as tf.GradSaveFunc)([xs, ws]);
    return {
      value: tf.conv2d(xs, ws, stride, padding),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw] = saved as [tf.Tensor4D, tf.Tensor4D];
        const dx = tf.conv2dTranspose(dy as tf.Tensor4D, sw, sx.shape, stride, padding);
        return [dx, filterGrad(sx, dy as tf.Tensor4D, sw, stride, padding)];
      },
    };
  });
  return op(x, w) as tf.Tensor4D;
}

/** The activations tfjs can take a fused kernel's gradient through. */
const fusable = (activation: Activation): activation is 'relu' | 'linear' => activation === 'relu' || activation === 'linear';

/**
 * Whether a layer's matMul or conv2d, bias and activation run as one fused kernel here: on WebGL
 * (one shader instead of three, forward; the fused gradient is as many shaders as the parts'),
 * for the activations whose fused gradient tfjs has (relu, linear). On the cpu and wasm backends
 * the parts are kept: a fused conv2d's gradient needs Conv2DBackpropFilter, which wasm lacks.
 */
export function fuses(activation: Activation): boolean {
  return fusable(activation) && NATIVE_GRADIENT.has(tf.getBackend());
}

/** A conv layer: activation(conv2d(x, w) + bias), fused where `fuses` says so (`fused` forces it, for tests). */
export function convLayer(x: tf.Tensor4D, w: tf.Tensor4D, bias: tf.Tensor1D, stride: number, padding: ConvPadding, activation: Activation, fused = fuses(activation)): tf.Tensor4D {
  if (fused && fusable(activation)) return tf.fused.conv2d({ x, filter: w, strides: stride, pad: padding, bias, activation });
  return activate(tf.add(conv2d(x, w, stride, padding), bias), activation);
}

/** A dense layer: activation(a · w + bias), fused where `fuses` says so (`fused` forces it, for tests). */
export function denseLayer(a: tf.Tensor2D, w: tf.Tensor2D, bias: tf.Tensor1D, activation: Activation, fused = fuses(activation)): tf.Tensor2D {
  if (fused && fusable(activation)) return tf.fused.matMul({ a, b: w, bias, activation }) as tf.Tensor2D;
  return activate(tf.add(tf.matMul(a, w), bias), activation);
}
