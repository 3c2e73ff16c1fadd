// Trains many small networks ("members") at once as one batched model, for hyperparameter
// search. A member is one (trial, fold): its own learning rate, batch size, hidden units,
// penalties, dropout rates, seed and training / validation rows. Members of one group share the
// layer count, activations, loss, output and optimizer kind (unless the group is built with
// mixedOptimizers, as the optimizer race does: then each member's update has its own
// coefficients, see applyMixed), so every tfjs operation of a
// training step serves all of them: weights are stacked as [members, fanIn + 1, fanOut] and
// multiplied with batched matMul, and the backward pass is written out by hand (no gradient
// tape). For tiny networks tfjs's cost per operation dominates, so fewer, bigger operations are
// the point.
//
// Layout, for each member m and weight layer i:
// - The bias is the last row of the kernel, and every layer's input carries a constant-one
//   column: the network's inputs get it when the batch is built, and each hidden layer gets one
//   extra "ones unit" whose weights are all zero but a bias of ONE_PRE, so its activation is
//   exactly 1 (tanh(20), sigmoid(200) and relu(1) all round to 1 in float32). No broadcasting
//   bias add and no bias gradient sum: both ride in the matMuls.
// - Hidden layers are padded to the group's widest. A padded unit has an all-zero column and a
//   bias of PAD_PRE, so its activation is exactly 0 (sigmoid(−200) underflows to 0), hence its
//   outgoing row gets a zero gradient and stays zero, and it never touches the output. The
//   derivative of tanh and sigmoid is exactly 0 at the ones unit (activation 1); relu and linear
//   layers multiply their backward signal by a unit mask instead. Penalties only see the real
//   kernel entries (through per-entry coefficient tensors), since L1's gradient at 0 is not 0.
// - Rows: each step takes every member's next mini-batch, padded to the group's widest batch
//   with zero rows of zero weight; the loss gradient is scaled per row by 1 / (the member's real
//   batch size). A member with no batch left in this step (a bigger batch size means fewer steps)
//   gets an exactly zero gradient, and its optimizer coefficients for that step (momentum,
//   decay, learning rate, penalty) are set so that neither its weights nor its state change.
//
// Per member this reproduces the Trainer: the same seeded initial weights (mulberry32(hashSeed(
// seed, run, 'weights')) through initialKernel, layer by layer), the same per-epoch batch order
// (mulberry32(hashSeed(seed, run, 'batches')), shuffled every epoch), augmentation from the same
// stream, the same loss and tfjs's own update rules for SGD, momentum, Adam, RMSprop and
// Adagrad. Results differ only by float rounding (a hand-written gradient instead of tfjs's
// autodiff). Dropout uses its own seeded masks (drawn here, not by tf.dropout), so with dropout a
// member trains like the Trainer in distribution, not number for number.
//
// Every op of a step uses tensors of one shape, or a scalar: on the cpu backend a broadcast over
// a [members, 1, 1] tensor takes a slow per-element path, so per-member coefficients are
// expanded to full shape once (per pattern of active members) instead.
import * as tf from '@tensorflow/tfjs-core';
import { augmentPoints, isAugmenting } from '../data/augment';
import { featurize, gatherRows } from '../data/features';
import { hashSeed, mulberry32, shuffleInPlace, type Rand } from '../data/random';
import { lambdaPerLayer, type Activation } from '../shared/config';
import type { EarlyStop } from '../shared/protocol';
import { isConstant } from '../shared/schedule';
import type { StoppingSettings } from './earlyStopping';
import { activate, initialKernel, type OutputKind } from './model';
import { TRAIN_METRIC_ROWS, type TrainerSettings } from './trainer';

/** Where a member's rows come from. Arrays may be shared between members. */
export interface MemberData {
  /** rows × inputs, row-major. */
  x: Float32Array;
  /** Class index per row (classification) or the target (regression). */
  y: Float32Array;
  /** The training rows, in the Trainer's order: its local training row i is row train[i]. */
  train: Int32Array;
  /** The validation rows. */
  val: Int32Array;
  /** Raw 2-D coordinates (2 per row), for augmentation; needed only when it is on. */
  plot?: Float32Array;
}

export interface BatchMember {
  settings: TrainerSettings;
  data: MemberData;
  /** The Trainer's `run` (which weights of the seeded sequence); 0 by default. */
  run?: number;
}

export interface GroupShape {
  /** Network inputs per row. */
  inputs: number;
  /** 1 for regression, K ≥ 2 for classification. */
  classes: number;
}

/** RMSprop's decay, as optimizers.ts builds it (tf.train.rmsprop(lr, 0.9, 0, ε)). */
const RMSPROP_DECAY = 0.9;

/** Pre-activation of a hidden layer's ones unit, and of its padded units. */
const ONE_PRE: Record<Activation, number> = { tanh: 20, sigmoid: 200, relu: 1, linear: 1 };
const PAD_PRE: Record<Activation, number> = { tanh: 0, sigmoid: -200, relu: 0, linear: 0 };

function outputKind(classes: number): OutputKind {
  return classes === 1 ? 'linear' : classes === 2 ? 'sigmoid' : 'softmax';
}

/**
 * What members must share to train in one group, as a string, or null when this engine cannot
 * train the settings at all (the caller then trains them alone).
 */
export function batchKey(s: TrainerSettings, shape: GroupShape): string | null {
  const kind = outputKind(shape.classes);
  // Batch normalization is not part of the batched engine's hand-written step: such trials
  // train one at a time through the Trainer (the search says so).
  if (s.batchnorm?.some(Boolean)) return null;
  if (s.loss === 'bce' && kind !== 'sigmoid') return null;
  if (s.loss === 'cce' && kind !== 'softmax') return null;
  if (s.activations.length !== s.layers.length || s.layers.some((u) => !(u >= 1))) return null;
  // A learning-rate schedule or gradient clipping: such trials train alone, through the Trainer.
  if (!isConstant(s.schedule ?? 'constant') || s.clip > 0) return null;
  const opt =
    s.optimizer === 'momentum'
      ? `momentum:${s.momentum}`
      : s.optimizer === 'adam'
        ? `adam:${s.beta1}:${s.beta2}:${s.epsilon}`
        : s.optimizer === 'rmsprop'
          ? `rmsprop:${s.epsilon}`
          : s.optimizer;
  const dropping = s.dropout.some((r) => r > 0);
  return [shape.inputs, shape.classes, s.loss, s.activations.join(','), opt, dropping ? 'dropout' : ''].join('|');
}

