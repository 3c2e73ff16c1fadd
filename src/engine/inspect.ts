// Looking inside a model: what each neuron computes over the plane (the network view's maps) and
// how healthy each layer's training is (gradient and weight norms, update sizes, dead and
// saturated units). Everything is computed on the device and returned as one tensor, so the
// worker reads it with one download alongside the epoch metrics. Call inside tf.tidy.
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../shared/config';
import type { LayerStatsSample } from '../shared/protocol';
import { outputOf } from './losses';
import { manualGradients } from './leanStep';
import { activate, layerSizes, type Mlp, type OutputKind } from './model';
import type { LossKey } from '../shared/config';

/** At most this many units per column go into the maps (the view shows "+ N more" for the rest). */
export const MAX_SHOWN_UNITS = 12;
/**
 * The maps keep every MAP_STRIDE-th cell of the boundary grid in both directions (50 → 25 per
 * side): a quarter of the cells is plenty for a 44-pixel neuron, and painting four times as many
 * costs the page (and so, on two cores, the training) measurably more.
 */
export const MAP_STRIDE = 2;

/** Cells per side of the maps, for a boundary grid of `resolution` cells per side. */
export function mapResolution(resolution: number): number {
  return Math.ceil(resolution / MAP_STRIDE);
}

/** The boundary grid's cells (row-major indices) that the maps keep, in map order. */
export function mapRows(resolution: number): Int32Array {
  const r = mapResolution(resolution);
  const rows = new Int32Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) rows[i * r + j] = i * MAP_STRIDE * resolution + j * MAP_STRIDE;
  return rows;
}

/** A tanh unit is saturated on a row beyond this |output|; a sigmoid unit below 1 − x or above x of it. */
export const TANH_SATURATION = 0.95;
export const SIGMOID_SATURATION = 0.98;
/** …and counted saturated when that holds on more than this share of the training rows. */
export const SATURATED_SHARE = 0.5;

/** Units per column (inputs, hidden layers, output) and how many of each go into the maps. */
export function mapColumns(model: Mlp): { units: number[]; shown: number[] } {
  const units = layerSizes(model.spec);
  return { units, shown: units.map((u) => Math.min(u, MAX_SHOWN_UNITS)) };
}

/**
 * Every column's values on `grid` (cells × inputs): the inputs, each hidden layer after its
 * activation (batch-normalized layers with their running averages, as in evaluation), the output
 * after the output's.
 */
function columnsOn(model: Mlp, grid: tf.Tensor2D, kind: OutputKind): tf.Tensor2D[] {
  const last = model.kernels.length - 1;
  const cols = [grid];
  let h: tf.Tensor2D = grid;
  model.kernels.forEach((w, i) => {
    const z = tf.add(tf.matMul(h, w), model.biases[i]) as tf.Tensor2D;
    h = i === last ? outputOf(z, kind) : activate(model.normalized(i, z), model.spec.activations[i]);
    cols.push(h);
  });
  return cols;
}

/**
 * The maps' part of a download: the first `shown` units of each column (unit-major) on the cells
 * `cells` (all when null), then the kernels and biases between them.
 */
function mapParts(model: Mlp, cols: tf.Tensor2D[], cells: tf.Tensor1D | null): tf.Tensor[] {
  const { shown } = mapColumns(model);
  const keep = (a: tf.Tensor2D, c: number) => {
    const units = tf.slice(a, [0, 0], [-1, shown[c]]);
    return tf.transpose(cells ? tf.gather(units, cells) : units);
  };
  return [
    ...cols.map(keep),
    ...model.kernels.map((w, i) => tf.slice(w, [0, 0], [shown[i], shown[i + 1]])),
    ...model.biases.map((b, i) => tf.slice(b, [0], [shown[i + 1]])),
  ];
}

const flat = (parts: tf.Tensor[]) => tf.concat(parts.map((p) => tf.reshape(p, [-1]))) as tf.Tensor1D;

/**
 * Every column's activations on `grid` in one forward pass, the first `shown` units of each, then
 * the kernels and biases between those units, all flattened into one tensor in the order
 * NetworkMaps lists them (maps unit-major: each neuron's cells together).
 */
export function networkMapsTensor(model: Mlp, grid: tf.Tensor2D, kind: OutputKind): tf.Tensor1D {
  return flat(mapParts(model, columnsOn(model, grid, kind), null));
}

/**
 * What the live view draws, from ONE forward pass over the boundary grid: the model's output per
 * cell (cells × channels, as the boundary takes it), then, with `mapCells` (mapRows of the grid),
 * networkMapsTensor's content on those cells. The boundary pass is made anyway, so the maps cost
 * only their slices and the download: a separate pass for them slowed a fast run by about a sixth.
 */
export function viewsTensor(model: Mlp, grid: tf.Tensor2D, kind: OutputKind, mapCells: tf.Tensor1D | null): tf.Tensor1D {
  const cols = columnsOn(model, grid, kind);
  return flat([cols[cols.length - 1], ...(mapCells ? mapParts(model, cols, mapCells) : [])]);
}

