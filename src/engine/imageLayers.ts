// The layer stack of an image model (conv 2-D, max pooling, flatten, dense, dropout, batch norm)
// as data, and its summary: each layer's output shape and parameter count, or the first layer
// whose shape does not fit with the reason, before anything trains. Pure: the Model panel, the
// link's checks and the worker share it. Its reasons are the schema namespace's `stack` texts.
import { msg } from '../shared/schemaText';

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';
export type Padding = 'same' | 'valid';

export type ImageLayer =
  | { kind: 'conv'; filters: number; kernel: number; stride: number; padding: Padding; activation: Activation }
  | { kind: 'pool'; size: number; stride: number }
  | { kind: 'flatten' }
  | { kind: 'dense'; units: number; activation: Activation }
  | { kind: 'dropout'; rate: number }
  | { kind: 'batchnorm' };

/** [height, width, channels] while spatial, [units] once flattened. */
export type Shape = readonly [number, number, number] | readonly [number];

export interface SummaryRow {
  layer: ImageLayer;
  out: Shape;
  params: number;
}

export type Summary = { ok: true; rows: SummaryRow[]; params: number; out: Shape } | { ok: false; index: number; reason: string };

/** Output side of a convolution or pooling window along one axis (as tf.conv2d and tf.maxPool compute it). */
export function outSide(side: number, window: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(side / stride) : Math.floor((side - window) / stride) + 1;
}

const whole = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;

/**
 * Each layer's output shape and parameters from `input` (e.g. [28, 28, 1]) to the `classes`
 * outputs of a softmax head the stack ends in (a dense layer added after the last, counted in
 * `params` and given as the last row). Refuses the first layer that does not fit, with why.
 */
export function summarize(input: readonly [number, number, number], layers: readonly ImageLayer[], classes: number): Summary {
  let shape: Shape = input;
  const rows: SummaryRow[] = [];
  const fail = (index: number, reason: string): Summary => ({ ok: false, index, reason });
  for (const [i, l] of layers.entries()) {
    const spatial: boolean = shape.length === 3;
    const [h, w, c]: readonly [number, number, number] = spatial ? (shape as readonly [number, number, number]) : [0, 0, 0];
    switch (l.kind) {
      case 'conv': {
        if (!spatial) return fail(i, msg('stack.convFlat'));
        if (!whole(l.filters, 1, 256)) return fail(i, msg('stack.filters', { got: l.filters }));
        if (!whole(l.kernel, 1, 11)) return fail(i, msg('stack.kernel', { got: l.kernel }));
        if (!whole(l.stride, 1, 4)) return fail(i, msg('stack.stride', { got: l.stride }));
        if (l.padding === 'valid' && (l.kernel > h || l.kernel > w)) return fail(i, msg('stack.kernelTooBig', { k: l.kernel, h, w }));
        shape = [outSide(h, l.kernel, l.stride, l.padding), outSide(w, l.kernel, l.stride, l.padding), l.filters];
        rows.push({ layer: l, out: shape, params: l.kernel * l.kernel * c * l.filters + l.filters });
        break;
      }
      case 'pool': {
        if (!spatial) return fail(i, msg('stack.poolFlat'));
        if (!whole(l.size, 2, 8) || !whole(l.stride, 1, 8)) return fail(i, msg('stack.poolSize', { size: l.size, stride: l.stride }));
        if (l.size > h || l.size > w) return fail(i, msg('stack.poolTooBig', { p: l.size, h, w }));
        shape = [outSide(h, l.size, l.stride, 'valid'), outSide(w, l.size, l.stride, 'valid'), c];
        rows.push({ layer: l, out: shape, params: 0 });
        break;
      }
      case 'flatten': {
        if (!spatial) return fail(i, msg('stack.flatAlready'));
        shape = [h * w * c];
        rows.push({ layer: l, out: shape, params: 0 });
        break;
      }
      case 'dense': {
        if (spatial) return fail(i, msg('stack.denseSpatial'));
        if (!whole(l.units, 1, 1024)) return fail(i, msg('stack.units', { got: l.units }));
        rows.push({ layer: l, out: [l.units], params: shape[0] * l.units + l.units });
        shape = [l.units];
        break;
      }
      case 'dropout': {
        if (!(l.rate >= 0 && l.rate < 1)) return fail(i, msg('stack.dropout', { got: l.rate }));
        rows.push({ layer: l, out: shape, params: 0 });
        break;
      }
      case 'batchnorm': {
        // A scale and a shift per channel (or unit); the running averages are not trained.
        const ch = spatial ? c : shape[0];
        rows.push({ layer: l, out: shape, params: 2 * ch });
        break;
      }
    }
  }
  if (shape.length === 3) return fail(layers.length, msg('stack.endFlat'));
  const head: ImageLayer = { kind: 'dense', units: classes, activation: 'linear' };
  rows.push({ layer: head, out: [classes], params: shape[0] * classes + classes });
  shape = [classes];
  return { ok: true, rows, params: rows.reduce((a, r) => a + r.params, 0), out: shape };
}