/**
 * The group key for a mixed-optimizer group (BatchedMlpOptions.mixedOptimizers): as batchKey, but
 * members may differ in optimizer (each follows its own rule) and the caller applies any
 * learning-rate schedule itself through setRates(), so neither is part of the key.
 */
export function mixedKey(s: TrainerSettings, shape: GroupShape): string | null {
  return batchKey({ ...s, optimizer: 'sgd', schedule: 'constant' }, shape);
}

export interface BatchedMlpOptions {
  /**
   * Members may use different optimizers (the optimizer race): every member follows one unified
   * update with its own coefficients, A ← a·A + b·g; B ← c·B + d·g²; w ← w − η·A/(√(s·B + e₁) + e₂),
   * chosen so that it is tfjs's own rule for that member's optimizer (see applyMixed).
   * Learning rates may change between epochs (setRates).
   */
  mixedOptimizers?: boolean;
}

/** Which entries (member m, row r, column c) of a weight layer a coefficient applies to. */
type Where = (m: number, r: number, c: number) => boolean;

interface MemberState {
  n: number;
  batch: number;
  steps: number;
  order: Int32Array;
  batchRand: Rand;
  augmentRand: Rand;
  dropRand: Rand;
  augmenting: boolean;
  /** This epoch's training inputs (local rows) when augmenting. */
  epochX: Float32Array | null;
  units: number[];
  dropout: number[];
  l1: number[];
  l2: number[];
  lr: number;
  /** Adam: β₁ᵗ and β₂ᵗ as tfjs keeps them (float32), for bias correction. */
  accBeta1: number;
  accBeta2: number;
}

export class BatchedMlp {
  readonly size: number;
  epoch = 0;
  private readonly kind: OutputKind;
  private readonly outs: number;
  private readonly inputs: number;
  private readonly acts: Activation[];
  private readonly settings: TrainerSettings;
  /** Rows (inputs + 1) and columns of each weight layer. */
  private readonly rows: number[] = [];
  private readonly cols: number[] = [];
  /** Widest hidden layers (without the ones unit). */
  private readonly widths: number[];
  /** Rows per member in a step: the widest real batch. */
  private readonly width: number;
  private readonly stepsPerEpoch: number;
  private readonly weights: tf.Variable[] = [];
  /** Optimizer state per weight layer: momentum's accumulator, Adam's m and v, RMSprop's or Adagrad's mean square. */
  private readonly state: tf.Variable[][] = [];
  private readonly members: MemberState[];
  /** Constant tensors: unit masks, coefficients per pattern of active members, validation data. */
  private readonly constants: tf.Tensor[] = [];
  private readonly unitMasks: (tf.Tensor3D | null)[] = [];
  /** For each step of an epoch, which pattern of active members it has. */
  private readonly stepPattern: number[] = [];
  private readonly patterns: boolean[][] = [];
  private readonly patternCoefficients = new Map<number, Map<string, tf.Tensor>>();
  private readonly penalized: boolean;
  private readonly l1On: boolean;
  private readonly dropping: boolean;
  private readonly val: { x: tf.Tensor3D; y: tf.Tensor3D; lossWeight: tf.Tensor3D; rowWeight: tf.Tensor3D };
  private readonly backendEpsilon: number;
  private readonly data: MemberData[];
  private readonly memberSettings: TrainerSettings[];
  /** Members may mix optimizer kinds (BatchedMlpOptions.mixedOptimizers). */
  private readonly mixed: boolean;
  /** Each member's training rows for the training-loss metric (all, or the Trainer's fixed sample), uploaded on first use. */
  private trainRows: { x: tf.Tensor3D; y: tf.Tensor3D; lossWeight: tf.Tensor3D; rowWeight: tf.Tensor3D } | null = null;

  constructor(
    members: readonly BatchMember[],
    shape: GroupShape,
    options: BatchedMlpOptions = {},
  ) {
    if (members.length === 0) throw new RangeError('a batched group needs at least one member');
    this.mixed = options.mixedOptimizers === true;
    const keyOf = (s: TrainerSettings) => (this.mixed ? mixedKey(s, shape) : batchKey(s, shape));
    const key = keyOf(members[0].settings);
    if (key === null) throw new Error('these settings cannot be trained batched');
    for (const m of members) if (keyOf(m.settings) !== key) throw new Error('members of one group must share layers, activations, loss and optimizer');
    this.size = members.length;
    this.settings = members[0].settings;
    this.kind = outputKind(shape.classes);
    this.outs = this.kind === 'softmax' ? shape.classes : 1;
    this.inputs = shape.inputs;
    this.acts = [...this.settings.activations];
    this.backendEpsilon = tf.backend().epsilon();
    this.data = members.map((m) => m.data);
    this.memberSettings = members.map((m) => m.settings);
    const hidden = this.acts.length;
    this.widths = Array.from({ length: hidden }, (_, i) => Math.max(...members.map((m) => m.settings.layers[i])));
    for (let i = 0; i <= hidden; i++) {
      this.rows.push((i === 0 ? this.inputs : this.widths[i - 1]) + 1);
      this.cols.push(i === hidden ? this.outs : this.widths[i] + 1);
    }
    this.members = members.map((m) => this.memberState(m));
    this.width = Math.max(1, ...this.members.map((s) => Math.min(s.batch, s.n)));
    this.stepsPerEpoch = Math.max(0, ...this.members.map((s) => s.steps));
    this.penalized = this.members.some((s) => [...s.l1, ...s.l2].some((l) => l > 0));
    this.l1On = this.members.some((s) => s.l1.some((l) => l > 0));
    this.dropping = this.members.some((s) => s.dropout.some((r) => r > 0));
    this.initWeights(members);
    this.initState();
    this.initMasks();
    this.initPatterns();
    this.val = this.uploadRows((d) => d.val);
  }

  private memberState(m: BatchMember): MemberState {
    const s = m.settings;
    const run = m.run ?? 0;
    const n = m.data.train.length;
    const batch = Math.max(1, Math.floor(s.batch));
    const kernels = s.layers.length + 1;
    return {
      n,
      batch,
      steps: Math.ceil(n / batch),
      order: Int32Array.from({ length: n }, (_, i) => i),
      batchRand: mulberry32(hashSeed(s.seed, run, 'batches')),
      augmentRand: mulberry32(hashSeed(s.seed, run, 'augment')),
      dropRand: mulberry32(hashSeed(s.seed, run, 'dropout')),
      augmenting: isAugmenting(s.augment, s.dataset),
      epochX: null,
      units: [...s.layers],
      dropout: s.layers.map((_, i) => s.dropout[i] ?? 0),
      l1: lambdaPerLayer(s.l1, kernels),
      l2: lambdaPerLayer(s.l2, kernels),
      lr: s.lr,
      accBeta1: Math.fround(s.beta1),
      accBeta2: Math.fround(s.beta2),
    };
  }

