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
  /** Per hidden layer: batch normalization between its dense part and its activation (missing = off). */
  batchnorm?: readonly boolean[];
}

/**
 * Batch normalization's ε, added to the variance before the square root. 1e-3 as Keras and
 * tfjs-layers use (PyTorch: 1e-5): the playground's mini-batches are small (10 rows by default)
 * and a unit may be nearly constant over one (a dead ReLU, a saturated tanh): the larger ε caps
 * 1/√(σ² + ε) at ~32 (1e-5 allows ~316), so float32 noise in such a unit is not blown up into
 * full-size activations. The tfjs model files carry it.
 */
export const BN_EPSILON = 1e-3;
/**
 * Weight of the old value in the running averages: running ← m·running + (1 − m)·batch. 0.9 (as
 * PyTorch's momentum 0.1; Keras uses 0.99): playground runs are short (the default task has 25
 * steps an epoch) and the weights move fast, so the averages should follow within ~10 steps; with
 * 0.99 they would lag ~100 steps behind and the evaluated metrics would describe older weights.
 */
export const BN_MOMENTUM = 0.9;

/**
 * One hidden layer's batch normalization: z ↦ (z − μ) / √(σ² + ε) · γ + β, with the mini-batch's
 * mean and biased variance in training, the running averages in evaluation. The running variance
 * averages the batch's UNBIASED variance (× n/(n − 1)), as PyTorch does: it estimates the
 * variance of the whole population from samples of 10 rows, where the biased one is 10% low (so
 * the averages equal nn.BatchNorm1d(eps=1e-3, momentum=0.1)'s). The layer's dense bias is kept although
 * BN's mean subtraction cancels it (its gradient is exactly 0 and the hand-written step leaves it
 * alone): every layer keeps the same kernel + bias shape, so weight edits, maps, transfer and
 * exports treat all layers alike.
 */
export interface BatchNormVars {
  gamma: tf.Variable<tf.Rank.R1>;
  beta: tf.Variable<tf.Rank.R1>;
  /** Not trainable: updated by updateRunningStats after each training step. */
  runMean: tf.Variable<tf.Rank.R1>;
  runVar: tf.Variable<tf.Rank.R1>;
}

/** Batch normalization of z (rows × units) with the given mean and variance (per unit). */
export function normalize(z: tf.Tensor2D, mean: tf.Tensor1D, variance: tf.Tensor1D, bn: BatchNormVars): tf.Tensor2D {
  return tf.add(tf.mul(tf.mul(tf.sub(z, mean), tf.rsqrt(tf.add(variance, BN_EPSILON))), bn.gamma), bn.beta) as tf.Tensor2D;
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
  /** Per hidden layer, its batch normalization or null. */
  readonly bn: (BatchNormVars | null)[] = [];

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
      if (i + 2 < sizes.length) {
        // γ and β train with the layer (a frozen layer keeps them); the running statistics
        // describe what flows through and are never trainable.
        const units = sizes[i + 1];
        this.bn.push(
          spec.batchnorm?.[i]
            ? tf.tidy(() => ({
                gamma: tf.variable(tf.ones<tf.Rank.R1>([units]), trainable),
                beta: tf.variable(tf.zeros<tf.Rank.R1>([units]), trainable),
                runMean: tf.variable(tf.zeros<tf.Rank.R1>([units]), false),
                runVar: tf.variable(tf.ones<tf.Rank.R1>([units]), false),
              }))
            : null,
        );
      }
    }
  }

  /**
   * Every variable: kernels, biases, then per batch-normalized layer γ, β, running mean and
   * variance (so snapshots, restores and exported states carry them). Without batch norm, just
   * the kernels and biases, as before.
   */
  get variables(): tf.Variable[] {
    return [...this.kernels, ...this.biases, ...this.bn.flatMap((b) => (b ? [b.gamma, b.beta, b.runMean, b.runVar] : []))];
  }

  /**
   * Hidden layer i's pre-activation from its dense output z: batch-normalized when the layer has
   * batch norm (`train`: with z's own batch statistics, else the running averages), else z.
   */
  normalized(i: number, z: tf.Tensor2D, train = false): tf.Tensor2D {
    const bn = this.bn[i];
    if (!bn) return z;
    if (!train) return normalize(z, bn.runMean, bn.runVar, bn);
    const { mean, variance } = tf.moments(z, 0);
    return normalize(z, mean as tf.Tensor1D, variance as tf.Tensor1D, bn);
  }

  /**
   * After a training step: moves layer i's running averages toward the batch's mean and biased
   * variance (of `rows` rows; stored unbiased, see BatchNormVars). A batch of one row says nothing
   * about the variance (and PyTorch refuses it), so it leaves the averages as they are.
   */
  updateRunningStats(i: number, mean: tf.Tensor1D, variance: tf.Tensor1D, rows: number): void {
    const bn = this.bn[i];
    if (!bn || rows < 2) return;
    tf.tidy(() => {
      bn.runMean.assign(tf.add(tf.mul(bn.runMean, BN_MOMENTUM), tf.mul(mean, 1 - BN_MOMENTUM)));
      bn.runVar.assign(tf.add(tf.mul(bn.runVar, BN_MOMENTUM), tf.mul(variance, ((1 - BN_MOMENTUM) * rows) / (rows - 1))));
    });
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
   * evaluation uses the whole network unscaled. `train` normalizes batch-normalized layers with
   * x's own batch statistics (without updating the running averages), else with the running ones.
   */
  logits(x: tf.Tensor2D, dropout?: { rates: readonly number[]; seed: number }, train = false): tf.Tensor2D {
    let h = x;
    const last = this.kernels.length - 1;
    this.kernels.forEach((w, i) => {
      const z = tf.add(tf.matMul(h, w), this.biases[i]) as tf.Tensor2D;
      h = i === last ? z : activate(this.normalized(i, z, train), this.spec.activations[i]);
      const rate = i === last ? 0 : (dropout?.rates[i] ?? 0);
      if (rate > 0) h = tf.dropout(h, rate, undefined, dropout!.seed + i) as tf.Tensor2D;
    });
    return h;
  }

  /** Copies of each hidden layer's batch-norm values (null where it has none), e.g. for the model files. */
  async readBatchNorm(): Promise<({ gamma: Float32Array; beta: Float32Array; mean: Float32Array; variance: Float32Array } | null)[]> {
    return Promise.all(
      this.bn.map(async (b) => {
        if (!b) return null;
        const [gamma, beta, mean, variance] = (await Promise.all([b.gamma.data(), b.beta.data(), b.runMean.data(), b.runVar.data()])) as Float32Array[];
        return { gamma, beta, mean, variance };
      }),
    );
  }

  /** Copies of the current weights, for tests and saving. */
  async readWeights(): Promise<Float32Array[]> {
    return Promise.all(this.variables.map((v) => v.data() as Promise<Float32Array>));
  }

  dispose(): void {
    this.variables.forEach((v) => v.dispose());
    this.kernels.length = 0;
    this.biases.length = 0;
    this.bn.length = 0;
  }
}
