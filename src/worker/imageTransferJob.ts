// Transfer learning on images, in the transfer worker: pretrain a CNN base (an ImageModel of the
// chosen stack, with its own 5-way head) on digits 0–4, then train on few images of digits 5–9
// three ways on the same data, seed and batch order: from scratch (the same layers, fresh seeded
// weights), frozen base + new head (the base's weights copied in and kept fixed), and fine-tune
// all (copied in, everything trains at lr × lrFactor). Adam throughout. Metrics stay on the
// device and are read in one download per report; every model and tensor is disposed.
import * as tf from '@tensorflow/tfjs-core';
import { hashSeed, mulberry32, shuffleInPlace } from '../data/random';
import type { ImageLayer } from '../engine/imageLayers';
import { ImageModel } from '../engine/imageModel';
import type { LayerWeights } from '../engine/model';
import type { OptimizerSettings } from '../engine/optimizers';
import type { EpochMetrics } from '../shared/protocol';
import { IMAGE_INPUT } from '../shared/imageStack';
import {
  TRANSFER_METHODS,
  type BaseInfo,
  type ImageTransferSettings,
  type MethodResult,
  type PretrainProgress,
  type TransferMethod,
  type TransferProgress,
  type TransferResult,
  type TransferSettings,
} from '../shared/transferProtocol';
import { incompatibility } from '../transfer/checks';
import { baseStack } from '../transfer/imageBase';
import type { Base } from '../transfer/modelFile';
import { findTask, type TaskData } from '../transfer/tasks';
import { breather } from './workerBase';

/** Least time between metric reads (one download each) while the target methods train. */
const READ_MS = 250;

const adam = (lr: number): OptimizerSettings => ({ optimizer: 'adam', lr, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });

/** A set on the device: images (n × 28 × 28 × 1) and labels. */
interface DeviceSet {
  x: tf.Tensor4D;
  y: tf.Tensor1D;
  n: number;
}

function upload(s: TaskData['train']): DeviceSet {
  return { x: tf.tensor4d(s.x, [s.n, ...IMAGE_INPUT]), y: tf.tensor1d(s.y), n: s.n };
}

function release(...sets: DeviceSet[]): void {
  for (const s of sets) {
    s.x.dispose();
    s.y.dispose();
  }
}

/** Evaluation chunk: a few hundred images at a time keep the conv activations small. */
const CHUNK = 500;

/** [loss, accuracy] of the model on a set, as one device tensor (chunked, weighted by size). */
function evaluateSet(m: ImageModel, s: DeviceSet): tf.Tensor1D {
  return tf.tidy(() => {
    let sum: tf.Tensor = tf.zeros([2]);
    for (let at = 0; at < s.n; at += CHUNK) {
      const k = Math.min(CHUNK, s.n - at);
      const part = m.evaluate(tf.slice(s.x, [at, 0, 0, 0], [k, -1, -1, -1]), tf.slice(s.y, [at], [k]));
      sum = tf.add(sum, tf.mul(part, k));
    }
    return tf.div(sum, s.n) as tf.Tensor1D;
  });
}

interface LoopOptions {
  epochs: number;
  batch: number;
  /** Seeds the batch order (the same for every method). */
  seed: number;
  cancelled: () => boolean;
  /** All metrics so far (epoch 0 first), after each read. */
  onRead: (all: EpochMetrics[]) => Promise<void> | void;
  /** Epochs done (fractional), between reads too: no download. */
  onStep?: (epochs: number) => Promise<void> | void;
  /** Read after every epoch (pretraining: few, long epochs), else at most every READ_MS. */
  readEveryEpoch?: boolean;
}

/**
 * Trains `m` on `train` for `epochs`, judging on `val` after each epoch. Each epoch's
 * [train loss, val loss, val accuracy] stays on the device until a read, which downloads every
 * pending epoch at once. Returns all metrics, or null when cancelled.
 */