  /** Fan-in (without the bias row) and fan-out of member m's weight layer i. */
  private fans(m: number, i: number): [number, number] {
    const u = this.members[m].units;
    return [i === 0 ? this.inputs : u[i - 1], i === u.length ? this.outs : u[i]];
  }

  /** Whether entry (r, c) of weight layer i is one of member m's real kernel weights (not a bias, not padding). */
  private isKernel(m: number, i: number, r: number, c: number): boolean {
    const [fi, fo] = this.fans(m, i);
    return r < fi && c < fo;
  }

  private initWeights(members: readonly BatchMember[]): void {
    const L = this.rows.length;
    const values = this.rows.map((r, i) => new Float32Array(this.size * r * this.cols[i]));
    members.forEach((mem, m) => {
      const s = mem.settings;
      // The Trainer's Mlp draws its kernels layer by layer from this one stream.
      const rand = mulberry32(hashSeed(s.seed, mem.run ?? 0, 'weights'));
      for (let i = 0; i < L; i++) {
        const [fi, fo] = this.fans(m, i);
        const k = initialKernel(s.init, fi, fo, rand);
        const R = this.rows[i];
        const C = this.cols[i];
        const base = m * R * C;
        const v = values[i];
        for (let r = 0; r < fi; r++) for (let c = 0; c < fo; c++) v[base + r * C + c] = k[r * fo + c];
        if (i < L - 1) {
          // Bias row of a hidden layer: real units 0, padded units PAD_PRE, the ones unit ONE_PRE.
          const a = this.acts[i];
          for (let c = fo; c < C - 1; c++) v[base + (R - 1) * C + c] = PAD_PRE[a];
          v[base + (R - 1) * C + C - 1] = ONE_PRE[a];
        }
      }
    });
    values.forEach((v, i) => this.weights.push(tf.tidy(() => tf.variable(tf.tensor3d(v, [this.size, this.rows[i], this.cols[i]]), false))));
  }

  private initState(): void {
    if (this.mixed) {
      // A (momentum's accumulator, Adam's m) and B (Adam's v, RMSprop's mean square, Adagrad's
      // accumulator, which tfjs starts at 0.1) for every member, whatever its optimizer; over all
      // layers at once, flat [members, parameters] (see applyMixed).
      const start = (m: number) => (this.memberSettings[m].optimizer === 'adagrad' ? 0.1 : 0);
      this.state.push([tf.tidy(() => tf.variable(this.expandFlat(() => 0), false)), tf.tidy(() => tf.variable(this.expandFlat(start), false))]);
      return;
    }
    const per = { sgd: 0, momentum: 1, adam: 2, rmsprop: 1, adagrad: 1 }[this.settings.optimizer];
    const start = this.settings.optimizer === 'adagrad' ? 0.1 : 0;
    this.weights.forEach((w) => {
      this.state.push(Array.from({ length: per }, () => tf.tidy(() => tf.variable(tf.fill(w.shape, start), false))));
    });
  }

  /** Relu and linear hidden layers: 1 on the real units, 0 on padded units and the ones unit. */
  private initMasks(): void {
    this.acts.forEach((a, i) => {
      if (a !== 'relu' && a !== 'linear') {
        this.unitMasks.push(null);
        return;
      }
      const W = this.cols[i];
      const v = new Float32Array(this.size * this.width * W);
      for (let m = 0; m < this.size; m++) {
        const u = this.members[m].units[i];
        for (let r = 0; r < this.width; r++) v.fill(1, (m * this.width + r) * W, (m * this.width + r) * W + u);
      }
      this.unitMasks.push(this.keep(tf.tensor3d(v, [this.size, this.width, W])));
    });
  }

  private keep<T extends tf.Tensor>(t: T): T {
    this.constants.push(t);
    return t;
  }

  /** The distinct patterns of active members over an epoch's steps (a member is active while it has batches left). */
  private initPatterns(): void {
    const index = new Map<string, number>();
    for (let s = 0; s < this.stepsPerEpoch; s++) {
      const active = this.members.map((m) => s < m.steps);
      const key = active.map((a) => (a ? 1 : 0)).join('');
      let p = index.get(key);
      if (p === undefined) {
        p = this.patterns.length;
        index.set(key, p);
        this.patterns.push(active);
      }
      this.stepPattern.push(p);
    }
  }

