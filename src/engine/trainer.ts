// The training loop of one run: owns the data tensors, the model and the optimizer. Metrics of
// each epoch stay on the device until `flush()` downloads all pending epochs in one read.
import { runSteps, runStepsPaced, type Epoch } from './epochLoop';
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone has no gradient kernels registered; training needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { augmentPoints, isAugmenting } from '../data/augment';
import { featurize } from '../data/features';
import { hashSeed, mulberry32, shuffleInPlace } from '../data/random';
import { lambdaPerLayer, type ExperimentConfig } from '../shared/config';
import type { EarlyStop, EpochMetrics, LayerStatsSample, NetworkMaps } from '../shared/protocol';
import { layerStatsTensor, layerStatsWidth, mapColumns, mapResolution, mapRows, readLayerStats, splitNetworkMaps, updateRatios, viewsTensor } from './inspect';
import { EarlyStopper } from './earlyStopping';
import { changedSettings, modelVerdict } from './liveSettings';
import { accuracy, dataLoss, outputOf } from './losses';
import { weightPenalty } from './penalties';
import { manualGradients } from './leanStep';
import { clipByGlobalNorm } from './clip';
import { rateAt } from '../shared/schedule';
import { Mlp, type OutputKind, type StartWeights } from './model';
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
  /** Raw 2-D coordinates of the training points (2n), which augmentation transforms. */
  trainRaw: Float32Array;
}


export type TrainerSettings = Pick<
  ExperimentConfig,
  | 'dataset'
  | 'features'
  | 'layers'
  | 'activations'
  | 'init'
  | 'loss'
  | 'batch'
  | 'seed'
  | 'l1'
  | 'l2'
  | 'dropout'
  | 'batchnorm'
  | 'augment'
  | 'patience'
  | 'minDelta'
  | 'restoreBest'
  | 'schedule'
  | 'clip'
> &
  OptimizerSettings;

/**
 * Per-epoch training loss and accuracy use at most this many training rows (a fixed seeded
 * sample beyond it): on large sets a full forward pass every epoch would cost a third of the
 * training itself. Validation metrics always use every validation row.
 */
export const TRAIN_METRIC_ROWS = 256;

/** A fixed seeded sample of TRAIN_METRIC_ROWS training rows. */
function metricSample(s: SplitArrays, inputs: number, seed: number): SplitArrays {
  const order = Int32Array.from({ length: s.n }, (_, i) => i);
  shuffleInPlace(order, mulberry32(hashSeed(seed, 'metric-sample')));
  const rows = order.slice(0, TRAIN_METRIC_ROWS).sort();
  const x = new Float32Array(rows.length * inputs);
  rows.forEach((r, k) => x.set(s.x.subarray(r * inputs, (r + 1) * inputs), k * inputs));
  return { x, y: Float32Array.from(rows, (r) => s.y[r]), n: rows.length };
}

export function outputKindFor(classes: number): OutputKind {
  return classes === 1 ? 'linear' : classes === 2 ? 'sigmoid' : 'softmax';
}

interface DeviceSplit {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  n: number;
}

/** An epoch's queued metrics (null for a sample of layer health only, e.g. after a weight edit) and layer health. */
interface Pending {
  epoch: number;
  values: tf.Tensor1D | null;
  stats?: tf.Tensor1D;
  /** The learning rate the epoch trained with (known on the host; absent for epoch 0). */
  lr?: number;
  /** With clipping on: how many of the epoch's `steps` were clipped, counted on the device. */
  clip?: { count: tf.Scalar; steps: number };
}

const pendingTensors = (p: Pending): tf.Tensor[] => [...(p.values ? [p.values] : []), ...(p.stats ? [p.stats] : []), ...(p.clip ? [p.clip.count] : [])];

