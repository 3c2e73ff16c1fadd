// The main run's trainer for image sets: an ImageModel (src/engine/imageModel.ts) trained epoch by
// epoch with the run's optimizer, learning-rate schedule, L1/L2 penalties, gradient clipping,
// dropout, early stopping and image augmentation (fresh every epoch, seeded by seed and epoch).
// The same surface as Trainer where the worker's run loop uses it (src/worker/trainingApi.ts):
// metrics stay on the device and are read in one download by flush(), a few times a second.
import { runSteps, runStepsPaced, type Epoch } from './epochLoop';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { augmentImages, isAugmenting } from '../data/imageAugment';
import { hashSeed, mulberry32, shuffleInPlace } from '../data/random';
import { lambdaPerLayer, type ExperimentConfig } from '../shared/config';
import { checkStack } from '../shared/imageStack';
import { MAX_MISCLASSIFIED, type EarlyStop, type EpochMetrics, type EvaluationView, type FeatureMap, type ImageViews, type LayerStatsSample, type Misclassified } from '../shared/protocol';
import { rateAt } from '../shared/schedule';
import { clipByGlobalNorm } from './clip';
import { EarlyStopper } from './earlyStopping';
import { ImageModel } from './imageModel';
import { changedSettings, modelVerdict } from './liveSettings';
import { createOptimizer, disposeOptimizer, needsNewOptimizer, setLearningRate } from './optimizers';
import { weightPenalty } from './penalties';

/** One split of an image set: n × side² inputs in 0–1, labels 0 … classes−1 as floats. */
export interface ImageSplit {
  x: Float32Array;
  y: Float32Array;
  n: number;
}

export interface ImageTrainerData {
  side: number;
  classes: number;
  train: ImageSplit;
  val: ImageSplit;
  test: ImageSplit;
  /** The validation images' raw pixels (0–255), for the misclassified gallery. */
  valPixels: Uint8Array;
}

/**
 * Per-epoch training loss and accuracy use at most this many training images (a fixed seeded
 * sample, un-augmented): a forward pass over thousands of images every epoch would cost a good
 * part of the epoch itself. 256, as the dense Trainer's TRAIN_METRIC_ROWS: 500 cost the CNN's
 * epoch about 4% more (bench part images: our loop against model.fit, which reports the running
 * mean of its batches instead). Validation metrics use every validation image.
 */
export const IMAGE_METRIC_ROWS = 256;

interface DeviceSplit {
  x: tf.Tensor4D;
  y: tf.Tensor1D;
  n: number;
}

interface Pending {
  epoch: number;
  /** [train loss, val loss, penalty, train acc, val acc]. */
  values: tf.Tensor1D;
  lr?: number;
  clip?: { count: tf.Scalar; steps: number };
}

const pendingTensors = (p: Pending): tf.Tensor[] => [p.values, ...(p.clip ? [p.clip.count] : [])];

/** A fixed seeded sample of at most IMAGE_METRIC_ROWS images of a split, in their order. */
function metricSample(s: ImageSplit, px: number, seed: number): ImageSplit {
  if (s.n <= IMAGE_METRIC_ROWS) return s;
  const order = Int32Array.from({ length: s.n }, (_, i) => i);
  shuffleInPlace(order, mulberry32(hashSeed(seed, 'image-metric-sample')));
  const rows = order.slice(0, IMAGE_METRIC_ROWS).sort();
  const x = new Float32Array(rows.length * px);
  rows.forEach((r, k) => x.set(s.x.subarray(r * px, (r + 1) * px), k * px));
  return { x, y: Float32Array.from(rows, (r) => s.y[r]), n: rows.length };
}