  /** A [members, rows, cols] tensor with per-member value value(m) at the entries `where` allows, `otherwise` elsewhere. */
  private expand(i: number, value: (m: number) => number, where: Where | null = null, otherwise = 0): tf.Tensor3D {
    const R = this.rows[i];
    const C = this.cols[i];
    const v = new Float32Array(this.size * R * C);
    for (let m = 0; m < this.size; m++) {
      const x = value(m);
      const base = m * R * C;
      if (!where) {
        v.fill(x, base, base + R * C);
        continue;
      }
      for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) v[base + r * C + c] = where(m, r, c) ? x : otherwise;
    }
    return tf.tensor3d(v, [this.size, R, C]);
  }

  /** Entries per member over all weight layers (the mixed update's flat layout). */
  private get flatSize(): number {
    return this.rows.reduce((n, r, i) => n + r * this.cols[i], 0);
  }

  /** A [members, all parameters] tensor with value(m) across member m's row. */
  private expandFlat(value: (m: number) => number): tf.Tensor2D {
    const P = this.flatSize;
    const v = new Float32Array(this.size * P);
    for (let m = 0; m < this.size; m++) v.fill(value(m), m * P, (m + 1) * P);
    return tf.tensor2d(v, [this.size, P]);
  }

  /** Coefficients that depend only on which members are active, made once per pattern and kept. */
  private coefficient(pattern: number, name: string, make: (active: boolean[]) => tf.Tensor): tf.Tensor {
    let map = this.patternCoefficients.get(pattern);
    if (!map) {
      map = new Map();
      this.patternCoefficients.set(pattern, map);
    }
    let t = map.get(name);
    if (!t) {
      // Made inside a step's tidy, so kept from it.
      t = this.keep(tf.keep(make(this.patterns[pattern])));
      map.set(name, t);
    }
    return t;
  }

  /** Each member's rows `rowsOf` gives (its validation rows, say) as padded [members, rows, ·] tensors, kept. */
  private uploadRows(rowsOf: (d: MemberData, m: number) => Int32Array) {
    const sets = this.data.map(rowsOf);
    const V = Math.max(1, ...sets.map((rows) => rows.length));
    const I = this.inputs + 1;
    const O = this.outs;
    const x = new Float32Array(this.size * V * I);
    const y = new Float32Array(this.size * V * O);
    const lossWeight = new Float32Array(this.size * V * O);
    const rowWeight = new Float32Array(this.size * V * O);
    // Loss: the mean over rows (and over outputs, for bce and mse), as dataLoss takes it.
    const perOutput = this.settings.loss === 'cce' ? 1 : O;
    this.data.forEach((d, m) => {
      const n = sets[m].length;
      for (let r = 0; r < n; r++) {
        const row = sets[m][r];
        const at = (m * V + r) * I;
        for (let j = 0; j < this.inputs; j++) x[at + j] = d.x[row * this.inputs + j];
        x[at + this.inputs] = 1;
        this.writeTarget(y, (m * V + r) * O, d.y[row]);
        for (let o = 0; o < O; o++) {
          lossWeight[(m * V + r) * O + o] = 1 / (n * perOutput);
          rowWeight[(m * V + r) * O + o] = 1 / n;
        }
      }
    });
    return {
      x: this.keep(tf.tensor3d(x, [this.size, V, I])),
      y: this.keep(tf.tensor3d(y, [this.size, V, O])),
      lossWeight: this.keep(tf.tensor3d(lossWeight, [this.size, V, O])),
      rowWeight: this.keep(tf.tensor3d(rowWeight, [this.size, V, O])),
    };
  }

  /** A target as the network's outputs see it: the value, the class (binary) or a one-hot row. */
  private writeTarget(out: Float32Array, at: number, y: number): void {
    if (this.kind === 'softmax') out[at + y] = 1;
    else out[at] = y;
  }

  /** One pass over every member's training rows in its own seeded mini-batches. */
  trainEpoch(): void {
    const stepData = this.epochBatches();
    for (let s = 0; s < this.stepsPerEpoch; s++) {
      tf.tidy(() => this.step(stepData(s), this.stepPattern[s]));
    }
    this.epoch++;
  }

  /**
   * As trainEpoch, awaiting `between()` after a step whenever it returns a promise, so a worker
   * stays answerable through a long epoch (a big table). Returns false, the epoch not counted,
   * when the group was disposed during a wait.
   */
  async trainEpochPaced(between: () => Promise<void> | null): Promise<boolean> {
    const stepData = this.epochBatches();
    for (let s = 0; s < this.stepsPerEpoch; s++) {
      tf.tidy(() => this.step(stepData(s), this.stepPattern[s]));
      const wait = between();
      if (wait) await wait;
      if (this.weights.length === 0) return false;
    }
    this.epoch++;
    return true;
  }

  /** Shuffles (and augments) every member's rows for this epoch; returns a builder of each step's tensors. */
  private epochBatches(): (s: number) => { x: tf.Tensor3D; yw: tf.Tensor3D; w: tf.Tensor3D; drop: tf.Tensor3D[] } {
    this.members.forEach((st, m) => {
      shuffleInPlace(st.order, st.batchRand);
      if (st.augmenting) {
        const s = this.memberSettings[m];
        const d = this.data[m];
        if (!d.plot) throw new Error('augmentation needs the raw 2-D points');
        const raw = gatherRows(d.plot, 2, d.train);
        st.epochX = featurize(augmentPoints(raw, s.augment, s.dataset as Parameters<typeof augmentPoints>[2], st.augmentRand), st.n, s.features);
      }
    });
    const B = this.width;
    const I = this.inputs + 1;
    const O = this.outs;
    const loss = this.settings.loss;
    // In a mixed group the learning rate is part of each member's update instead.
    const sgd = !this.mixed && this.settings.optimizer === 'sgd';
    return (s) => {
      const x = new Float32Array(this.size * B * I);
      const yw = new Float32Array(this.size * B * O);
      const w = new Float32Array(this.size * B * O);
      const target = new Float32Array(O);
      this.members.forEach((st, m) => {
        if (s >= st.steps) return;
        const from = s * st.batch;
        const count = Math.min(st.batch, st.n - from);
        // dL/dlogits per row: (p − y)/count for the cross-entropies, 2(out − y)/(count·outputs) for MSE.
        let scale = loss === 'mse' ? 2 / (count * O) : 1 / count;
        // SGD's step −lr·g rides in the gradient itself.
        if (sgd) scale *= st.lr;
        const d = this.data[m];
        for (let r = 0; r < count; r++) {
          const local = st.order[from + r];
          const at = (m * B + r) * I;
          if (st.epochX) for (let j = 0; j < this.inputs; j++) x[at + j] = st.epochX[local * this.inputs + j];
          else {
            const row = d.train[local] * this.inputs;
            for (let j = 0; j < this.inputs; j++) x[at + j] = d.x[row + j];
          }
          x[at + this.inputs] = 1;
          target.fill(0);
          this.writeTarget(target, 0, d.y[d.train[local]]);
          for (let o = 0; o < O; o++) {
            w[(m * B + r) * O + o] = scale;
            yw[(m * B + r) * O + o] = target[o] * scale;
          }
        }
      });
      return {
        x: tf.tensor3d(x, [this.size, B, I]),
        yw: tf.tensor3d(yw, [this.size, B, O]),
        w: tf.tensor3d(w, [this.size, B, O]),
        drop: this.dropping ? this.dropMasks(s) : [],
      };
    };
  }

  /** Dropout masks per hidden layer: 0 or 1/(1 − rate) on real units (as tf.dropout scales), 1 on the ones unit. */
  private dropMasks(s: number): tf.Tensor3D[] {
    const B = this.width;
    return this.acts.map((_, i) => {
      const W = this.cols[i];
      const v = new Float32Array(this.size * B * W);
      this.members.forEach((st, m) => {
        const rate = st.dropout[i];
        const keep = 1 / (1 - rate);
        const u = st.units[i];
        const rows = s < st.steps ? Math.min(st.batch, st.n - s * st.batch) : 0;
        for (let r = 0; r < B; r++) {
          const at = (m * B + r) * W;
          if (rate > 0 && r < rows) for (let j = 0; j < u; j++) v[at + j] = st.dropRand() >= rate ? keep : 0;
          else v.fill(1, at, at + u);
          v[at + W - 1] = 1;
        }
      });
      return tf.tensor3d(v, [this.size, B, W]);
    });
  }


  /** dL/dz of hidden layer i from dL/da and the activation a (masked where the layer needs it). */
  private activationGrad(dA: tf.Tensor, a: tf.Tensor, i: number): tf.Tensor {
    const mask = this.unitMasks[i];
    switch (this.acts[i]) {
      case 'tanh':
        // As tfjs's tanh gradient: (1 − a²)·dy. Exactly 0 at the ones unit (a = 1).
        return tf.mul(tf.sub(1, tf.square(a)), dA);
      case 'sigmoid':
        return tf.mul(dA, tf.mul(a, tf.sub(1, a)));
      case 'relu':
        return tf.mul(tf.mul(dA, tf.step(a)), mask!);
      case 'linear':
        return tf.mul(dA, mask!);
    }
  }

  /** dL/dlogits, already scaled per row (and by the learning rate for SGD). */
  private outputGrad(z: tf.Tensor, yw: tf.Tensor, w: tf.Tensor): tf.Tensor {
    const { loss } = this.settings;
    if (this.kind === 'linear') return tf.sub(tf.mul(z, w), yw);
    const p = this.kind === 'sigmoid' ? tf.sigmoid(z) : tf.softmax(z);
    const d = tf.sub(tf.mul(p, w), yw);
    if (loss !== 'mse') return d;
    if (this.kind === 'sigmoid') return tf.mul(d, tf.sub(p, tf.square(p)));
    // MSE on softmax outputs: the softmax's Jacobian, p ⊙ (d − Σ d·p).
    return tf.mul(p, tf.sub(d, tf.sum(tf.mul(d, p), -1, true)));
  }

  private step(batch: { x: tf.Tensor3D; yw: tf.Tensor3D; w: tf.Tensor3D; drop: tf.Tensor3D[] }, pattern: number): void {
    const L = this.weights.length;
    const inputs: tf.Tensor[] = [batch.x];
    const acts: tf.Tensor[] = [];
    let h: tf.Tensor = batch.x;
    for (let i = 0; i < L - 1; i++) {
      const a = activate(tf.matMul(h, this.weights[i]), this.acts[i]);
      acts.push(a);
      h = this.dropping ? tf.mul(a, batch.drop[i]) : a;
      inputs.push(h);
    }
    let dz = this.outputGrad(tf.matMul(h, this.weights[L - 1]), batch.yw, batch.w);
    const grads: tf.Tensor[] = [];
    for (let i = L - 1; i >= 0; i--) {
      grads[i] = tf.matMul(inputs[i], dz, true, false);
      if (i === 0) break;
      let dA = tf.matMul(dz, this.weights[i], false, true);
      if (this.dropping) dA = tf.mul(dA, batch.drop[i - 1]);
      dz = this.activationGrad(dA, acts[i - 1], i - 1);
    }
    this.apply(grads, pattern);
  }

  /** Penalty gradient λ₂·2w + λ₁·sign(w) (0 at exactly 0, as in penalties.ts) on real kernel entries of active members. */
  private penaltyGrad(i: number, pattern: number, lrScaled: boolean): tf.Tensor | null {
    if (!this.penalized) return null;
    const w = this.weights[i];
    const f = (m: number) => (lrScaled ? this.members[m].lr : 1);
    const where = (m: number, r: number, c: number) => this.isKernel(m, i, r, c);
    const k2 = this.coefficient(pattern, `l2:${i}:${lrScaled}`, (act) => this.expand(i, (m) => (act[m] ? this.members[m].l2[i] * 2 * f(m) : 0), where)) as tf.Tensor3D;
    let g = tf.mul(w, k2);
    if (this.l1On) {
      const k1 = this.coefficient(pattern, `l1:${i}:${lrScaled}`, (act) => this.expand(i, (m) => (act[m] ? this.members[m].l1[i] * f(m) : 0), where)) as tf.Tensor3D;
      g = tf.add(g, tf.mul(tf.sign(w), k1));
    }
    return g;
  }

  private apply(grads: tf.Tensor[], pattern: number): void {
    if (this.mixed) {
      this.applyMixed(grads, pattern);
      return;
    }
    const opt = this.settings.optimizer;
    const s = this.settings;
    const pick = (on: (m: number) => number, off: number) => (act: boolean[]) => (m: number) => (act[m] ? on(m) : off);
    grads.forEach((g0, i) => {
      const w = this.weights[i];
      const st = this.state[i];
      if (opt === 'sgd') {
        // The gradient already carries −lr: w − lr·(g + penalty).
        const p = this.penaltyGrad(i, pattern, true);
        w.assign(tf.sub(w, p ? tf.add(g0, p) : g0));
        return;
      }
      const p = this.penaltyGrad(i, pattern, false);
      const g = p ? tf.add(g0, p) : g0;
      const coef = (name: string, make: (act: boolean[]) => (m: number) => number) =>
        this.coefficient(pattern, `${name}:${i}`, (act) => this.expand(i, make(act))) as tf.Tensor3D;
      switch (opt) {
        case 'momentum': {
          // tfjs: acc ← m·acc + g; w ← w − lr·acc. Inactive members: m = 1, lr = 0 (g is 0).
          const acc = tf.add(tf.mul(st[0], coef('m', pick(() => s.momentum, 1))), g);
          st[0].assign(acc);
          w.assign(tf.add(tf.mul(coef('-lr', pick((m) => -this.members[m].lr, 0)), acc), w));
          return;
        }
        case 'adam': {
          // tfjs: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← w − lr·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε).
          const m1 = tf.add(tf.mul(st[0], coef('b1', pick(() => s.beta1, 1))), tf.mul(g, coef('1-b1', pick(() => 1 - s.beta1, 0))));
          const v1 = tf.add(tf.mul(st[1], coef('b2', pick(() => s.beta2, 1))), tf.mul(tf.square(g), coef('1-b2', pick(() => 1 - s.beta2, 0))));
          st[0].assign(m1);
          st[1].assign(v1);
          const [c1, c2] = this.biasCorrections(i);
          const update = tf.div(tf.div(m1, c1), tf.add(tf.sqrt(tf.div(v1, c2)), s.epsilon));
          w.assign(tf.add(tf.mul(update, coef('-lr', pick((m) => -this.members[m].lr, 0))), w));
          return;
        }
        case 'rmsprop': {
          // tfjs (decay 0.9, momentum 0): ms ← 0.9·ms + 0.1·g²; w ← w − lr·g/√(ms + ε).
          const decay = 0.9;
          const ms = tf.add(tf.mul(st[0], coef('d', pick(() => decay, 1))), tf.mul(tf.square(g), coef('1-d', pick(() => 1 - decay, 0))));
          st[0].assign(ms);
          w.assign(tf.sub(w, tf.div(tf.mul(g, coef('lr', pick((m) => this.members[m].lr, 0))), tf.sqrt(tf.add(ms, s.epsilon)))));
          return;
        }
        case 'adagrad': {
          // tfjs: acc ← acc + g²; w ← w − lr·g/√(acc + ε), ε the backend's. A zero g changes nothing.
          const acc = tf.add(st[0], tf.square(g));
          st[0].assign(acc);
          w.assign(tf.add(tf.mul(tf.div(g, tf.sqrt(tf.add(acc, this.backendEpsilon))), coef('-lr', pick((m) => -this.members[m].lr, 0))), w));
          return;
        }
      }
    });
    if (opt === 'adam') {
      // tfjs keeps β₁ᵗ, β₂ᵗ as float32 scalars, multiplied after each step of that optimizer.
      this.patterns[pattern].forEach((active, m) => {
        if (!active) return;
        const st = this.members[m];
        st.accBeta1 = Math.fround(st.accBeta1 * Math.fround(s.beta1));
        st.accBeta2 = Math.fround(st.accBeta2 * Math.fround(s.beta2));
      });
    }
  }

  /**
   * Sets each member's learning rate for the steps that follow (a mixed group only: the race
   * applies the config's schedule epoch by epoch). Optimizer state is kept, as tfjs keeps it when
   * an optimizer's rate is changed.
   */
  setRates(lrs: readonly number[]): void {
    if (!this.mixed) throw new Error('setRates needs a mixed-optimizer group');
    if (lrs.length !== this.size) throw new RangeError(`expected ${this.size} rates, got ${lrs.length}`);
    lrs.forEach((lr, m) => (this.members[m].lr = lr));
  }

  /**
   * The unified update of a mixed group, per member m (g its gradient with penalties):
   *   A ← a·A + b·g;  B ← c·B + d·g²;  w ← w − η·A / (√(s·B + e₁) + e₂)
   * with, for each optimizer as tfjs writes it (optimizers.ts builds the same ones):
   *   sgd       a 0, b 1;      c 0, d 0;          s 0, e₁ 1, e₂ 0;  η lr           (w − lr·g)
   *   momentum  a β, b 1;      c 0, d 0;          s 0, e₁ 1, e₂ 0;  η lr           (v ← βv + g; w − lr·v)
   *   adam      a β₁, b 1−β₁;  c β₂, d 1−β₂;      s 1/(1−β₂ᵗ), e₁ 0, e₂ ε;  η lr/(1−β₁ᵗ)
   *   rmsprop   a 0, b 1;      c 0.9, d 0.1;      s 1, e₁ ε, e₂ 0;  η lr           (w − lr·g/√(ms + ε))
   *   adagrad   a 0, b 1;      c 1, d 1 (B from 0.1); s 1, e₁ the backend's ε, e₂ 0;  η lr
   * A member with no batch in this step (g exactly 0) gets a 1, b 0, c 1, d 0, η 0: nothing changes.
   * a–e₂ depend only on the pattern of active members and are kept; η and s change with the
   * schedule and Adam's step count, so they are made per step (two small uploads).
   * The update runs once over every layer's parameters side by side, [members, parameters]:
   * on small networks each tfjs op costs far more than its arithmetic, and this is 14 ops a step
   * instead of 14 per layer.
   */
  private applyMixed(grads: tf.Tensor[], pattern: number): void {
    const active = this.patterns[pattern];
    const opt = (m: number) => this.memberSettings[m].optimizer;
    const statics: Record<string, (m: number) => number> = {
      a: (m) => (!active[m] ? 1 : opt(m) === 'momentum' ? this.memberSettings[m].momentum : opt(m) === 'adam' ? this.memberSettings[m].beta1 : 0),
      b: (m) => (!active[m] ? 0 : opt(m) === 'adam' ? 1 - this.memberSettings[m].beta1 : 1),
      c: (m) => (!active[m] ? 1 : opt(m) === 'adam' ? this.memberSettings[m].beta2 : opt(m) === 'rmsprop' ? RMSPROP_DECAY : opt(m) === 'adagrad' ? 1 : 0),
      d: (m) => (!active[m] ? 0 : opt(m) === 'adam' ? 1 - this.memberSettings[m].beta2 : opt(m) === 'rmsprop' ? 1 - RMSPROP_DECAY : opt(m) === 'adagrad' ? 1 : 0),
      e1: (m) => (opt(m) === 'sgd' || opt(m) === 'momentum' ? 1 : opt(m) === 'rmsprop' ? this.memberSettings[m].epsilon : opt(m) === 'adagrad' ? this.backendEpsilon : 0),
      e2: (m) => (opt(m) === 'adam' ? this.memberSettings[m].epsilon : 0),
    };
    // Adam's bias corrections as tfjs computes them: 1 − β₁ᵗ, 1 − β₂ᵗ in float32.
    const eta = (m: number) => {
      if (!active[m]) return 0;
      const lr = this.members[m].lr;
      return opt(m) === 'adam' ? lr / Math.fround(1 - this.members[m].accBeta1) : lr;
    };
    const scale = (m: number) => (opt(m) === 'adam' ? 1 / Math.fround(1 - this.members[m].accBeta2) : opt(m) === 'sgd' || opt(m) === 'momentum' ? 0 : 1);
    const flat = (t: tf.Tensor) => tf.reshape(t, [this.size, -1]);
    const g = tf.concat(
      grads.map((g0, i) => {
        const p = this.penaltyGrad(i, pattern, false);
        return flat(p ? tf.add(g0, p) : g0);
      }),
      1,
    );
    const w = tf.concat(this.weights.map(flat), 1);
    const [A, B] = this.state[0];
    const k = (name: string) => this.coefficient(pattern, `mixed:${name}`, () => this.expandFlat(statics[name]));
    const a1 = tf.add(tf.mul(A, k('a')), tf.mul(g, k('b')));
    const b1 = tf.add(tf.mul(B, k('c')), tf.mul(tf.square(g), k('d')));
    A.assign(a1);
    B.assign(b1);
    const den = tf.add(tf.sqrt(tf.add(tf.mul(b1, this.expandFlat(scale)), k('e1'))), k('e2'));
    const next = tf.sub(w, tf.div(tf.mul(a1, this.expandFlat(eta)), den));
    const parts = tf.split(next, this.rows.map((r, i) => r * this.cols[i]), 1);
    parts.forEach((part, i) => this.weights[i].assign(tf.reshape(part, this.weights[i].shape)));
    active.forEach((on, m) => {
      if (!on || opt(m) !== 'adam') return;
      const st = this.members[m];
      st.accBeta1 = Math.fround(st.accBeta1 * Math.fround(this.memberSettings[m].beta1));
      st.accBeta2 = Math.fround(st.accBeta2 * Math.fround(this.memberSettings[m].beta2));
    });
  }

  /** Adam's 1 − β₁ᵗ and 1 − β₂ᵗ for this step: a scalar when every member has the same, else full tensors. */
  private biasCorrections(i: number): [tf.Tensor, tf.Tensor] {
    const one = (f: (st: MemberState) => number): tf.Tensor => {
      const values = this.members.map((st) => Math.fround(1 - f(st)));
      if (values.every((v) => v === values[0])) return tf.scalar(values[0]);
      return this.expand(i, (m) => values[m]);
    };
    return [one((st) => st.accBeta1), one((st) => st.accBeta2)];
  }

  /** [members, 2]: validation loss and accuracy (0 for regression) of the current weights, on the device. */
  metrics(): tf.Tensor2D {
    return tf.tidy(() => tf.stack(this.lossAndAccuracy(this.val), 1) as tf.Tensor2D);
  }

  /**
   * [members, 2]: training and validation loss of the current weights, on the device. The
   * training loss is the Trainer's: over every training row, or over the same fixed seeded sample
   * of TRAIN_METRIC_ROWS rows the Trainer uses on larger sets (original rows, not augmented, no dropout).
   */
  lossMetrics(): tf.Tensor2D {
    if (!this.trainRows) this.trainRows = this.uploadRows((d, m) => trainMetricRows(d.train, this.memberSettings[m].seed));
    const rows = this.trainRows;
    return tf.tidy(() => tf.stack([this.lossAndAccuracy(rows, false)[0], this.lossAndAccuracy(this.val, false)[0]], 1) as tf.Tensor2D);
  }

  /** Per member: the data loss and the accuracy (0 for regression) on a set of rows. */
  private lossAndAccuracy(set: { x: tf.Tensor3D; y: tf.Tensor3D; lossWeight: tf.Tensor3D; rowWeight: tf.Tensor3D }, withAccuracy = true): [tf.Tensor, tf.Tensor] {
    const L = this.weights.length;
    let h: tf.Tensor = set.x;
    for (let i = 0; i < L - 1; i++) h = activate(tf.matMul(h, this.weights[i]), this.acts[i]);
    const z = tf.matMul(h, this.weights[L - 1]);
    const y = set.y;
    let perElement: tf.Tensor;
    switch (this.settings.loss) {
      case 'bce':
        perElement = tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
        break;
      case 'cce':
        // −Σ y log softmax(z), spread over the K columns (the weights count each row once).
        perElement = tf.neg(tf.mul(y, tf.logSoftmax(z)));
        break;
      case 'mse': {
        const out = this.kind === 'sigmoid' ? tf.sigmoid(z) : this.kind === 'softmax' ? tf.softmax(z) : z;
        perElement = tf.squaredDifference(out, y);
        break;
      }
    }
    const lossPer = tf.sum(tf.mul(perElement, set.lossWeight), [1, 2]);
    let acc: tf.Tensor;
    if (!withAccuracy) acc = lossPer;
    else if (this.kind === 'linear') acc = tf.zerosLike(lossPer);
    else if (this.kind === 'sigmoid') {
      acc = tf.sum(tf.mul(tf.cast(tf.equal(tf.cast(tf.greater(z, 0), 'float32'), y), 'float32'), set.rowWeight), [1, 2]);
    } else {
      const hit = tf.cast(tf.equal(tf.argMax(z, -1), tf.argMax(y, -1)), 'float32');
      // rowWeight repeats 1/n over the K columns; one column is enough.
      const w = tf.squeeze(tf.slice(set.rowWeight, [0, 0, 0], [-1, -1, 1]), [2]);
      acc = tf.sum(tf.mul(hit, w), 1);
    }
    return [lossPer, acc];
  }

  /** Copies of each member's real weights (kernel fanIn × fanOut, bias fanOut) per layer, for tests. */
  async readWeights(): Promise<{ kernel: Float32Array; bias: Float32Array }[][]> {
    const all = await Promise.all(this.weights.map((w) => w.data() as Promise<Float32Array>));
    return this.members.map((_, m) =>
      all.map((v, i) => {
        const [fi, fo] = this.fans(m, i);
        const R = this.rows[i];
        const C = this.cols[i];
        const base = m * R * C;
        const kernel = new Float32Array(fi * fo);
        for (let r = 0; r < fi; r++) for (let c = 0; c < fo; c++) kernel[r * fo + c] = v[base + r * C + c];
        const bias = v.slice(base + (R - 1) * C, base + (R - 1) * C + fo);
        return { kernel, bias };
      }),
    );
  }

  /**
   * A group of only the members `keep` (indices into this group, ascending), carrying over
   * everything they have: weights, optimizer state, Adam's step counts, the epoch, and each
   * member's own batch order, augmentation and dropout streams (the same objects move over), so
   * each survivor trains on exactly as it would have in this group (pruned members leave while
   * the others train on). The hidden layers shrink to the survivors' widest (padding only ever
   * adds exact zeros). This group is left as it was; the caller disposes it.
   */
  survivors(keep: readonly number[]): BatchedMlp {
    if (this.mixed) throw new Error('a mixed-optimizer group cannot drop members');
    if (keep.length === 0 || keep.some((m, j) => !(m >= 0 && m < this.size) || (j > 0 && m <= keep[j - 1]))) throw new RangeError('keep must list members in ascending order');
    const members = keep.map((m) => ({ settings: this.memberSettings[m], data: this.data[m] }));
    const next = new BatchedMlp(members, { inputs: this.inputs, classes: this.kind === 'softmax' ? this.outs : this.kind === 'sigmoid' ? 2 : 1 });
    keep.forEach((m, j) => (next.members[j] = this.members[m]));
    next.epoch = this.epoch;
    const idx = tf.tensor1d(Int32Array.from(keep), 'int32');
    try {
      const crop = (t: tf.Tensor, i: number) =>
        tf.tidy(() => {
          const R = this.rows[i];
          const C = this.cols[i];
          const R2 = next.rows[i];
          const C2 = next.cols[i];
          let x = tf.gather(t, idx, 0);
          // Rows: the kept fan-in, then the bias row (always last). Columns: the kept units,
          // then the ones unit (last) of a hidden layer; the output layer keeps all its columns.
          if (R2 < R) x = tf.concat([tf.slice(x, [0, 0, 0], [-1, R2 - 1, -1]), tf.slice(x, [0, R - 1, 0], [-1, 1, -1])], 1);
          if (C2 < C) x = tf.concat([tf.slice(x, [0, 0, 0], [-1, -1, C2 - 1]), tf.slice(x, [0, 0, C - 1], [-1, -1, 1])], 2);
          return x;
        });
      this.weights.forEach((w, i) => {
        const v = crop(w, i);
        next.weights[i].assign(v);
        v.dispose();
        this.state[i].forEach((st, k) => {
          const sv = crop(st, i);
          next.state[i][k].assign(sv);
          sv.dispose();
        });
      });
    } finally {
      idx.dispose();
    }
    return next;
  }

  dispose(): void {
    this.weights.forEach((w) => w.dispose());
    this.state.flat().forEach((v) => v.dispose());
    this.constants.forEach((t) => t.dispose());
    this.weights.length = 0;
    this.state.length = 0;
    this.constants.length = 0;
    this.patternCoefficients.clear();
  }
}

