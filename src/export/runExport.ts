// Everything a standalone script needs to replay one run exactly as the Trainer trains it: the
// rows of each split, the seeded initial weights, the training-metric sample and each epoch's
// batch order. Uses tfjs-core only (the initial weights come from the engine's own Mlp), so it
// runs in a worker as well as in node.
import { hashSeed, mulberry32, shuffleInPlace } from '../data/random';
import { lambdaPerLayer, type ExperimentConfig } from '../shared/config';
import { isAugmenting } from '../data/augment';
import type { EpochMetrics } from '../shared/protocol';
import { Mlp, type LayerWeights } from '../engine/model';
import { TRAIN_METRIC_ROWS, outputKindFor, type SplitArrays, type TrainerData } from '../engine/trainer';
import { prepareAny } from '../worker/prepareData';
import { isImages } from '../shared/datasets';
import * as tf from '@tensorflow/tfjs-core';

/** The settings of a run that its replay depends on. */
export type ExportSettings = Pick<
  ExperimentConfig,
  | 'dataset'
  | 'features'
  | 'seed'
  | 'layers'
  | 'activations'
  | 'init'
  | 'loss'
  | 'optimizer'
  | 'lr'
  | 'batch'
  | 'momentum'
  | 'beta1'
  | 'beta2'
  | 'epsilon'
  | 'l1'
  | 'l2'
  | 'dropout'
  | 'augment'
  | 'patience'
  | 'minDelta'
  | 'restoreBest'
  | 'schedule'
  | 'clip'
> & { batchnorm?: readonly boolean[] };

export interface RunExport {
  settings: ExportSettings;
  /** Which reset of the seed (the Trainer's `run`). */
  run: number;
  inputs: number;
  /** 1 for regression, K ≥ 2 for classification. */
  classes: number;
  train: SplitArrays;
  val: SplitArrays;
  test: SplitArrays;
  /** The training rows the per-epoch training metrics use (sorted indices into train), or null for all. */
  metricRows: Int32Array | null;
  /** Initial weights per weight layer, input side first: kernel fanIn × fanOut row-major, bias. */
  weights: LayerWeights[];
  /** Per epoch (epoch 1 first), the order of the training rows; mini-batches are cut from it in order. */
  batchOrders: Int32Array[];
  /**
   * With dropout on: per epoch, per mini-batch, the seed of tfjs's dropout draws (hidden layer i
   * adds i), so the script draws the page's very masks; null with dropout off.
   */
  dropoutSeeds: number[][] | null;
  /** λ₁ and λ₂ per weight layer. */
  l1: number[];
  l2: number[];
  /** The ε of Adagrad's update (tfjs takes the backend's, 1e-7 on float32 backends). */
  adagradEpsilon: number;
  /** The page's own per-epoch metrics, printed beside the script's for comparison (optional). */
  reference?: readonly EpochMetrics[];
}

/**
 * The rows the Trainer's per-epoch training metrics use: all training rows up to
 * TRAIN_METRIC_ROWS, else a fixed seeded sample (the same draw as trainer.ts's metricSample).
 */
export function metricRows(trainRows: number, seed: number): Int32Array | null {
  if (trainRows <= TRAIN_METRIC_ROWS) return null;
  const order = Int32Array.from({ length: trainRows }, (_, i) => i);
  shuffleInPlace(order, mulberry32(hashSeed(seed, 'metric-sample')));
  return order.slice(0, TRAIN_METRIC_ROWS).sort();
}

/**
 * Each epoch's order of the training rows, replaying the Trainer's seeded shuffle: one index
 * array, shuffled again at the start of every epoch with the run's 'batches' stream.
 */
export function batchOrders(trainRows: number, seed: number, run: number, epochs: number): Int32Array[] {
  const order = Int32Array.from({ length: trainRows }, (_, i) => i);
  const rand = mulberry32(hashSeed(seed, run, 'batches'));
  const out: Int32Array[] = [];
  for (let e = 0; e < epochs; e++) {
    shuffleInPlace(order, rand);
    out.push(order.slice());
  }
  return out;
}

/**
 * The seed of each mini-batch's dropout masks, as the Trainer derives it: per epoch (0-based, as
 * the Trainer counts before the epoch) and batch index b, hashSeed(hashSeed(seed, run, 'dropout'), epoch, b).
 */
export function dropoutSeeds(trainRows: number, batch: number, seed: number, run: number, epochs: number): number[][] {
  const base = hashSeed(seed, run, 'dropout');
  const steps = Math.ceil(trainRows / batch);
  return Array.from({ length: epochs }, (_, e) => Array.from({ length: steps }, (_, b) => hashSeed(base, e, b)));
}

/** Why a run cannot be exported exactly, or null when it can. */
export function exportRefusal(settings: ExportSettings): string | null {
  if (isImages(settings.dataset)) return 'the run trains an image model (conv layers): the PyTorch script replays the dense networks of the 2-D and table sets only; export the config, metrics or loss chart instead';
  if (isAugmenting(settings.augment, settings.dataset)) {
    return 'augmentation is on: each epoch’s augmented points are drawn in the page and are not part of the script; turn augmentation off to export the run';
  }
  if (settings.batchnorm?.some(Boolean)) {
    return 'batch norm is on: the script does not replay batch normalization (its bias-free step and running averages) exactly; export the model files (tfjs) instead, or turn batch norm off to export the run';
  }
  return null;
}

/**
 * The export of run `run` of these settings over `epochs` epochs, from the rows a Trainer gets
 * (`prepareData(config).data`). The initial weights are drawn exactly as the Trainer draws them.
 * Throws a RangeError with the reason when the run cannot be exported (augmentation, batch norm).
 */
export async function buildRunExport(
  settings: ExportSettings,
  data: TrainerData,
  run: number,
  epochs: number,
  reference?: readonly EpochMetrics[],
): Promise<RunExport> {
  const refusal = exportRefusal(settings);
  if (refusal) throw new RangeError(`cannot export this run: ${refusal}`);
  const kind = outputKindFor(data.classes);
  const outputs = kind === 'softmax' ? data.classes : 1;
  const model = new Mlp(
    { inputs: data.inputs, layers: settings.layers, activations: settings.activations, outputs, output: kind, init: settings.init },
    mulberry32(hashSeed(settings.seed, run, 'weights')),
  );
  let weights: LayerWeights[];
  try {
    weights = await model.readLayers();
  } finally {
    model.dispose();
  }
  const k = weights.length;
  return {
    settings: { ...settings },
    run,
    inputs: data.inputs,
    classes: data.classes,
    train: data.train,
    val: data.val,
    test: data.test,
    metricRows: metricRows(data.train.n, settings.seed),
    weights,
    batchOrders: batchOrders(data.train.n, settings.seed, run, epochs),
    dropoutSeeds: settings.dropout.some((r) => r > 0) ? dropoutSeeds(data.train.n, settings.batch, settings.seed, run, epochs) : null,
    l1: lambdaPerLayer(settings.l1, k),
    l2: lambdaPerLayer(settings.l2, k),
    adagradEpsilon: tf.backend().epsilon(),
    ...(reference ? { reference } : {}),
  };
}

/** As buildRunExport, preparing the rows from the config itself (tables load on first use). */
export async function runExportFor(config: ExperimentConfig, run: number, epochs: number, reference?: readonly EpochMetrics[]): Promise<RunExport> {
  const prepared = await prepareAny(config);
  return buildRunExport(config, prepared.data, run, epochs, reference);
}