export class ImageTrainer {
  /** Epochs trained so far (0 before the first). */
  epoch = 0;
  readonly model: ImageModel;
  private config: ExperimentConfig;
  private optimizer: tf.Optimizer;
  private rate: number;
  private readonly side: number;
  private readonly train: DeviceSplit;
  private readonly trainMetric: DeviceSplit;
  private readonly val: DeviceSplit;
  private readonly test: DeviceSplit;
  private readonly order: Int32Array;
  private readonly batchRand: () => number;
  private readonly augmentSeed: number;
  private readonly stopper: EarlyStopper;
  private pending: Pending[] = [];
  private lastStop: EarlyStop | null = null;
  private epochSteps = 0;
  private clipCount: tf.Scalar | null = null;
  private disposed = false;
  /**
   * The validation probabilities the last metrics pass computed, while the weights are still those
   * (no step, restore or import since): views() reuses them instead of a second forward pass.
   */
  private valProbs: tf.Tensor2D | null = null;

  /** `run` numbers the resets of one config: each draws new seeded weights (as Trainer's). */
  constructor(
    private readonly data: ImageTrainerData,
    config: ExperimentConfig,
    run: number,
    metricsAtStart = true,
  ) {
    const stack = checkStack(config.imageLayers, data.classes);
    if (!stack.ok) throw new Error(stack.reason);
    this.config = { ...config };
    this.side = data.side;
    const px = data.side * data.side;
    this.model = new ImageModel([data.side, data.side, 1], stack.layers, data.classes, config, hashSeed(config.seed, run, 'image-model'));
    this.train = this.upload(data.train);
    const sample = metricSample(data.train, px, config.seed);
    this.trainMetric = sample === data.train ? this.train : this.upload(sample);
    this.val = this.upload(data.val);
    this.test = this.upload(data.test);
    this.optimizer = createOptimizer(config);
    this.rate = config.lr;
    this.order = Int32Array.from({ length: data.train.n }, (_, i) => i);
    this.batchRand = mulberry32(hashSeed(config.seed, run, 'image-batches'));
    this.augmentSeed = hashSeed(config.seed, run, 'image-augment');
    this.stopper = new EarlyStopper(config);
    if (metricsAtStart) this.queueMetrics();
  }

  private upload(s: ImageSplit): DeviceSplit {
    return { x: tf.tensor4d(s.x, [s.n, this.side, this.side, 1]), y: tf.tensor1d(s.y), n: s.n };
  }

  /** Epochs trained whose metrics are not read yet. */
  get pendingCount(): number {
    return this.pending.length;
  }

  get testSize(): number {
    return this.test.n;
  }

  /** The learning rate of the epoch about to train (or in progress). */
  get learningRate(): number {
    return rateAt(this.config.lr, this.config.schedule, this.epoch);
  }

  /** A change of settings: 'applied' to the running model when every changed setting is live (liveSettings.ts), else nothing changes. */
  update(config: ExperimentConfig): 'applied' | 'needs a new run' {
    if (modelVerdict(changedSettings(this.config, config)) === 'needs a new run') return 'needs a new run';
    this.stopper.configure(config);
    if (needsNewOptimizer(this.config, config)) {
      disposeOptimizer(this.optimizer);
      this.optimizer = createOptimizer(config);
      this.rate = config.lr;
    }
    // Batch size, penalties, clipping and augmentation are read at each epoch's (or step's) start.
    this.config = { ...config };
    this.applyRate();
    return 'applied';
  }

  private applyRate(): void {
    const r = this.learningRate;
    if (r === this.rate) return;
    setLearningRate(this.optimizer, r);
    this.rate = r;
  }

  /** λ₁ and λ₂ for each weight layer (conv and dense kernels, the head's last). */
  private lambdas(): [number[], number[]] {
    const k = this.model.kernels.length;
    return [lambdaPerLayer(this.config.l1, k), lambdaPerLayer(this.config.l2, k)];
  }

  /** One epoch over the (augmented) training images, awaiting `between()` after a step whenever it returns a promise; false when disposed meanwhile. */
  async trainEpochPaced(between: () => Promise<void> | null, stats = false): Promise<boolean> {
    void stats;
    if (!(await runStepsPaced(this.beginEpoch(), between, () => this.disposed))) return false;
    this.endEpoch();
    return true;
  }

