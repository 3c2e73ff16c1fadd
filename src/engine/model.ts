// A dense network as plain tfjs variables: seeded initial weights, a forward pass to logits,
// and ownership of every variable it creates (dispose() frees them all).
import * as tf from '@tensorflow/tfjs-core';
import type { Activation, Initializer } from '../shared/config';

export type OutputKind = 'sigmoid' | 'softmax' | 'linear';

export interface ModelSpec {
  inputs: number;
  layers: readonly number[];
  activations: readonly Activation[];
  outputs: number;
  output: OutputKind;
  init: Initializer;
}

/** Standard normal from a uniform source (Box–Muller). */
function normal(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** The initial kernel of one layer, fanIn × fanOut, row-major. */
export function initialKernel(init: Initializer, fanIn: number, fanOut: number, rand: () => number): Float32Array {
  const out = new Float32Array(fanIn * fanOut);
  const uniform = (limit: number) => out.forEach((_, i) => (out[i] = (rand() * 2 - 1) * limit));
  const gauss = (std: number) => out.forEach((_, i) => (out[i] = normal(rand) * std));
  switch (init) {
    case 'glorotUniform':
      uniform(Math.sqrt(6 / (fanIn + fanOut)));
      break;
    case 'glorotNormal':
      gauss(Math.sqrt(2 / (fanIn + fanOut)));
      break;
    case 'heUniform':
      uniform(Math.sqrt(6 / fanIn));
      break;
    case 'heNormal':
      gauss(Math.sqrt(2 / fanIn));
      break;
    case 'zeros':
      break;
  }
  return out;
}

/** Layer sizes from input to output. */
export function layerSizes(spec: ModelSpec): number[] {
  return [spec.inputs, ...spec.layers, spec.outputs];
}

/** A hidden layer's activation, elementwise, any rank. */
export function activate<T extends tf.Tensor>(x: T, a: Activation): T {
  switch (a) {
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'linear':
      return x;
  }
}

/** One weight layer's values: kernel fanIn × fanOut (row-major) and bias fanOut. */
export interface LayerWeights {
  kernel: Float32Array;
  bias: Float32Array;
}

/**
 * Weights to start from instead of drawing them (transfer learning): the first
 * `layers.length` weight layers take the given values, the rest (e.g. a new head) are drawn as
 * usual. A layer with `frozen[i]` is not trainable, so training leaves it exactly as given.
 */
export interface StartWeights {
  layers: readonly LayerWeights[];
  frozen?: readonly boolean[];
}

export class Mlp {
  readonly kernels: tf.Variable<tf.Rank.R2>[] = [];
  readonly biases: tf.Variable<tf.Rank.R1>[] = [];

  constructor(
    readonly spec: ModelSpec,
    rand: () => number,
    start?: StartWeights,
  ) {
    const sizes = layerSizes(spec);
    if (start && start.layers.length > sizes.length - 1) throw new RangeError('start weights cover more layers than the model has');
    for (let i = 0; i + 1 < sizes.length; i++) {
      // Drawn even when replaced, so the layers drawn after it match a model built from scratch.
      let k = initialKernel(spec.init, sizes[i], sizes[i + 1], rand);
      let b: Float32Array | null = null;
      const given = start?.layers[i];
      if (given) {
        if (given.kernel.length !== sizes[i] * sizes[i + 1] || given.bias.length !== sizes[i + 1]) {
          throw new RangeError(`start weights of layer ${i + 1} are not ${sizes[i]} × ${sizes[i + 1]} plus ${sizes[i + 1]} biases`);
        }
        k = given.kernel;
        b = given.bias;
      }
      const trainable = !(given && start?.frozen?.[i]);
      // Unnamed: tfjs gives unique names, so two models may live at once (e.g. while one is built).
      this.kernels.push(tf.tidy(() => tf.variable(tf.tensor2d(k, [sizes[i], sizes[i + 1]]), trainable)));
      this.biases.push(tf.tidy(() => tf.variable(b ? tf.tensor1d(b) : tf.zeros<tf.Rank.R1>([sizes[i + 1]]), trainable)));
    }
  }

  get variables(): tf.Variable[] {
    return [...this.kernels, ...this.biases];
  }

  /** The variables training may change (all but those of frozen layers). */
  get trainableVariables(): tf.Variable[] {
    return this.variables.filter((v) => v.trainable);
  }

  /** Copies of each weight layer's kernel and bias, input side first (e.g. to keep a pretrained base). */
  async readLayers(): Promise<LayerWeights[]> {
    const ks = await Promise.all(this.kernels.map((k) => k.data() as Promise<Float32Array>));
    const bs = await Promise.all(this.biases.map((b) => b.data() as Promise<Float32Array>));
    return ks.map((kernel, i) => ({ kernel, bias: bs[i] }));
  }

  /**
   * The pre-activation output; call inside tf.tidy or an optimizer closure. With `dropout`
   * (training only), hidden layer i's units are dropped at rates[i] and the rest scaled up, so
   * evaluation uses the whole network unscaled.
   */
  logits(x: tf.Tensor2D, dropout?: { rates: readonly number[]; seed: number }): tf.Tensor2D {
    let h = x;
    const last = this.kernels.length - 1;
    this.kernels.forEach((w, i) => {
      const z = tf.add(tf.matMul(h, w), this.biases[i]) as tf.Tensor2D;
      h = i === last ? z : activate(z, this.spec.activations[i]);
      const rate = i === last ? 0 : (dropout?.rates[i] ?? 0);
      if (rate > 0) h = tf.dropout(h, rate, undefined, dropout!.seed + i) as tf.Tensor2D;
    });
    return h;
  }

  /** Copies of the current weights, for tests and saving. */
  async readWeights(): Promise<Float32Array[]> {
    return Promise.all(this.variables.map((v) => v.data() as Promise<Float32Array>));
  }

  dispose(): void {
    this.variables.forEach((v) => v.dispose());
    this.kernels.length = 0;
    this.biases.length = 0;
  }
}
