// Transfer learning in the worker: pretrain a base on a source task, then train on a target task
// three ways on the same data and seed (from scratch; frozen base layers + a new head; all layers
// fine-tuned at a lower learning rate), and keep bases in IndexedDB or as model files. Every
// model is a Trainer, disposed before the next; the base's weights live here as plain arrays.
import * as tf from '@tensorflow/tfjs-core';
import type { StartWeights } from '../engine/model';
import { Trainer, type TrainerData, type TrainerSettings } from '../engine/trainer';
import type { EpochMetrics } from '../shared/protocol';
import {
  TRANSFER_METHODS,
  type BaseInfo,
  type MethodResult,
  type PretrainProgress,
  type TransferMethod,
  type TransferProgress,
  type TransferResult,
  type TransferSettings,
} from '../shared/transferProtocol';
import { incompatibility } from '../transfer/checks';
import { fromArtifacts, toArtifacts, type Base } from '../transfer/modelFile';
import { findTask, type TaskData } from '../transfer/tasks';
import { breather } from './workerBase';

/** Epochs between metric reads (and progress reports). */
const REPORT_EVERY = 5;
/**
 * Pretraining draws its initial weights as run 1 of the seed, the target models as run 0: the new
 * head must not be the very head the base's features grew up with.
 */
const PRETRAIN_RUN = 1;

const empty = (inputs: number) => ({ x: new Float32Array(0), y: new Float32Array(0), n: 0, inputs });

function trainerData(d: TaskData): TrainerData {
  const none = empty(d.inputs);
  return { inputs: d.inputs, classes: d.classes, train: d.train, val: d.val, test: none, grid: none.x, trainRaw: new Float32Array(0) };
}

/** A plain training setup: no penalties, dropout, batch norm, schedule, clipping, augmentation or early stopping. */
export function trainerSettings(s: TransferSettings, layers: readonly number[], activations: TrainerSettings['activations'], classes: number, lr: number): TrainerSettings {
  return {
    dataset: 'circle',
    features: ['x1', 'x2'],
    layers: [...layers],
    activations: [...activations],
    init: 'glorotUniform',
    loss: classes > 2 ? 'cce' : 'bce',
    batch: s.batch,
    seed: s.seed,
    l1: 0,
    l2: 0,
    dropout: layers.map(() => 0),
    batchnorm: layers.map(() => false),
    schedule: 'constant',
    clip: 0,
    augment: { jitter: 0, symmetry: false },
    patience: 0,
    minDelta: 0,
    restoreBest: false,
    optimizer: s.optimizer,
    lr,
    momentum: 0.9,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
  };
}

/**
 * Trains `t` to `epochs`, reading metrics every REPORT_EVERY epochs; `onRead` sees all metrics so
 * far. Returns them all (epoch 0 first), or null when cancelled.
 */
async function trainFor(t: Trainer, epochs: number, cancelled: () => boolean, onRead: (m: EpochMetrics[]) => Promise<void> | void): Promise<EpochMetrics[] | null> {
  const all = await t.flush();
  const breathe = breather();
  while (t.epoch < epochs) {
    if (cancelled()) return null;
    await t.trainEpochPaced(breathe);
    if (t.epoch % REPORT_EVERY === 0 || t.epoch === epochs) {
      all.push(...(await t.flush()));
      await onRead(all);
    }
  }
  return all;
}

/** Pretrains a base on `sourceKey`; null when cancelled. */
export async function pretrainBase(
  sourceKey: string,
  s: TransferSettings,
  report: (p: PretrainProgress) => Promise<void> | void,
  cancelled: () => boolean = () => false,
): Promise<Base | null> {
  const task = findTask(sourceKey);
  if (s.layers.length === 0) throw new Error('A base needs at least one hidden layer to pass on.');
  const data = await task.build({ nTrain: task.maxTrain, seed: s.seed });
  const t = new Trainer(trainerData(data), trainerSettings(s, s.layers, s.activations, data.classes, s.lr), PRETRAIN_RUN);
  try {
    const curve = await trainFor(t, s.pretrainEpochs, cancelled, (m) => {
      const last = m[m.length - 1];
      return report({ epoch: last.epoch, epochs: s.pretrainEpochs, valLoss: last.valLoss, valAcc: last.valAcc });
    });
    if (!curve) return null;
    const last = curve[curve.length - 1];
    const layers = await t.model.readLayers();
    const info: BaseInfo = {
      name: `${task.key}-${s.layers.join('x')}-seed${s.seed}-${Date.now().toString(36)}`,
      source: task.key,
      sourceLabel: task.label,
      domain: task.domain,
      inputNames: [...task.inputNames],
      classNames: [...task.classNames],
      layers: [...s.layers],
      activations: [...s.activations],
      seed: s.seed,
      epochs: s.pretrainEpochs,
      sourceTrain: data.train.n,
      sourceValLoss: last.valLoss,
      sourceValAcc: last.valAcc ?? 0,
      createdAt: new Date().toISOString(),
      ...(data.stats !== undefined ? { stats: data.stats } : {}),
    };
    return { info, layers };
  } finally {
    t.dispose();
  }
}