export class Trainer {
  readonly model: Mlp;
  epoch = 0;
  private optimizer: tf.Optimizer;
  private settings: TrainerSettings;
  private readonly kind: OutputKind;
  private readonly train: DeviceSplit;
  /** The training rows the per-epoch training metrics use: all, or a fixed sample of TRAIN_METRIC_ROWS. */
  private readonly trainMetric: DeviceSplit;
  private readonly val: DeviceSplit;
  private readonly test: DeviceSplit;
  private grid: tf.Tensor2D;
  /** The boundary grid's cells the neuron maps keep (inspect.ts, mapRows); the grid's size never changes. */
  private readonly mapCells: tf.Tensor1D;
  private readonly order: Int32Array;
  private readonly batchRand: () => number;
  private readonly augmentRand: () => number;
  private readonly dropoutSeed: number;
  private readonly stopper: EarlyStopper;
  /** Per epoch not yet read: its metrics and, for some epochs, its layer health (inspect.ts). */
  private pending: Pending[] = [];
  /** The update ratios of the last step of an epoch that samples layer health, until queued. */
  private probe: tf.Tensor1D | null = null;
  /** Layer health read at the last flush, oldest first, until takeStats(). */
  private statsRead: LayerStatsSample[] = [];
  /** The epoch whose weights layer health was last sampled at (−1: none yet). */
  private sampledEpoch = -1;
  private lastStop: EarlyStop | null = null;
  /** The learning rate the optimizer now steps with (the base rate × the schedule's factor). */
  private rate: number;
  /** The epoch in progress: its steps so far and, with clipping on, how many were clipped (on the device). */
  private epochSteps = 0;
  private clipCount: tf.Scalar | null = null;
  /** Set by dispose(): a paced epoch waiting on the device stops there. */
  private disposed = false;
  /** The training points of the latest epoch, when augmentation is on. */
  augmented: Float32Array | null = null;