  /** As trainEpochPaced, without waits. */
  trainEpoch(): void {
    runSteps(this.beginEpoch());
    this.endEpoch();
  }

  /**
   * Trains the first `steps` mini-batches of a new epoch as trainEpoch would, without counting the
   * epoch or queuing metrics: for timing the model on a throwaway trainer (the auto backend).
   */
  trainSteps(steps: number): number {
    if (!(steps >= 1)) return 0;
    const epoch = this.beginEpoch(Math.floor(steps));
    try {
      for (let b = 0; b < epoch.steps; b++) epoch.step(b);
    } finally {
      epoch.release();
      this.resetEpochCounts();
    }
    return epoch.steps;
  }

  /** The training images of this epoch: the stored ones, or a fresh augmentation of them (seeded by seed, run and epoch). */
  private epochInputs(): tf.Tensor4D {
    const aug = this.config.imageAugment;
    if (!aug || !isAugmenting(aug)) return this.train.x;
    const x = augmentImages(this.data.train.x, this.side, aug, this.augmentSeed, this.epoch);
    return tf.tensor4d(x, [this.train.n, this.side, this.side, 1]);
  }

  private beginEpoch(maxSteps = Infinity): Epoch {
    const batch = Math.max(1, Math.floor(this.config.batch));
    const [l1, l2] = this.lambdas();
    this.dropValProbs();
    this.applyRate();
    this.resetEpochCounts();
    shuffleInPlace(this.order, this.batchRand);
    const n = this.train.n;
    const sizes: number[] = [];
    for (let start = 0; start < n && sizes.length < maxSteps; start += batch) sizes.push(Math.min(batch, n - start));
    const rows = sizes.reduce((a, b) => a + b, 0);
    const { xs, ys } = tf.tidy(() => {
      const idx = tf.tensor1d(rows < n ? this.order.subarray(0, rows) : this.order, 'int32');
      const inputs = this.epochInputs();
      // One-hot once per epoch, not per step.
      const onehot = tf.oneHot(tf.cast(tf.gather(this.train.y, idx), 'int32') as tf.Tensor1D, this.data.classes);
      return { xs: tf.split(tf.gather(inputs, idx), sizes), ys: tf.split(onehot, sizes) };
    });
    const vars = this.model.trainable;
    const kernels = this.model.kernels;
    const penalized = l1.some((v) => v > 0) || l2.some((v) => v > 0);
    return {
      steps: sizes.length,
      step: (b) => {
        // The clip norm is read at each step: a live change applies from the next step.
        const clip = this.config.clip;
        const count = tf.tidy(() => {
          const { grads: named } = tf.variableGrads(() => {
            const data = this.model.loss(xs[b] as tf.Tensor4D, ys[b] as tf.Tensor2D, true);
            return penalized ? tf.add(data, weightPenalty(kernels, l1, l2)) : data;
          }, vars);
          let grads = vars.map((v) => ({ name: v.name, tensor: named[v.name] }));
          let hit: tf.Scalar | null = null;
          // Clipping by global norm (penalty gradients included), counted on the device: no step waits for a download.
          if (clip > 0) ({ grads, hit } = clipByGlobalNorm(grads, clip));
          this.optimizer.applyGradients(grads);
          return hit ? (this.clipCount ? tf.add(this.clipCount, hit) : hit) : undefined;
        }) as tf.Scalar | undefined;
        if (count) {
          this.clipCount?.dispose();
          this.clipCount = count;
        }
        this.epochSteps++;
      },
      release: () => tf.dispose([...xs, ...ys]),
    };
  }

  private endEpoch(): void {
    const lr = this.rate;
    const steps = this.epochSteps;
    const count = this.clipCount;
    this.epochSteps = 0;
    this.clipCount = null;
    this.epoch++;
    this.queueMetrics();
    const queued = this.pending[this.pending.length - 1];
    queued.lr = lr;
    if (count || this.config.clip > 0) queued.clip = { count: count ?? tf.scalar(0), steps };
  }

