// An image model (src/engine/imageLayers.ts' stack + a softmax head) in tfjs: seeded He/Glorot
// weights, a forward pass of tfjs ops (conv2d, maxPool, matMul), a training step through the
// gradient tape and a tfjs optimizer (the convolution through src/engine/conv.ts, whose gradient
// every backend can take, wasm included), and evaluation kept on the device. Batch norm normalizes
// per channel after a conv or pool (over rows, height and width) and per unit after flatten or
// dense: the mini-batch's statistics in training, running averages (updated by each training
// forward pass, on the device) in evaluation, as src/engine/model.ts does for the 2-D sets.
import * as tf from '@tensorflow/tfjs-core';
// The tape needs every op's gradient (conv2d, maxPool, logSoftmax, …).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { mulberry32, hashSeed } from '../data/random';
import { initialKernel, BN_EPSILON, BN_MOMENTUM } from './model';
import { createOptimizer, disposeOptimizer, type OptimizerSettings } from './optimizers';
import { summarize, type ImageLayer } from './imageLayers';
import { convLayer, denseLayer } from './conv';

interface Weights {
  kernel: tf.Variable;
  bias: tf.Variable;
}

/** A batch-norm layer's scale and shift (trained) and running averages (not trained), one per channel or unit. */
interface Norm {
  gamma: tf.Variable;
  beta: tf.Variable;
  runMean: tf.Variable;
  runVar: tf.Variable;
}

const isNorm = (w: Weights | Norm | null): w is Norm => w !== null && 'gamma' in w;
const isWeights = (w: Weights | Norm | null): w is Weights => w !== null && 'kernel' in w;

/** A variable from an initial value, which it copies: the value is freed at once. */
function owned(t: tf.Tensor, trainable = true): tf.Variable {
  const v = tf.variable(t, trainable);
  t.dispose();
  return v;
}

export class ImageModel {
  private readonly weights: (Weights | Norm | null)[];
  private readonly optimizer: tf.Optimizer;
  private readonly dropRand: () => number;

  constructor(
    private readonly input: readonly [number, number, number],
    private readonly layers: readonly ImageLayer[],
    private readonly classes: number,
    optimizer: OptimizerSettings,
    seed: number,
  ) {
    const s = summarize(input, layers, classes);
    if (!s.ok) throw new Error(`layer ${s.index + 1}: ${s.reason}`);
    const rand = mulberry32(hashSeed(seed, 'image-weights'));
    this.dropRand = mulberry32(hashSeed(seed, 'image-dropout'));
    let channels = input[2];
    let flat = 0;
    const all: ImageLayer[] = [...layers, { kind: 'dense', units: classes, activation: 'linear' }];
    this.weights = all.map((l, i) => {
      const init = (fanIn: number, fanOut: number, relu: boolean) => initialKernel(relu ? 'heNormal' : 'glorotUniform', fanIn, fanOut, rand);
      if (l.kind === 'conv') {
        const fanIn = l.kernel * l.kernel * channels;
        const k = owned(tf.tensor4d(init(fanIn, l.filters, l.activation === 'relu'), [l.kernel, l.kernel, channels, l.filters]));
        channels = l.filters;
        return { kernel: k, bias: owned(tf.zeros([l.filters])) };
      }
      if (l.kind === 'batchnorm') {
        const out = s.rows[i].out;
        const ch = out.length === 3 ? out[2] : out[0];
        return { gamma: owned(tf.ones([ch])), beta: owned(tf.zeros([ch])), runMean: owned(tf.zeros([ch]), false), runVar: owned(tf.ones([ch]), false) };
      }
      if (l.kind === 'flatten' || l.kind === 'pool' || l.kind === 'dropout') {
        if (l.kind === 'flatten') flat = (s.rows[i].out as readonly [number])[0];
        return null;
      }
      const fanIn = flat;
      flat = l.units;
      return { kernel: owned(tf.tensor2d(init(fanIn, l.units, l.activation === 'relu'), [fanIn, l.units])), bias: owned(tf.zeros([l.units])) };
    });
    this.optimizer = createOptimizer(optimizer);
  }

  /** Every trainable variable, layer by layer (the head's last): kernels, biases, batch norm's γ and β. */
  get trainable(): tf.Variable[] {
    return this.weights.flatMap((w) => (isWeights(w) ? [w.kernel, w.bias] : isNorm(w) ? [w.gamma, w.beta] : []));
  }

  /** The whole state: the trainable variables and batch norm's running averages (to save, restore, snapshot). */
  get variables(): tf.Variable[] {
    return this.weights.flatMap((w) => (isWeights(w) ? [w.kernel, w.bias] : isNorm(w) ? [w.gamma, w.beta, w.runMean, w.runVar] : []));
  }

  /** The conv and dense kernels in order, the head's last: the weights L1/L2 penalize. */
  get kernels(): tf.Variable[] {
    return this.weights.flatMap((w) => (isWeights(w) ? [w.kernel] : []));
  }

