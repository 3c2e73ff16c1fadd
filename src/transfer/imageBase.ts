// An image base (a CNN: conv, pool, flatten, dense, dropout layers and its own softmax head) as a
// Keras-style Sequential that tf.loadLayersModel reads: Conv2D, MaxPooling2D, Flatten, Dense and
// Dropout layers, channels last, kernels in tfjs's layout ([k, k, in, out] and [in, out]), so
// the exported pair is a working tfjs model. Plain data; no tfjs needed.
import type { ImageLayer } from '../engine/imageLayers';
import { checkStack } from '../shared/imageStack';
import type { BaseInfo } from '../shared/transferProtocol';

export interface ImageSpec {
  name: string;
  shape: number[];
}

/** The stack's layers and summary, or the reason it is not a base (refused before anything trains). */
export function baseStack(stack: string, classes: number): { ok: true; layers: ImageLayer[]; outs: (readonly number[])[] } | { ok: false; reason: string } {
  const c = checkStack(stack, classes);
  if (!c.ok) return { ok: false, reason: c.reason };
  if (c.layers.some((l) => l.kind === 'batchnorm')) return { ok: false, reason: 'batch norm is not supported in a transfer base (its running statistics would not carry over)' };
  if (!c.layers.some((l) => l.kind === 'conv' || l.kind === 'dense')) return { ok: false, reason: 'the base has no layer with weights to pass on: add a conv or dense layer' };
  return { ok: true, layers: c.layers, outs: c.summary.rows.map((r) => r.out) };
}

function stackOf(info: BaseInfo): { layers: ImageLayer[]; outs: (readonly number[])[] } {
  const s = baseStack(info.image!.stack, info.classNames.length);
  if (!s.ok) throw new Error(`the base's layer stack "${info.image!.stack}" is not one: ${s.reason}`);
  return s;
}

const KERAS_NAME: Record<ImageLayer['kind'], string> = { conv: 'conv2d', pool: 'max_pooling2d', flatten: 'flatten', dense: 'dense', dropout: 'dropout', batchnorm: 'batch_normalization' };

/** Each layer's Keras name, the head (a dense layer) last. */
function names(layers: readonly ImageLayer[]): string[] {
  const count: Record<string, number> = {};
  return layers.map((l) => {
    const k = KERAS_NAME[l.kind];
    count[k] = (count[k] ?? 0) + 1;
    return `${k}_${count[k]}`;
  });
}

function withHead(info: BaseInfo, layers: readonly ImageLayer[]): ImageLayer[] {
  return [...layers, { kind: 'dense', units: info.classNames.length, activation: 'linear' }];
}

/** The weight arrays of an image base in order: kernel and bias of each conv and dense layer, the head's last. */
export function imageSpecs(info: BaseInfo): ImageSpec[] {
  const { layers, outs } = stackOf(info);
  const all = withHead(info, layers);
  const ns = names(all);
  const input = info.image!.input;
  return all.flatMap((l, i) => {
    const prev = i === 0 ? input : outs[i - 1];
    if (l.kind === 'conv') {
      return [
        { name: `${ns[i]}/kernel`, shape: [l.kernel, l.kernel, prev[2], l.filters] },
        { name: `${ns[i]}/bias`, shape: [l.filters] },
      ];
    }
    if (l.kind === 'dense') {
      return [
        { name: `${ns[i]}/kernel`, shape: [prev[0], l.units] },
        { name: `${ns[i]}/bias`, shape: [l.units] },
      ];
    }
    return [];
  });
}

/** The Keras topology of an image base. */
export function imageTopology(info: BaseInfo): object {
  const { layers } = stackOf(info);
  const all = withHead(info, layers);
  const ns = names(all);
  const first = { batch_input_shape: [null, ...info.image!.input] };
  const config = (l: ImageLayer, i: number): object => {
    const base = { name: ns[i], trainable: true, dtype: 'float32', ...(i === 0 ? first : {}) };
    switch (l.kind) {
      case 'conv':
        return {
          ...base,
          filters: l.filters,
          kernel_size: [l.kernel, l.kernel],
          strides: [l.stride, l.stride],
          padding: l.padding,
          data_format: 'channels_last',
          dilation_rate: [1, 1],
          activation: l.activation,
          use_bias: true,
        };
      case 'pool':
        return { ...base, pool_size: [l.size, l.size], strides: [l.stride, l.stride], padding: 'valid', data_format: 'channels_last' };
      case 'flatten':
        return { ...base, data_format: 'channels_last' };
      case 'dense':
        return { ...base, units: l.units, activation: i === all.length - 1 ? 'softmax' : l.activation, use_bias: true };
      case 'dropout':
        return { ...base, rate: l.rate };
      case 'batchnorm':
        return base;
    }
  };
  const CLASS: Record<ImageLayer['kind'], string> = { conv: 'Conv2D', pool: 'MaxPooling2D', flatten: 'Flatten', dense: 'Dense', dropout: 'Dropout', batchnorm: 'BatchNormalization' };
  return {
    class_name: 'Sequential',
    config: { name: 'transfer_image_base', layers: all.map((l, i) => ({ class_name: CLASS[l.kind], config: config(l, i) })) },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}

/** Checks an image base's stored description: its stack and input; names the first thing wrong. */
export function checkImageInfo(v: Record<string, unknown>, classes: number): string | null {
  const image = v.image as Record<string, unknown> | undefined;
  if (typeof image !== 'object' || image === null) return 'image';
  const input = image.input;
  if (!Array.isArray(input) || input.length !== 3 || input[0] !== 28 || input[1] !== 28 || input[2] !== 1) return 'image.input';
  if (typeof image.stack !== 'string' || !baseStack(image.stack, classes).ok) return 'image.stack';
  return null;
}