  private dropValProbs(): void {
    this.valProbs?.dispose();
    this.valProbs = null;
  }

  private resetEpochCounts(): void {
    this.clipCount?.dispose();
    this.clipCount = null;
    this.epochSteps = 0;
  }

  /** Queues [train loss, val loss, penalty, train acc, val acc] of the current weights, on the device. */
  private queueMetrics(): void {
    const [l1, l2] = this.lambdas();
    this.dropValProbs();
    const { values, probs } = tf.tidy(() => {
      const t = this.model.evaluate(this.trainMetric.x, this.trainMetric.y);
      const z = this.model.logits(this.val.x);
      const v = this.model.score(z, this.val.y);
      const p = tf.reshape(weightPenalty(this.model.kernels, l1, l2), [1]);
      return { values: tf.concat([tf.slice(t, 0, 1), tf.slice(v, 0, 1), p, tf.slice(t, 1, 1), tf.slice(v, 1, 1)]) as tf.Tensor1D, probs: tf.softmax(z) as tf.Tensor2D };
    });
    this.valProbs = probs;
    this.pending.push({ epoch: this.epoch, values });
    this.stopper.snapshot(this.epoch, this.model.variables);
  }

  /** Waits until the device has run every step so far. */
  async sync(): Promise<void> {
    const vars = this.model.variables;
    await vars[vars.length - 1].data();
  }

  /** Reads the pending epochs' metrics (train loss/acc on a fixed sample of training images, validation on all) in one download. */
  async flush(): Promise<EpochMetrics[]> {
    if (this.pending.length === 0) return [];
    const batch = this.pending;
    this.pending = [];
    const clipCounts = batch.flatMap((p) => (p.clip ? [tf.reshape(p.clip.count, [1])] : []));
    const stacked = tf.concat([...batch.map((p) => p.values), ...clipCounts]);
    tf.dispose(clipCounts);
    batch.forEach((p) => tf.dispose(pendingTensors(p)));
    const flat = await stacked.data();
    stacked.dispose();
    let at = 5 * batch.length;
    const epochs = batch.map((p, i): EpochMetrics => {
      const m: EpochMetrics = { epoch: p.epoch, trainLoss: flat[i * 5], valLoss: flat[i * 5 + 1], penalty: flat[i * 5 + 2], trainAcc: flat[i * 5 + 3], valAcc: flat[i * 5 + 4] };
      if (p.lr !== undefined) m.lr = p.lr;
      if (p.clip) m.clipped = p.clip.steps > 0 ? flat[at++] / p.clip.steps : 0;
      return m;
    });
    if (!this.stopper.active) return epochs;
    const verdict = this.stopper.judge(epochs);
    if (!verdict) return epochs;
    if (verdict.weights) {
      this.dropValProbs();
      this.model.variables.forEach((v, i) => v.assign(verdict.weights![i]));
      verdict.weights.forEach((w) => w.dispose());
    }
    this.lastStop = verdict.stop;
    this.epoch = verdict.stop.stopEpoch;
    return epochs.filter((e) => e.epoch <= verdict.stop.stopEpoch);
  }

  /** Where early stopping ended the run, once (then null). */
  takeStop(): EarlyStop | null {
    const stop = this.lastStop;
    this.lastStop = null;
    if (stop) this.stopper.resumeAt(this.epoch);
    return stop;
  }

  /** Layer health is not sampled for image models: always empty. */
  takeStats(): LayerStatsSample[] {
    return [];
  }

  sampleStats(again = true): void {
    void again;
  }

  /** Loss and accuracy on a split, without dropout or augmentation. */
  async evaluate(split: 'train' | 'val' | 'test' = 'test'): Promise<{ loss: number; accuracy: number | null }> {
    const s = this[split];
    const t = this.model.evaluate(s.x, s.y);
    const v = await t.data();
    t.dispose();
    return { loss: v[0], accuracy: v[1] };
  }