  /**
   * `run` numbers the resets of one seed: run k draws the k-th weights of the seeded sequence.
   * `start` gives the first layers' weights (and which stay frozen) instead of drawing them.
   * `metricsAtStart` false skips epoch 0's metrics: a throwaway copy that only times training
   * (the auto backend) need not pay for a forward pass over the validation rows first.
   */
  constructor(
    private readonly data: TrainerData,
    settings: TrainerSettings,
    run = 0,
    start?: StartWeights,
    metricsAtStart = true,
  ) {
    this.settings = { ...settings };
    this.kind = outputKindFor(data.classes);
    const outputs = this.kind === 'softmax' ? data.classes : 1;
    this.train = this.upload(data.train, outputs);
    this.trainMetric = data.train.n > TRAIN_METRIC_ROWS ? this.upload(metricSample(data.train, data.inputs, settings.seed), outputs) : this.train;
    this.val = this.upload(data.val, outputs);
    this.test = this.upload(data.test, outputs);
    this.grid = tf.tensor2d(data.grid, [data.grid.length / data.inputs, data.inputs]);
    this.mapCells = tf.tensor1d(mapRows(Math.round(Math.sqrt(this.grid.shape[0]))), 'int32');
    this.model = new Mlp(
      { inputs: data.inputs, layers: settings.layers, activations: settings.activations, outputs, output: this.kind, init: settings.init, batchnorm: settings.batchnorm },
      mulberry32(hashSeed(settings.seed, run, 'weights')),
      start,
    );
    this.optimizer = createOptimizer(settings);
    this.rate = settings.lr;
    this.order = Int32Array.from({ length: data.train.n }, (_, i) => i);
    this.batchRand = mulberry32(hashSeed(settings.seed, run, 'batches'));
    this.augmentRand = mulberry32(hashSeed(settings.seed, run, 'augment'));
    this.dropoutSeed = hashSeed(settings.seed, run, 'dropout');
    this.stopper = new EarlyStopper(settings);
    if (metricsAtStart) this.queueMetrics();
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

  /**
   * Applies a change to the running model when every changed setting is live by the rule in
   * liveSettings.ts (learning rate, batch size, the optimizer and its settings, regularization,
   * early stopping): 'applied'. Otherwise it changes nothing and answers 'needs a new run'.
   */
  update(next: TrainerSettings): 'applied' | 'needs a new run' {
    if (modelVerdict(changedSettings(this.settings, next)) === 'needs a new run') return 'needs a new run';
    this.stopper.configure(next);
    if (needsNewOptimizer(this.settings, next)) {
      disposeOptimizer(this.optimizer);
      this.optimizer = createOptimizer(next);
      this.rate = next.lr;
    }
    this.settings = { ...next };
    // A new base rate or schedule takes effect at once, at the schedule's rate for the epoch in
    // progress (between epochs, as the worker updates, that is the next epoch's).
    this.applyRate();
    return 'applied';
  }

  /** The learning rate of the epoch about to train (or in progress): the base rate × the schedule's factor. */
  get learningRate(): number {
    return rateAt(this.settings.lr, this.settings.schedule, this.epoch);
  }

  /** Sets the optimizer's rate to this epoch's scheduled one; tfjs keeps its state (momentum, moments). */
  private applyRate(): void {
    const r = this.learningRate;
    if (r === this.rate) return;
    setLearningRate(this.optimizer, r);
    this.rate = r;
  }

  /**
   * One pass over the training split in seeded random mini-batches. With `stats`, the epoch's
   * layer health (inspect.ts) is queued with its metrics, its last step's update size included.
   */
  trainEpoch(stats = false): void {
    runSteps(this.beginEpoch(Infinity, stats));
    this.endEpoch(stats);
  }

  /**
   * As trainEpoch, awaiting `between()` after a step whenever it returns a promise, so a device
   * that computes on the page's CPU (software WebGL) leaves it time to draw. Returns false, the
   * epoch not counted, when the Trainer was disposed during a wait.
   */
  async trainEpochPaced(between: () => Promise<void> | null, stats = false): Promise<boolean> {
    if (!(await runStepsPaced(this.beginEpoch(Infinity, stats), between, () => this.disposed))) return false;
    this.endEpoch(stats);
    return true;
  }

  /**
   * Trains the first `steps` mini-batches of a new epoch, exactly as trainEpoch trains them, and
   * returns how many it trained (fewer when the epoch has fewer). The epoch is not counted and no
   * metrics are queued: this is for timing a model on a throwaway Trainer without paying for a
   * whole epoch of a heavy model (the auto backend's bounded timing).
   */
  trainSteps(steps: number): number {
    if (!(steps >= 1)) return 0;
    const epoch = this.beginEpoch(Math.max(0, Math.floor(steps)));
    try {
      for (let b = 0; b < epoch.steps; b++) epoch.step(b);
    } finally {
      epoch.release();
      this.resetEpochCounts();
    }
    return epoch.steps;
  }

  /** Waits until the device has run every step so far (reads one small tensor). */
  async sync(): Promise<void> {
    await this.model.biases[this.model.biases.length - 1].data();
  }

  /**
   * Shuffles this epoch's rows and cuts them into mini-batches; `step(b)` trains batch b. With
   * `maxSteps`, only the rows of the first `maxSteps` batches are gathered and cut (the same
   * batches, without the cost of cutting the rest).
   */
  private beginEpoch(maxSteps = Infinity, probeLast = false): Epoch {
    const { loss, batch, dropout } = this.settings;
    const [l1, l2] = this.lambdas();
    this.applyRate();
    this.resetEpochCounts();
    shuffleInPlace(this.order, this.batchRand);
    const n = this.train.n;
    const sizes: number[] = [];
    for (let start = 0; start < n && sizes.length < maxSteps; start += batch) sizes.push(Math.min(batch, n - start));
    const rows = sizes.reduce((a, b) => a + b, 0);
    const dropping = dropout.some((r) => r > 0);
    const { xs, ys } = tf.tidy(() => {
      const idx = tf.tensor1d(rows < n ? this.order.subarray(0, rows) : this.order, 'int32');
      return { xs: tf.split(tf.gather(this.epochInputs(), idx), sizes), ys: tf.split(tf.gather(this.train.y, idx), sizes) };
    });
    const epoch = this.epoch;
    return {
      steps: sizes.length,
      step: (b) => {
        const drop = dropping ? { rates: dropout, seed: hashSeed(this.dropoutSeed, epoch, b) } : undefined;
        // The last step of an epoch that samples layer health: the kernels before it, to size its update.
        const before = probeLast && b === sizes.length - 1 ? this.model.kernels.map((k) => tf.clone(k)) : null;
        // Gradients by hand (no tape), then tfjs's own update rule for the chosen optimizer.
        // The clip norm is read at each step: a live change applies from the next step.
        const clip = this.settings.clip;
        const count = tf.tidy(() => {
          // updateStats: batch-normalized layers' running averages move on the device (no sync).
          let grads = manualGradients(this.model, xs[b] as tf.Tensor2D, ys[b] as tf.Tensor2D, { loss, kind: this.kind, l1, l2, dropout: drop, updateStats: true });
          // Clipping by global norm (penalty gradients included: they are part of the step), the
          // clipped steps counted on the device, so no step waits for a download.
          let hit: tf.Scalar | null = null;
          if (clip > 0 && grads.length) ({ grads, hit } = clipByGlobalNorm(grads, clip));
          if (grads.length) this.optimizer.applyGradients(grads);
          return hit ? (this.clipCount ? tf.add(this.clipCount, hit) : hit) : undefined;
        }) as tf.Scalar | undefined;
        if (count) {
          this.clipCount?.dispose();
          this.clipCount = count;
        }
        this.epochSteps++;
        if (before) {
          this.probe?.dispose();
          this.probe = tf.tidy(() => updateRatios(this.model, before));
          tf.dispose(before);
        }
      },
      release: () => tf.dispose([...xs, ...ys]),
    };
  }

  private endEpoch(stats = false): void {
    const lr = this.rate;
    const steps = this.epochSteps;
    const count = this.clipCount;
    this.epochSteps = 0;
    this.clipCount = null;
    this.epoch++;
    this.queueMetrics(stats);
    const queued = this.pending[this.pending.length - 1];
    queued.lr = lr;
    // Steps trained while clipping was off count as not clipped; a run without clipping reports nothing.
    if (count || this.settings.clip > 0) queued.clip = { count: count ?? tf.scalar(0), steps };
  }

  /** Drops the counts of a partial epoch (trainSteps, or one that a disposal cut short). */
  private resetEpochCounts(): void {
    this.clipCount?.dispose();
    this.clipCount = null;
    this.epochSteps = 0;
  }

  /** λ₁ and λ₂ for each weight layer. */
  private lambdas(): [number[], number[]] {
    const k = this.model.kernels.length;
    return [lambdaPerLayer(this.settings.l1, k), lambdaPerLayer(this.settings.l2, k)];
  }

  /** The training inputs of this epoch: the stored ones, or a fresh augmentation of them. */
  private epochInputs(): tf.Tensor2D {
    const { augment, dataset, features } = this.settings;
    if (!isAugmenting(augment, dataset)) {
      this.augmented = null;
      return this.train.x;
    }
    this.augmented = augmentPoints(this.data.trainRaw, augment, dataset, this.augmentRand);
    return tf.tensor2d(featurize(this.augmented, this.train.n, features), [this.train.n, this.data.inputs]);
  }

  /**
   * Queues [train loss, val loss, penalty, train acc, val acc] of the current weights, on the
   * device; with `stats`, the layer health too (the update ratios of the step just taken, if it
   * was measured).
   */
  private queueMetrics(stats = false): void {
    const { loss } = this.settings;
    const [l1, l2] = this.lambdas();
    const values = tf.tidy(() => {
      const lt = this.model.logits(this.trainMetric.x);
      const lv = this.model.logits(this.val.x);
      const tm = this.trainMetric;
      const parts = [dataLoss(loss, lt, tm.y, this.kind), dataLoss(loss, lv, this.val.y, this.kind), weightPenalty(this.model.kernels, l1, l2)];
      if (this.kind !== 'linear') parts.push(accuracy(lt, tm.y, this.kind), accuracy(lv, this.val.y, this.kind));
      return tf.stack(parts) as tf.Tensor1D;
    });
    this.pending.push({ epoch: this.epoch, values, ...(stats ? { stats: this.statsNow() } : {}) });
    this.stopper.snapshot(this.epoch, this.model.variables);
  }

  /** The layer health of the current weights, on the device; uses up the last step's probe. */
  private statsNow(): tf.Tensor1D {
    this.sampledEpoch = this.epoch;
    const probe = this.probe;
    this.probe = null;
    const rows = { gradX: this.trainMetric.x, gradY: this.trainMetric.y, unitX: this.train.x, loss: this.settings.loss, kind: this.kind };
    const t = tf.tidy(() => layerStatsTensor(this.model, rows, probe));
    probe?.dispose();
    return t;
  }

  /**
   * Adds the layer health of the current weights to the current epoch's queued metrics, when they
   * have none (e.g. epoch 0 of a new run, a paused run, or after a weight was edited by hand).
   * With `again` false, an epoch already sampled is not sampled twice.
   */
  sampleStats(again = true): void {
    if (!again && this.sampledEpoch === this.epoch) return;
    const last = this.pending[this.pending.length - 1];
    if (last?.epoch === this.epoch) {
      if (!last.stats) last.stats = this.statsNow();
      return;
    }
    // The epoch's metrics were read already: only the layer health is queued.
    this.pending.push({ epoch: this.epoch, values: null, stats: this.statsNow() });
  }

  /** Layer health read by the flushes since the last call, oldest first. */
  takeStats(): LayerStatsSample[] {
    const out = this.statsRead;
    this.statsRead = [];
    return out;
  }

  /**
   * Downloads the metrics of every epoch since the last flush, in one read. When early stopping
   * ends the run among them, the weights go back to the stop (or best) epoch and the list ends
   * at the stop epoch; `takeStop()` then tells where.
   */
  async flush(): Promise<EpochMetrics[]> {
    if (this.pending.length === 0) return [];
    const batch = this.pending;
    this.pending = [];
    // Every epoch's metrics, then every sampled layer health, then the clipped-step counts: one download.
    const measured = batch.filter((p) => p.values) as (Pending & { values: tf.Tensor1D })[];
    const width = measured[0]?.values.size ?? 0;
    const clipCounts = measured.flatMap((p) => (p.clip ? [tf.reshape(p.clip.count, [1])] : []));
    const stacked = tf.concat([...measured.map((p) => p.values), ...batch.flatMap((p) => (p.stats ? [p.stats] : [])), ...clipCounts]);
    tf.dispose(clipCounts);
    batch.forEach((p) => tf.dispose(pendingTensors(p)));
    const flat = await stacked.data();
    stacked.dispose();
    const k = this.model.kernels.length;
    let at = width * measured.length;
    for (const p of batch) {
      if (!p.stats) continue;
      this.statsRead.push(readLayerStats(p.epoch, flat.subarray(at, at + layerStatsWidth(k)), k));
      at += layerStatsWidth(k);
    }
    const epochs = measured.map((p, i): EpochMetrics => {
      const m: EpochMetrics = {
        epoch: p.epoch,
        trainLoss: flat[i * width],
        valLoss: flat[i * width + 1],
        penalty: flat[i * width + 2],
        trainAcc: width > 3 ? flat[i * width + 3] : null,
        valAcc: width > 3 ? flat[i * width + 4] : null,
      };
      if (p.lr !== undefined) m.lr = p.lr;
      if (p.clip) m.clipped = p.clip.steps > 0 ? flat[at++] / p.clip.steps : 0;
      return m;
    });
    if (!this.stopper.active || epochs.length === 0) return epochs;
    const verdict = this.stopper.judge(epochs);
    if (!verdict) return epochs;
    if (verdict.weights) {
      this.model.variables.forEach((v, i) => v.assign(verdict.weights![i]));
      verdict.weights.forEach((w) => w.dispose());
    }
    this.lastStop = verdict.stop;
    this.epoch = verdict.stop.stopEpoch;
    this.statsRead = this.statsRead.filter((s) => s.epoch <= verdict.stop.stopEpoch);
    return epochs.filter((e) => e.epoch <= verdict.stop.stopEpoch);
  }

  /** Where early stopping ended the run at the last flush, once; training may then go on afresh. */
  takeStop(): EarlyStop | null {
    const stop = this.lastStop;
    this.lastStop = null;
    if (stop) this.stopper.resumeAt(this.epoch);
    return stop;
  }

  /** The model's output on the boundary grid: P(class 1), the K class probabilities per cell, or the value. */
  async boundary(): Promise<Float32Array> {
    const out = tf.tidy(() => outputOf(this.model.logits(this.grid), this.kind));
    const values = (await out.data()) as Float32Array;
    out.dispose();
    return values;
  }

  /** The model's outputs (P(class 1), K probabilities per row, or the value) on one split. */
  async outputs(split: 'train' | 'val' | 'test' = 'val'): Promise<Float32Array> {
    const out = tf.tidy(() => outputOf(this.model.logits(this[split].x), this.kind));
    const values = (await out.data()) as Float32Array;
    out.dispose();
    return values;
  }

  /** Replaces the boundary grid (cells × inputs), e.g. when a table's slice changes. */
  setGrid(grid: Float32Array): void {
    const next = tf.tensor2d(grid, [grid.length / this.data.inputs, this.data.inputs]);
    this.grid.dispose();
    this.grid = next;
  }

  /**
   * The boundary (as boundary() gives it) and, with `maps`, what each neuron computes over the
   * same grid (the first MAX_SHOWN_UNITS of each column) with the weights between those neurons:
   * one forward pass, one download; both arrays are views of one buffer.
   */
  async views(maps: boolean): Promise<{ boundary: Float32Array; network?: NetworkMaps }> {
    const t = tf.tidy(() => viewsTensor(this.model, this.grid, this.kind, maps ? this.mapCells : null));
    const flat = (await t.data()) as Float32Array;
    t.dispose();
    const cells = this.grid.shape[0];
    const boundary = flat.subarray(0, cells * (this.kind === 'softmax' ? this.data.classes : 1));
    if (!maps) return { boundary };
    const { units, shown } = mapColumns(this.model);
    return { boundary, network: splitNetworkMaps(flat.subarray(boundary.length), units, shown, mapResolution(Math.round(Math.sqrt(cells)))) };
  }

  /** The neuron maps alone (see views). */
  async networkMaps(): Promise<NetworkMaps> {
    return (await this.views(true)).network!;
  }

  /**
   * Sets one weight: `layer` 1 is the kernel into the first hidden layer, the output's is last;
   * from a unit of the column before to a unit of that layer. The optimizer's state is kept.
   */
  setWeight(layer: number, from: number, to: number, value: number): void {
    const kernel = this.model.kernels[this.layerIndex(layer)];
    const [rows, cols] = kernel.shape;
    if (!Number.isInteger(from) || from < 0 || from >= rows) throw new RangeError(`layer ${layer} has ${rows} inputs (0–${rows - 1}); got from = ${from}`);
    if (!Number.isInteger(to) || to < 0 || to >= cols) throw new RangeError(`layer ${layer} has ${cols} units (0–${cols - 1}); got to = ${to}`);
    this.setEntry(kernel, from * cols + to, value);
  }

  /** Sets the bias of one unit of `layer` (numbered as in setWeight). */
  setBias(layer: number, unit: number, value: number): void {
    const bias = this.model.biases[this.layerIndex(layer)];
    const n = bias.shape[0];
    if (!Number.isInteger(unit) || unit < 0 || unit >= n) throw new RangeError(`layer ${layer} has ${n} units (0–${n - 1}); got unit = ${unit}`);
    this.setEntry(bias, unit, value);
  }

  private layerIndex(layer: number): number {
    const k = this.model.kernels.length;
    if (!Number.isInteger(layer) || layer < 1 || layer > k) throw new RangeError(`layer must be 1–${k} (${k} is the output); got ${layer}`);
    return layer - 1;
  }

  /** Writes one entry (flat index) of a variable on the device, no download. */
  private setEntry(v: tf.Variable, index: number, value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`a weight must be a finite number; got ${value}`);
    tf.tidy(() => {
      const hot = new Float32Array(v.size);
      hot[index] = 1;
      const mask = tf.tensor(hot, v.shape);
      v.assign(tf.add(tf.mul(v, tf.sub(1, mask)), tf.mul(mask, value)));
    });
  }