/**
 * The rows (of the source) whose training loss the Trainer reports: every training row, or above
 * TRAIN_METRIC_ROWS the Trainer's fixed seeded sample of its local rows (trainer.ts, metricSample).
 */
export function trainMetricRows(train: Int32Array, seed: number): Int32Array {
  if (train.length <= TRAIN_METRIC_ROWS) return train;
  const order = Int32Array.from({ length: train.length }, (_, i) => i);
  shuffleInPlace(order, mulberry32(hashSeed(seed, 'metric-sample')));
  return Int32Array.from(order.slice(0, TRAIN_METRIC_ROWS).sort(), (local) => train[local]);
}

/** A member's score: validation loss and accuracy (null for regression) where its training ended. */
export interface MemberResult {
  loss: number;
  accuracy: number | null;
  /** Where early stopping ended the member, when it did. */
  stop: EarlyStop | null;
}

/**
 * Early stopping as the Trainer's EarlyStopper decides it, fed one epoch's validation loss at a
 * time: the first epoch `patience` epochs after the last improvement by more than `minDelta`
 * ends the run, at the best epoch's weights when `restoreBest` (else at that epoch's).
 */
export class StopJudge {
  private best = Infinity;
  private bestEpoch = 0;
  private improved = false;
  stop: EarlyStop | null = null;