/** Splits a download of networkMapsTensor into NetworkMaps (views of one buffer, transferable as one). */
export function splitNetworkMaps(flat: Float32Array, units: number[], shown: number[], resolution: number) {
  const cells = resolution * resolution;
  let at = 0;
  const take = (n: number) => flat.subarray(at, (at += n));
  const maps = take(shown.reduce((a, b) => a + b, 0) * cells);
  const weights = shown.slice(1).map((s, i) => take(shown[i] * s));
  const biases = shown.slice(1).map((s) => take(s));
  return { resolution, units, shown, maps, weights, biases };
}

/** Per unit of a hidden layer's activations a (rows × units): 1 where dead (ReLU) or saturated (tanh, sigmoid). */
function deadUnits(a: tf.Tensor2D, act: Activation): tf.Tensor1D {
  if (act !== 'relu') return tf.zeros([a.shape[1]]);
  return tf.cast(tf.lessEqual(tf.max(a, 0), 0), 'float32') as tf.Tensor1D;
}

function saturatedUnits(a: tf.Tensor2D, act: Activation): tf.Tensor1D {
  let beyond: tf.Tensor2D;
  if (act === 'tanh') beyond = tf.greater(tf.abs(a), TANH_SATURATION) as tf.Tensor2D;
  else if (act === 'sigmoid') beyond = tf.logicalOr(tf.greater(a, SIGMOID_SATURATION), tf.less(a, 1 - SIGMOID_SATURATION)) as tf.Tensor2D;
  else return tf.zeros([a.shape[1]]);
  return tf.cast(tf.greater(tf.mean(tf.cast(beyond, 'float32'), 0), SATURATED_SHARE), 'float32') as tf.Tensor1D;
}

/** Hidden layers' activations (no dropout; batch norm with its running averages, as evaluated) on `x`. */
export function hiddenActivations(model: Mlp, x: tf.Tensor2D): tf.Tensor2D[] {
  const out: tf.Tensor2D[] = [];
  let h = x;
  for (let i = 0; i + 1 < model.kernels.length; i++) {
    const z = tf.add(tf.matMul(h, model.kernels[i]), model.biases[i]) as tf.Tensor2D;
    h = activate(model.normalized(i, z), model.spec.activations[i]);
    out.push(h);
  }
  return out;
}

/** The Frobenius norm of each tensor, as one vector. */
function norms(ts: tf.Tensor[]): tf.Tensor1D {
  return tf.stack(ts.map((t) => tf.sqrt(tf.sum(tf.square(t))))) as tf.Tensor1D;
}

/**
 * ‖new − old‖ / ‖old‖ per kernel: the relative size of the step that took the kernels from
 * `before` to their current values.
 */
export function updateRatios(model: Mlp, before: readonly tf.Tensor[]): tf.Tensor1D {
  return tf.div(
    norms(model.kernels.map((k, i) => tf.sub(k, before[i]))),
    tf.maximum(norms(before as tf.Tensor[]), 1e-12),
  ) as tf.Tensor1D;
}

export interface StatsRows {
  /** Rows for the gradient: the training metric rows (≤ 256) and their targets. */
  gradX: tf.Tensor2D;
  gradY: tf.Tensor2D;
  /** Rows on which dead and saturated units are counted: every training row. */
  unitX: tf.Tensor2D;
  loss: LossKey;
  kind: OutputKind;
}

/**
 * The layer health of the current weights as one vector: gradient norms (of the data loss, no
 * penalty, no dropout), weight norms and update ratios per weight layer (K each), then dead and
 * saturated counts per hidden layer (K − 1 each). `ratios` (from updateRatios) may be null: the
 * entries are then −1, read back as null.
 */
export function layerStatsTensor(model: Mlp, rows: StatsRows, ratios: tf.Tensor1D | null): tf.Tensor1D {
  const k = model.kernels.length;
  const zeros = Array.from({ length: k }, () => 0);
  const grads = manualGradients(model, rows.gradX, rows.gradY, { loss: rows.loss, kind: rows.kind, l1: zeros, l2: zeros });
  const byName = new Map(grads.map((g) => [g.name, g.tensor]));
  // A frozen layer has no gradient: its norm is 0.
  const gradNorm = norms(model.kernels.map((w) => byName.get(w.name) ?? tf.zerosLike(w)));
  const hidden = hiddenActivations(model, rows.unitX);
  const acts = model.spec.activations;
  const count = (f: (a: tf.Tensor2D, act: Activation) => tf.Tensor1D) =>
    hidden.length ? (tf.stack(hidden.map((a, i) => tf.sum(f(a, acts[i])))) as tf.Tensor1D) : tf.zeros([0]);
  return tf.concat([gradNorm, norms(model.kernels), ratios ?? tf.fill([k], -1), count(deadUnits), count(saturatedUnits)]) as tf.Tensor1D;
}

/** Reads a downloaded layerStatsTensor of a model with `k` weight layers. */
export function readLayerStats(epoch: number, v: ArrayLike<number>, k: number): LayerStatsSample {
  const part = (from: number, n: number) => Array.from({ length: n }, (_, i) => v[from + i]);
  return {
    epoch,
    gradNorm: part(0, k),
    weightNorm: part(k, k),
    updateRatio: part(2 * k, k).map((r) => (r < 0 ? null : r)),
    dead: part(3 * k, k - 1),
    saturated: part(4 * k - 1, k - 1),
  };
}

/** Width of a layerStatsTensor for `k` weight layers. */
export const layerStatsWidth = (k: number) => 5 * k - 2;