  /** Data loss and accuracy of the current weights on one split (the test split by default). */
  async evaluate(split: 'train' | 'val' | 'test' = 'test'): Promise<{ loss: number; accuracy: number | null }> {
    const set = this[split];
    const t = tf.tidy(() => {
      const l = this.model.logits(set.x);
      const parts = [dataLoss(this.settings.loss, l, set.y, this.kind)];
      if (this.kind !== 'linear') parts.push(accuracy(l, set.y, this.kind));
      return tf.stack(parts);
    });
    const v = await t.data();
    t.dispose();
    return { loss: v[0], accuracy: v.length > 1 ? v[1] : null };
  }

  /**
   * The weights and the epoch counter, to continue this run in another Trainer (e.g. on a fresh
   * worker after the device was lost). One download for all variables (batch norm's γ, β and
   * running averages included, see Mlp.variables); optimizer state (momentum,
   * Adam's moments) and early-stopping history are not included.
   */
  async exportState(): Promise<{ epoch: number; weights: Float32Array[] }> {
    const epoch = this.epoch;
    const vars = this.model.variables;
    const flat = tf.tidy(() => tf.concat(vars.map((v) => tf.reshape(v, [-1]))));
    const all = (await flat.data()) as Float32Array;
    flat.dispose();
    let at = 0;
    const weights = vars.map((v) => all.slice(at, (at += v.size)));
    return { epoch, weights };
  }

