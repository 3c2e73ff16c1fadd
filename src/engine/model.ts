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

function activate(x: tf.Tensor2D, a: Activation): tf.Tensor2D {
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

export class Mlp {
  readonly kernels: tf.Variable<tf.Rank.R2>[] = [];
  readonly biases: tf.Variable<tf.Rank.R1>[] = [];

  constructor(
    readonly spec: ModelSpec,
    rand: () => number,
  ) {
    const sizes = layerSizes(spec);
    for (let i = 0; i + 1 < sizes.length; i++) {
      const k = initialKernel(spec.init, sizes[i], sizes[i + 1], rand);
      // Unnamed: tfjs gives unique names, so two models may live at once (e.g. while one is built).
      this.kernels.push(tf.tidy(() => tf.variable(tf.tensor2d(k, [sizes[i], sizes[i + 1]]), true)));
      this.biases.push(tf.tidy(() => tf.variable(tf.zeros<tf.Rank.R1>([sizes[i + 1]]), true)));
    }
  }

  get variables(): tf.Variable[] {
    return [...this.kernels, ...this.biases];
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
