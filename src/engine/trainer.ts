// The training loop of one run: owns the data tensors, the model and the optimizer. Metrics of
// each epoch stay on the device until `flush()` downloads all pending epochs in one read.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone has no gradient kernels registered; training needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { hashSeed, mulberry32, shuffleInPlace } from '../data/random';
import type { ExperimentConfig } from '../shared/config';
import type { EpochMetrics } from '../shared/protocol';
import { accuracy, dataLoss, outputOf } from './losses';
import { Mlp, type OutputKind } from './model';
import { createOptimizer, disposeOptimizer, needsNewOptimizer, setLearningRate, type OptimizerSettings } from './optimizers';

export interface SplitArrays {
  /** n × inputs, row-major. */
  x: Float32Array;
  /** Class index per row (classification) or the target value (regression). */
  y: Float32Array;
  n: number;
}

export interface TrainerData {
  inputs: number;
  /** 1 for regression, K ≥ 2 for classification. */
  classes: number;
  train: SplitArrays;
  val: SplitArrays;
  test: SplitArrays;
  /** Featurized grid points for the decision boundary, cells × inputs. */
  grid: Float32Array;
}


export type TrainerSettings = Pick<ExperimentConfig, 'layers' | 'activations' | 'init' | 'loss' | 'batch' | 'seed'> & OptimizerSettings;

export function outputKindFor(classes: number): OutputKind {
  return classes === 1 ? 'linear' : classes === 2 ? 'sigmoid' : 'softmax';
}

interface DeviceSplit {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  n: number;
}

export class Trainer {
  readonly model: Mlp;
  epoch = 0;
  private optimizer: tf.Optimizer;
  private settings: TrainerSettings;
  private readonly kind: OutputKind;
  private readonly train: DeviceSplit;
  private readonly val: DeviceSplit;
  private readonly test: DeviceSplit;
  private readonly grid: tf.Tensor2D;
  private readonly order: Int32Array;
  private readonly batchRand: () => number;
  private pending: { epoch: number; values: tf.Tensor1D }[] = [];

  /** `run` numbers the resets of one seed: run k draws the k-th weights of the seeded sequence. */
  constructor(
    private readonly data: TrainerData,
    settings: TrainerSettings,
    run = 0,
  ) {
    this.settings = { ...settings };
    this.kind = outputKindFor(data.classes);
    const outputs = this.kind === 'softmax' ? data.classes : 1;
    this.train = this.upload(data.train, outputs);
    this.val = this.upload(data.val, outputs);
    this.test = this.upload(data.test, outputs);
    this.grid = tf.tensor2d(data.grid, [data.grid.length / data.inputs, data.inputs]);
    this.model = new Mlp(
      { inputs: data.inputs, layers: settings.layers, activations: settings.activations, outputs, output: this.kind, init: settings.init },
      mulberry32(hashSeed(settings.seed, run, 'weights')),
    );
    this.optimizer = createOptimizer(settings);
    this.order = Int32Array.from({ length: data.train.n }, (_, i) => i);
    this.batchRand = mulberry32(hashSeed(settings.seed, run, 'batches'));
    this.queueMetrics();
  }

  private upload(s: SplitArrays, outputs: number): DeviceSplit {
    const x = tf.tensor2d(s.x, [s.n, this.data.inputs]);
    const y = tf.tidy(() =>
      this.kind === 'softmax'
        ? (tf.cast(tf.oneHot(tf.tensor1d(s.y, 'int32'), outputs), 'float32') as tf.Tensor2D)
        : tf.tensor2d(s.y, [s.n, 1]),
    );
    return { x, y, n: s.n };
  }

  get testSize(): number {
    return this.test.n;
  }

  /** Epochs whose metrics are still on the device. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** Applies settings that can change mid-run: learning rate, batch size, loss, optimizer. */
  update(next: TrainerSettings): void {
    if (needsNewOptimizer(this.settings, next)) {
      disposeOptimizer(this.optimizer);
      this.optimizer = createOptimizer(next);
    } else if (next.lr !== this.settings.lr) {
      setLearningRate(this.optimizer, next.lr);
    }
    this.settings = { ...next };
  }

  /** One pass over the training split in seeded random mini-batches. */
  trainEpoch(): void {
    const { loss, batch } = this.settings;
    shuffleInPlace(this.order, this.batchRand);
    const n = this.train.n;
    const sizes: number[] = [];
    for (let start = 0; start < n; start += batch) sizes.push(Math.min(batch, n - start));
    const vars = this.model.variables;
    tf.tidy(() => {
      const idx = tf.tensor1d(this.order, 'int32');
      const xs = tf.split(tf.gather(this.train.x, idx), sizes);
      const ys = tf.split(tf.gather(this.train.y, idx), sizes);
      for (let b = 0; b < sizes.length; b++) {
        this.optimizer.minimize(() => dataLoss(loss, this.model.logits(xs[b] as tf.Tensor2D), ys[b] as tf.Tensor2D, this.kind), false, vars);
      }
    });
    this.epoch++;
    this.queueMetrics();
  }

  /** Queues [train loss, val loss, train acc, val acc] of the current weights, on the device. */
  private queueMetrics(): void {
    const values = tf.tidy(() => {
      const lt = this.model.logits(this.train.x);
      const lv = this.model.logits(this.val.x);
      const parts = [dataLoss(this.settings.loss, lt, this.train.y, this.kind), dataLoss(this.settings.loss, lv, this.val.y, this.kind)];
      if (this.kind !== 'linear') parts.push(accuracy(lt, this.train.y, this.kind), accuracy(lv, this.val.y, this.kind));
      return tf.stack(parts) as tf.Tensor1D;
    });
    this.pending.push({ epoch: this.epoch, values });
  }

  /** Downloads the metrics of every epoch since the last flush, in one read. */
  async flush(): Promise<EpochMetrics[]> {
    if (this.pending.length === 0) return [];
    const batch = this.pending;
    this.pending = [];
    const stacked = tf.stack(batch.map((p) => p.values));
    batch.forEach((p) => p.values.dispose());
    const flat = await stacked.data();
    stacked.dispose();
    const width = flat.length / batch.length;
    return batch.map((p, i) => ({
      epoch: p.epoch,
      trainLoss: flat[i * width],
      valLoss: flat[i * width + 1],
      trainAcc: width > 2 ? flat[i * width + 2] : null,
      valAcc: width > 2 ? flat[i * width + 3] : null,
    }));
  }

  /** The model's output on the boundary grid: P(class 1), the K class probabilities per cell, or the value. */
  async boundary(): Promise<Float32Array> {
    const out = tf.tidy(() => outputOf(this.model.logits(this.grid), this.kind));
    const values = (await out.data()) as Float32Array;
    out.dispose();
    return values;
  }

  /** Loss and accuracy on the test split. */
  async evaluateTest(): Promise<{ loss: number; accuracy: number | null }> {
    const t = tf.tidy(() => {
      const l = this.model.logits(this.test.x);
      const parts = [dataLoss(this.settings.loss, l, this.test.y, this.kind)];
      if (this.kind !== 'linear') parts.push(accuracy(l, this.test.y, this.kind));
      return tf.stack(parts);
    });
    const v = await t.data();
    t.dispose();
    return { loss: v[0], accuracy: v.length > 1 ? v[1] : null };
  }

  dispose(): void {
    this.pending.forEach((p) => p.values.dispose());
    this.pending = [];
    for (const s of [this.train, this.val, this.test]) {
      s.x.dispose();
      s.y.dispose();
    }
    this.grid.dispose();
    this.model.dispose();
    disposeOptimizer(this.optimizer);
  }
}