  /**
   * Puts exported weights and epoch counter into this Trainer, which must have the same shapes;
   * metrics of the new weights are queued as that epoch's. The optimizer keeps its own (fresh) state.
   */
  importState(state: { epoch: number; weights: readonly Float32Array[] }): void {
    const vars = this.model.variables;
    if (state.weights.length !== vars.length || state.weights.some((w, i) => w.length !== vars[i].size)) {
      throw new RangeError('the saved weights do not fit this model');
    }
    vars.forEach((v, i) => {
      const t = tf.tensor(state.weights[i], v.shape);
      v.assign(t);
      t.dispose();
    });
    this.pending.forEach((p) => tf.dispose(pendingTensors(p)));
    this.pending = [];
    this.statsRead = [];
    this.stopper.clear();
    this.stopper.resumeAt(state.epoch);
    this.epoch = state.epoch;
    this.queueMetrics(true);
  }

  dispose(): void {
    this.disposed = true;
    this.stopper.clear();
    this.pending.forEach((p) => tf.dispose(pendingTensors(p)));
    this.pending = [];
    this.probe?.dispose();
    this.probe = null;
    this.resetEpochCounts();
    const splits = [this.train, this.val, this.test];
    if (this.trainMetric !== this.train) splits.push(this.trainMetric);
    for (const s of splits) {
      s.x.dispose();
      s.y.dispose();
    }
    this.grid.dispose();
    this.mapCells.dispose();
    this.model.dispose();
    disposeOptimizer(this.optimizer);
  }
}