  /** The validation confusion matrix (classNames '0'…'9') and the image views, in one download. */
  async views(): Promise<{ evaluation: EvaluationView; images: ImageViews }> {
    const k = this.data.classes;
    const filters = this.model.firstFilterTensor();
    const t = tf.tidy(() => tf.concat([tf.reshape(this.valProbs ?? this.model.predict(this.val.x), [-1]), ...(filters ? [tf.reshape(filters, [-1])] : [])]));
    const flat = (await t.data()) as Float32Array;
    t.dispose();
    const n = this.val.n;
    const labels = this.data.val.y;
    const counts = new Array<number>(k * k).fill(0);
    const wrong: { index: number; predicted: number; prob: number }[] = [];
    for (let i = 0; i < n; i++) {
      let guess = 0;
      for (let c = 1; c < k; c++) if (flat[i * k + c] > flat[i * k + guess]) guess = c;
      const label = labels[i];
      counts[label * k + guess]++;
      if (guess !== label) wrong.push({ index: i, predicted: guess, prob: flat[i * k + guess] });
    }
    wrong.sort((a, b) => b.prob - a.prob || a.index - b.index);
    const px = this.side * this.side;
    const misclassified: Misclassified[] = wrong.slice(0, MAX_MISCLASSIFIED).map((w) => ({
      ...w,
      label: labels[w.index],
      pixels: this.data.valPixels.slice(w.index * px, (w.index + 1) * px),
    }));
    return {
      evaluation: { kind: 'confusion', classNames: Array.from({ length: k }, (_, c) => String(c)), counts },
      images: {
        misclassified,
        wrong: wrong.length,
        filters: filters ? { shape: filters.shape as [number, number, number, number], data: flat.slice(n * k) } : null,
      },
    };
  }

  /** The model's prediction for one image (side² values 0–1). */
  async predict(pixels: Float32Array): Promise<{ label: number; probs: number[] }> {
    const t = tf.tidy(() => this.model.predict(tf.tensor4d(pixels, [1, this.side, this.side, 1])));
    const probs = Array.from(await t.data());
    t.dispose();
    let label = 0;
    for (let c = 1; c < probs.length; c++) if (probs[c] > probs[label]) label = c;
    return { label, probs };
  }

  /** Each conv layer's maps for one image. */
  async featureMaps(pixels: Float32Array): Promise<FeatureMap[]> {
    return this.model.featureMaps(pixels);
  }

  /** The weights and epoch, to continue elsewhere (a lost WebGL context). */
  async exportState(): Promise<{ epoch: number; weights: Float32Array[] }> {
    const epoch = this.epoch;
    const vars = this.model.variables;
    const flat = tf.tidy(() => tf.concat(vars.map((v) => tf.reshape(v, [-1]))));
    const all = (await flat.data()) as Float32Array;
    flat.dispose();
    let at = 0;
    return { epoch, weights: vars.map((v) => all.slice(at, (at += v.size))) };
  }

  importState(state: { epoch: number; weights: readonly Float32Array[] }): void {
    const vars = this.model.variables;
    if (state.weights.length !== vars.length || state.weights.some((w, i) => w.length !== vars[i].size)) {
      throw new RangeError('the saved weights do not fit this model');
    }
    this.dropValProbs();
    vars.forEach((v, i) => {
      const t = tf.tensor(state.weights[i], v.shape);
      v.assign(t);
      t.dispose();
    });
    this.pending.forEach((p) => tf.dispose(pendingTensors(p)));
    this.pending = [];
    this.stopper.clear();
    this.stopper.resumeAt(state.epoch);
    this.epoch = state.epoch;
    this.queueMetrics();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopper.clear();
    this.pending.forEach((p) => tf.dispose(pendingTensors(p)));
    this.pending = [];
    this.resetEpochCounts();
    this.dropValProbs();
    const splits = [this.train, this.val, this.test];
    if (this.trainMetric !== this.train) splits.push(this.trainMetric);
    for (const s of splits) {
      s.x.dispose();
      s.y.dispose();
    }
    this.model.dispose();
    disposeOptimizer(this.optimizer);
  }
}