  /** One layer of the forward pass. In training, dropout drops and batch norm uses (and averages) the batch's statistics. */
  private layer(a: tf.Tensor, l: ImageLayer, i: number, training: boolean): tf.Tensor {
    const w = this.weights[i];
    switch (l.kind) {
      case 'conv': {
        const k = w as Weights;
        return convLayer(a as tf.Tensor4D, k.kernel as tf.Tensor4D, k.bias as tf.Tensor1D, l.stride, l.padding, l.activation);
      }
      case 'pool':
        return tf.maxPool(a as tf.Tensor4D, l.size, l.stride, 'valid');
      case 'flatten':
        return tf.reshape(a, [a.shape[0], -1]);
      case 'dense': {
        const k = w as Weights;
        return denseLayer(a as tf.Tensor2D, k.kernel as tf.Tensor2D, k.bias as tf.Tensor1D, l.activation);
      }
      case 'dropout':
        if (training && l.rate > 0) {
          // Inverted dropout with the model's own seeded stream, so a seed reproduces a run.
          const keep = tf.cast(tf.greater(tf.randomUniform(a.shape, 0, 1, 'float32', Math.floor(this.dropRand() * 2 ** 31)), l.rate), 'float32');
          return tf.div(tf.mul(a, keep), 1 - l.rate);
        }
        return a;
      case 'batchnorm': {
        const n = w as Norm;
        if (!training) return tf.add(tf.mul(tf.mul(tf.sub(a, n.runMean), tf.rsqrt(tf.add(n.runVar, BN_EPSILON))), n.gamma), n.beta);
        // Per channel over rows, height and width (a conv's maps), or per unit over rows.
        const axes = a.rank === 4 ? [0, 1, 2] : [0];
        const { mean, variance } = tf.moments(a, axes);
        const count = a.size / mean.size;
        // The running variance averages the unbiased estimate, as PyTorch (and model.ts) do.
        tf.tidy(() => {
          n.runMean.assign(tf.add(tf.mul(n.runMean, BN_MOMENTUM), tf.mul(mean, 1 - BN_MOMENTUM)));
          n.runVar.assign(tf.add(tf.mul(n.runVar, BN_MOMENTUM), tf.mul(variance, ((1 - BN_MOMENTUM) * count) / Math.max(1, count - 1))));
        });
        return tf.add(tf.mul(tf.mul(tf.sub(a, mean), tf.rsqrt(tf.add(variance, BN_EPSILON))), n.gamma), n.beta);
      }
    }
  }

  /** Logits (rows × classes) of images x (rows × h × w × c). */
  logits(x: tf.Tensor4D, training = false): tf.Tensor2D {
    return tf.tidy(() => {
      let a: tf.Tensor = x;
      const all: ImageLayer[] = [...this.layers, { kind: 'dense', units: this.classes, activation: 'linear' }];
      all.forEach((l, i) => (a = this.layer(a, l, i, training)));
      return a as tf.Tensor2D;
    });
  }

  /** One step on a batch; the loss stays on the device (a scalar the caller owns). */
  trainStep(x: tf.Tensor4D, labels: tf.Tensor1D): tf.Scalar {
    return this.optimizer.minimize(() => this.loss(x, labels, true), true, this.trainable)!;
  }

  /**
   * Mean softmax cross-entropy of images against labels: integers (rows), or one-hot (rows ×
   * classes, as the trainer makes them once per epoch). tfjs's softmaxCrossEntropy has its own
   * gradient (softmax − labels), fewer kernels per step than the tape through logSoftmax.
   */
  loss(x: tf.Tensor4D, labels: tf.Tensor1D | tf.Tensor2D, training = false): tf.Scalar {
    return tf.tidy(() => {
      const z = this.logits(x, training);
      const onehot = labels.rank === 2 ? labels : tf.oneHot(tf.cast(labels, 'int32') as tf.Tensor1D, this.classes);
      return tf.losses.softmaxCrossEntropy(onehot, z, undefined, 0, tf.Reduction.MEAN) as tf.Scalar;
    });
  }

  /** [loss, accuracy] on a set, as one small tensor (read it with the epoch's other metrics). */
  evaluate(x: tf.Tensor4D, labels: tf.Tensor1D): tf.Tensor1D {
    return tf.tidy(() => this.score(this.logits(x), labels));
  }