async function trainImages(m: ImageModel, train: DeviceSet, val: DeviceSet, o: LoopOptions): Promise<EpochMetrics[] | null> {
  const pending: tf.Tensor1D[] = [];
  const all: EpochMetrics[] = [];
  const breathe = breather();
  let lastRead = performance.now();
  const read = async (firstEpoch: number) => {
    if (!pending.length) return;
    const packed = tf.stack(pending);
    pending.forEach((t) => t.dispose());
    const n = pending.length;
    pending.length = 0;
    const v = (await packed.data()) as Float32Array;
    packed.dispose();
    for (let k = 0; k < n; k++) {
      const [trainLoss, trainAcc, valLoss, valAcc] = v.subarray(4 * k, 4 * k + 4);
      all.push({ epoch: firstEpoch + k, trainLoss, valLoss, trainAcc: Number.isNaN(trainAcc) ? null : trainAcc, valAcc });
    }
    lastRead = performance.now();
    await o.onRead(all);
  };
  try {
    // Epoch 0: the starting point, on the training images too.
    pending.push(tf.tidy(() => tf.concat([evaluateSet(m, train), evaluateSet(m, val)]) as tf.Tensor1D));
    await read(0);
    const order = Int32Array.from({ length: train.n }, (_, i) => i);
    const batch = Math.max(1, Math.min(o.batch, train.n));
    for (let epoch = 1; epoch <= o.epochs; epoch++) {
      shuffleInPlace(order, mulberry32(hashSeed(o.seed, 'image-transfer-order', epoch)));
      let sum: tf.Scalar = tf.scalar(0);
      for (let at = 0; at < train.n; at += batch) {
        if (o.cancelled()) {
          sum.dispose();
          return null;
        }
        const idx = tf.tensor1d(order.subarray(at, Math.min(train.n, at + batch)), 'int32');
        const xb = tf.gather(train.x, idx);
        const yb = tf.gather(train.y, idx);
        const loss = m.trainStep(xb, yb);
        const next = tf.tidy(() => tf.add(sum, tf.mul(loss, idx.size)));
        for (const t of [idx, xb, yb, loss, sum]) t.dispose();
        sum = next as tf.Scalar;
        const pause = breathe();
        if (pause) {
          await o.onStep?.(epoch - 1 + Math.min(1, (at + batch) / train.n));
          await pause;
        }
      }
      pending.push(tf.tidy(() => tf.concat([tf.stack([tf.div(sum, train.n), tf.scalar(NaN)]), evaluateSet(m, val)]) as tf.Tensor1D));
      sum.dispose();
      if (o.readEveryEpoch || epoch === o.epochs || performance.now() - lastRead >= READ_MS) await read(epoch - pending.length + 1);
    }
    return all;
  } finally {
    pending.forEach((t) => t.dispose());
  }
}

/** The weight layers (conv and dense) of what readWeights gives, in order. */
function weightLayers(read: readonly (LayerWeights | null)[]): LayerWeights[] {
  return read.filter((w): w is LayerWeights => w !== null);
}

/** A base's weight layers placed at their layers of `stack` (null where a layer has none); the head is left out. */
export function placeBase(stack: readonly ImageLayer[], base: Base): (LayerWeights | null)[] {
  let k = 0;
  return stack.map((l) => (l.kind === 'conv' || l.kind === 'dense' ? base.layers[k++] : null));
}

function layersOf(stack: string, classes: number): ImageLayer[] {
  const s = baseStack(stack, classes);
  if (!s.ok) throw new Error(`The base's layers are refused: ${s.reason}.`);
  return s.layers;
}

/** Pretrains an image base on `sourceKey`; null when cancelled. */
export async function pretrainImageBase(
  sourceKey: string,
  settings: TransferSettings,
  report: (p: PretrainProgress) => Promise<void> | void,
  cancelled: () => boolean = () => false,
): Promise<Base | null> {
  const s: ImageTransferSettings = settings.image;
  const task = findTask(sourceKey);
  const layers = layersOf(s.stack, task.classNames.length);
  const data = await task.build({ nTrain: s.sourceImages, seed: settings.seed });
  const train = upload(data.train);
  const val = upload(data.val);
  // Pretraining draws its weights from a stream of its own: the target models' new heads must not be the very head the base grew up with.
  const m = new ImageModel(IMAGE_INPUT, layers, data.classes, adam(s.lr), hashSeed(settings.seed, 'image-pretrain'));
  try {
    let last: EpochMetrics | null = null;
    const progress = (epochs: number) => report({ epoch: last?.epoch ?? 0, epochs: s.pretrainEpochs, valLoss: last?.valLoss ?? NaN, valAcc: last?.valAcc ?? null, fraction: epochs / s.pretrainEpochs });
    const curve = await trainImages(m, train, val, {
      epochs: s.pretrainEpochs,
      batch: s.batch,
      seed: hashSeed(settings.seed, 'image-pretrain'),
      cancelled,
      readEveryEpoch: true,
      onRead: (all) => {
        last = all[all.length - 1];
        return progress(last.epoch);
      },
      onStep: progress,
    });
    if (!curve) return null;
    const end = curve[curve.length - 1];
    const info: BaseInfo = {
      name: `${task.key}-cnn-seed${settings.seed}-${Date.now().toString(36)}`,
      source: task.key,
      sourceLabel: task.label,
      domain: task.domain,
      inputNames: [...task.inputNames],
      classNames: [...task.classNames],
      layers: [],
      activations: [],
      seed: settings.seed,
      epochs: s.pretrainEpochs,
      sourceTrain: data.train.n,
      sourceValLoss: end.valLoss,
      sourceValAcc: end.valAcc ?? 0,
      createdAt: new Date().toISOString(),
      image: { stack: s.stack, input: [...IMAGE_INPUT] as [number, number, number] },
    };
    return { info, layers: weightLayers(await m.readWeights()) };
  } finally {
    m.dispose();
    release(train, val);
  }
}