  constructor(private readonly s: StoppingSettings) {}

  get active(): boolean {
    return this.s.patience > 0;
  }

  /** The epoch whose weights the member ends with, once stopped. */
  get scoreEpoch(): number | null {
    if (!this.stop) return null;
    return this.stop.restored ? this.stop.bestEpoch : this.stop.stopEpoch;
  }

  feed(epoch: number, valLoss: number): void {
    if (!this.active || this.stop) return;
    if (valLoss < this.best - this.s.minDelta) {
      this.best = valLoss;
      this.bestEpoch = epoch;
      this.improved = true;
    }
    if (epoch - this.bestEpoch >= this.s.patience) {
      this.stop = { bestEpoch: this.bestEpoch, stopEpoch: epoch, bestValLoss: this.best, restored: this.s.restoreBest && this.improved };
    }
  }
}

export interface TrainMembersOptions {
  /** Checked every epoch; when it says so, training ends and the call resolves to null. */
  cancelled?: () => boolean;
  /** How often (ms) to let the thread's other events in, e.g. a cancel message to a worker. */
  yieldMs?: number;
  /** With early stopping, how many epochs' metrics to read at once (they stay on the device until then). */
  readEvery?: number;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Trains the members as one batched group for `epochs` epochs and scores each on its validation
 * rows, as crossValidate scores a fold: the final weights, or with early stopping (a member's
 * `patience` > 0) the weights of the epoch where the Trainer would have stopped (its best epoch
 * when restoring). A stopped member trains on with the others but its score is the one at its
 * stop; the group ends early once every member has stopped. Metrics stay on the device and are
 * read once at the end (every `readEvery` epochs with early stopping).
 */
export async function trainMembers(members: readonly BatchMember[], shape: GroupShape, epochs: number, opts: TrainMembersOptions = {}): Promise<MemberResult[] | null> {
  const { cancelled = () => false, yieldMs = 100, readEvery = 25 } = opts;
  const net = new BatchedMlp(members, shape);
  const judges = members.map((m) => new StopJudge(m.settings));
  const stopping = judges.some((j) => j.active);
  const pending: tf.Tensor2D[] = [];
  /** Per epoch read so far: [loss, accuracy] of every member. */
  const history: Float32Array[] = [];
  const read = async () => {
    if (pending.length === 0) return;
    const stacked = tf.stack(pending);
    pending.forEach((t) => t.dispose());
    pending.length = 0;
    const flat = (await stacked.data()) as Float32Array;
    stacked.dispose();
    const width = 2 * members.length;
    for (let at = 0; at < flat.length; at += width) {
      const epoch = history.length;
      const row = flat.slice(at, at + width);
      history.push(row);
      judges.forEach((j, m) => j.feed(epoch, row[2 * m]));
    }
  };
  try {
    if (stopping) pending.push(net.metrics());
    let lastYield = performance.now();
    while (net.epoch < epochs) {
      if (cancelled()) return null;
      net.trainEpoch();
      if (stopping) {
        pending.push(net.metrics());
        if (net.epoch % readEvery === 0) {
          await read();
          if (judges.every((j) => j.stop)) break;
        }
      }
      if (performance.now() - lastYield >= yieldMs) {
        await nextTask();
        lastYield = performance.now();
        if (cancelled()) return null;
      }
    }
    if (stopping) await read();
    else {
      const t = net.metrics();
      history[net.epoch] = (await t.data()) as Float32Array;
      t.dispose();
    }
    const classification = shape.classes > 1;
    return members.map((_, m) => {
      const at = judges[m].scoreEpoch ?? net.epoch;
      const row = history[at];
      return { loss: row[2 * m], accuracy: classification ? row[2 * m + 1] : null, stop: judges[m].stop };
    });
  } finally {
    pending.forEach((t) => t.dispose());
    net.dispose();
  }
}