  /** [loss, accuracy] of logits z (rows × classes) against integer labels. */
  score(z: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor1D {
    return tf.tidy(() => {
      const onehot = tf.oneHot(tf.cast(labels, 'int32') as tf.Tensor1D, this.classes);
      const loss = tf.neg(tf.mean(tf.sum(tf.mul(onehot, tf.logSoftmax(z)), 1)));
      const acc = tf.mean(tf.cast(tf.equal(tf.argMax(z, 1), tf.cast(labels, 'int32')), 'float32'));
      return tf.stack([loss, acc]) as tf.Tensor1D;
    });
  }

  /**
   * Each conv layer's output (after its activation) for one image (h × w × c, values 0–1 as
   * pixels): the feature maps, per conv layer `{ shape: [h, w, channels], data }` row by row,
   * channels last. One forward pass, one download.
   */
  async featureMaps(image: Float32Array): Promise<{ layer: number; shape: [number, number, number]; data: Float32Array }[]> {
    const layerOf: number[] = [];
    const outs = tf.tidy(() => {
      let a: tf.Tensor = tf.tensor4d(image, [1, ...this.input]);
      const maps: tf.Tensor[] = [];
      // Up to the last conv layer (batch norm as in evaluation); the rest does not change the maps.
      const last = this.layers.findLastIndex((l) => l.kind === 'conv');
      this.layers.slice(0, last + 1).forEach((l, i) => {
        a = this.layer(a, l, i, false);
        if (l.kind === 'conv') {
          maps.push(a);
          layerOf.push(i);
        }
      });
      return maps;
    });
    try {
      const flat = outs.length ? tf.tidy(() => tf.concat(outs.map((m) => tf.reshape(m, [-1])))) : null;
      const all = flat ? ((await flat.data()) as Float32Array) : new Float32Array(0);
      flat?.dispose();
      let at = 0;
      return outs.map((m, k) => {
        const [, h, w, c] = m.shape as [number, number, number, number];
        const data = all.slice(at, at + h * w * c);
        at += h * w * c;
        return { layer: layerOf[k], shape: [h, w, c] as [number, number, number], data };
      });
    } finally {
      outs.forEach((m) => m.dispose());
    }
  }

  /** The first conv layer's kernel variable (owned by the model), or null without conv layers. */
  firstFilterTensor(): tf.Variable | null {
    const i = this.layers.findIndex((l) => l.kind === 'conv');
    return i < 0 ? null : (this.weights[i] as Weights).kernel;
  }

  /** The first conv layer's filters (k × k × channels × filters), to draw as small images; null without conv layers. */
  async firstFilters(): Promise<{ shape: [number, number, number, number]; data: Float32Array } | null> {
    const i = this.layers.findIndex((l) => l.kind === 'conv');
    if (i < 0) return null;
    const k = (this.weights[i] as Weights).kernel;
    return { shape: k.shape as [number, number, number, number], data: (await k.data()) as Float32Array };
  }

  /** Class probabilities (rows × classes). */
  predict(x: tf.Tensor4D): tf.Tensor2D {
    return tf.tidy(() => tf.softmax(this.logits(x)));
  }

  // ---- transfer learning (src/worker/imageTransferJob.ts): copy a base's weights, freeze them ----
  // Conv and dense layers only: a transfer base refuses batch norm (src/transfer/imageBase.ts), so
  // batch-norm layers count as layers without weights here.

  /**
   * The kernel and bias of the first `count` layers of the stack (count = layers.length + 1
   * includes the head), null for layers without them; one download for all of them.
   */
  async readWeights(count = this.weights.length): Promise<({ kernel: Float32Array; bias: Float32Array } | null)[]> {
    const ws = this.weights.slice(0, count).map((w) => (isWeights(w) ? w : null));
    const parts = ws.flatMap((w) => (w ? [w.kernel, w.bias] : []));
    const flat = parts.length ? tf.tidy(() => tf.concat(parts.map((p) => tf.reshape(p, [-1])))) : null;
    const all = flat ? ((await flat.data()) as Float32Array) : new Float32Array(0);
    flat?.dispose();
    let at = 0;
    const take = (n: number) => all.slice(at, (at += n));
    return ws.map((w) => (w ? { kernel: take(w.kernel.size), bias: take(w.bias.size) } : null));
  }

  /** Puts kernels and biases (as readWeights gives them) into the first layers; a layer's sizes must match. */
  loadWeights(from: readonly ({ kernel: Float32Array; bias: Float32Array } | null)[]): void {
    from.forEach((f, i) => {
      const w = this.weights[i];
      if (!f && !isWeights(w)) return;
      if (!f || !isWeights(w) || f.kernel.length !== w.kernel.size || f.bias.length !== w.bias.size) throw new Error(`layer ${i + 1}: the weights to load do not fit it`);
      tf.tidy(() => {
        w.kernel.assign(tf.tensor(f.kernel, w.kernel.shape));
        w.bias.assign(tf.tensor(f.bias, w.bias.shape));
      });
    });
  }

  /**
   * Keeps the first `count` layers' kernels and biases fixed in trainStep: their variables are
   * marked not trainable, which the optimizer honours (tf.variableGrads leaves them out).
   */
  freeze(count: number): void {
    this.weights.forEach((w, i) => {
      if (isWeights(w)) w.kernel.trainable = w.bias.trainable = i >= count;
    });
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
    disposeOptimizer(this.optimizer);
  }
}