/** The first epoch whose validation accuracy is at or above `target`, or null. */
export function epochsToAccuracy(curve: readonly EpochMetrics[], target: number): number | null {
  return curve.find((m) => (m.valAcc ?? -1) >= target)?.epoch ?? null;
}

interface ImagePlan {
  method: TransferMethod;
  lr: number;
  /** Copy the base in. */
  reuse: boolean;
  /** Keep the base's layers fixed. */
  freeze: boolean;
}

export function imagePlans(s: ImageTransferSettings): ImagePlan[] {
  return TRANSFER_METHODS.map((method) => ({
    method,
    lr: method === 'finetune' ? s.lr * s.lrFactor : s.lr,
    reuse: method !== 'scratch',
    freeze: method === 'frozen',
  }));
}

/** One method's model on the target: the base's stack with a fresh seeded head (the caller disposes it). */
export function buildImageTarget(base: Base, classes: number, seed: number, plan: ImagePlan): ImageModel {
  const stack = layersOf(base.info.image!.stack, classes);
  const m = new ImageModel(IMAGE_INPUT, stack, classes, adam(plan.lr), seed);
  try {
    if (plan.reuse) m.loadWeights(placeBase(stack, base));
    if (plan.freeze) m.freeze(stack.length);
    return m;
  } catch (e) {
    m.dispose();
    throw e;
  }
}

/** Trains the three methods on the image target with the same data, seed and batch order; null when cancelled. */
export async function compareImageMethods(
  base: Base,
  targetKey: string,
  settings: TransferSettings,
  report: (p: TransferProgress) => Promise<void> | void,
  cancelled: () => boolean = () => false,
): Promise<TransferResult | null> {
  const s = settings.image;
  const target = findTask(targetKey);
  const bad = incompatibility({ label: base.info.sourceLabel, domain: base.info.domain, inputNames: base.info.inputNames, kind: base.info.image ? 'image' : undefined }, target);
  if (bad) throw new Error(`Cannot reuse the base pretrained on “${base.info.sourceLabel}” for “${target.label}”. ${bad}`);
  const data = await target.build({ nTrain: s.nTarget, seed: settings.seed });
  const train = upload(data.train);
  const val = upload(data.val);
  const curves: Partial<Record<TransferMethod, EpochMetrics[]>> = {};
  const methods: MethodResult[] = [];
  const all = imagePlans(s);
  const total = all.length * s.epochs;
  // The layers (1-based) that hold weights: what the frozen method keeps fixed.
  const weighted = layersOf(base.info.image!.stack, data.classes).flatMap((l, j) => (l.kind === 'conv' || l.kind === 'dense' ? [j + 1] : []));
  try {
    for (let i = 0; i < all.length; i++) {
      const plan = all[i];
      const m = buildImageTarget(base, data.classes, settings.seed, plan);
      try {
        const curve = await trainImages(m, train, val, {
          epochs: s.epochs,
          batch: s.batch,
          seed: hashSeed(settings.seed, 'image-target'),
          cancelled,
          onRead: (c) => {
            curves[plan.method] = c;
            return report({ method: plan.method, done: i * s.epochs + c[c.length - 1].epoch, total, curves: { ...curves } });
          },
        });
        if (!curve) return null;
        const last = curve[curve.length - 1];
        methods.push({
          method: plan.method,
          lr: plan.lr,
          frozenLayers: plan.freeze ? weighted : [],
          curve,
          finalValLoss: last.valLoss,
          finalValAcc: last.valAcc,
          epochsToTarget: epochsToAccuracy(curve, s.targetAcc),
        });
      } finally {
        m.dispose();
      }
    }
  } finally {
    release(train, val);
  }
  return {
    source: base.info.source,
    target: target.key,
    nTarget: data.train.n,
    nVal: data.val.n,
    seed: settings.seed,
    targetLoss: settings.targetLoss,
    targetAcc: s.targetAcc,
    headOutputs: data.classes,
    methods,
  };
}