/** The first epoch whose validation loss is at or below `target`, or null. */
export function epochsToReach(curve: readonly EpochMetrics[], target: number): number | null {
  return curve.find((m) => m.valLoss <= target)?.epoch ?? null;
}

interface Plan {
  method: TransferMethod;
  lr: number;
  start?: StartWeights;
}

/** The three methods' learning rates and starting weights, for a base's hidden layers. */
export function plans(base: Base, s: TransferSettings): Plan[] {
  const hidden = base.layers.slice(0, base.info.layers.length);
  const frozen = hidden.map((_, i) => s.frozen[i] ?? true);
  return TRANSFER_METHODS.map((method) =>
    method === 'scratch'
      ? { method, lr: s.lr }
      : method === 'frozen'
        ? { method, lr: s.lr, start: { layers: hidden, frozen } }
        : { method, lr: s.lr * s.lrFactor, start: { layers: hidden } },
  );
}

/** Builds the target model of one method (the caller disposes it). */
export function buildTarget(base: Base, data: TaskData, s: TransferSettings, plan: Plan): Trainer {
  const settings = trainerSettings(s, base.info.layers, base.info.activations, data.classes, plan.lr);
  return new Trainer(trainerData(data), settings, 0, plan.start);
}

/** Trains the three methods on the same target data and seed; null when cancelled. */
export async function compareMethods(
  base: Base,
  targetKey: string,
  s: TransferSettings,
  report: (p: TransferProgress) => Promise<void> | void,
  cancelled: () => boolean = () => false,
): Promise<TransferResult | null> {
  const target = findTask(targetKey);
  const bad = incompatibility({ label: base.info.sourceLabel, domain: base.info.domain, inputNames: base.info.inputNames, kind: base.info.image ? 'image' : undefined }, target);
  if (bad) throw new Error(`Cannot reuse the base pretrained on “${base.info.sourceLabel}” for “${target.label}”. ${bad}`);
  const data = await target.build({ nTrain: s.nTarget, seed: s.seed, stats: base.info.stats });
  const curves: Partial<Record<TransferMethod, EpochMetrics[]>> = {};
  const methods: MethodResult[] = [];
  const all = plans(base, s);
  const total = all.length * s.epochs;
  for (let i = 0; i < all.length; i++) {
    const plan = all[i];
    const t = buildTarget(base, data, s, plan);
    try {
      const curve = await trainFor(t, s.epochs, cancelled, (m) => {
        curves[plan.method] = m;
        return report({ method: plan.method, done: i * s.epochs + m[m.length - 1].epoch, total, curves: { ...curves } });
      });
      if (!curve) return null;
      curves[plan.method] = curve;
      const last = curve[curve.length - 1];
      methods.push({
        method: plan.method,
        lr: plan.lr,
        frozenLayers: (plan.start?.frozen ?? []).flatMap((f, j) => (f ? [j + 1] : [])),
        curve,
        finalValLoss: last.valLoss,
        finalValAcc: last.valAcc,
        epochsToTarget: epochsToReach(curve, s.targetLoss),
      });
    } finally {
      t.dispose();
    }
  }
  return {
    source: base.info.source,
    target: target.key,
    nTarget: data.train.n,
    nVal: data.val.n,
    seed: s.seed,
    targetLoss: s.targetLoss,
    headOutputs: data.classes === 2 ? 1 : data.classes,
    methods,
  };
}

// ---- keeping bases: IndexedDB through tfjs's io handlers (they work in workers too) ----

const STORE_PREFIX = 'indexeddb://transfer-base/';

function handler<T>(handlers: T[], what: string): T {
  if (!handlers.length) throw new Error(`This browser offers no IndexedDB storage here, so the base cannot be ${what}.`);
  return handlers[0];
}

export async function saveBase(base: Base): Promise<void> {
  const h = handler(tf.io.getSaveHandlers(STORE_PREFIX + base.info.name), 'saved');
  if (!h.save) throw new Error('The storage handler cannot save.');
  await h.save(toArtifacts(base) as unknown as tf.io.ModelArtifacts);
}

export async function loadBase(name: string): Promise<Base> {
  const h = handler(tf.io.getLoadHandlers(STORE_PREFIX + name), 'loaded');
  if (!h.load) throw new Error('The storage handler cannot load.');
  return fromArtifacts(await h.load());
}

export async function listBases(): Promise<BaseInfo[]> {
  const all = await tf.io.listModels();
  const names = Object.keys(all)
    .filter((u) => u.startsWith(STORE_PREFIX))
    .map((u) => u.slice(STORE_PREFIX.length));
  const infos: BaseInfo[] = [];
  for (const name of names) {
    try {
      infos.push((await loadBase(name)).info);
    } catch {
      // A damaged entry is left out of the list rather than hiding the others.
    }
  }
  return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function deleteBase(name: string): Promise<void> {
  await tf.io.removeModel(STORE_PREFIX + name);
}
