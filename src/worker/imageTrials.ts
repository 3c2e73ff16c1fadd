// Scores search trials on an image set: each trial is an ImageTrainer (src/engine/imageTrainer.ts)
// trained on the run's training images and scored on the fixed validation images (no folds:
// cross-validating a CNN k times is too slow in a browser; searchProblems refuses folds > 1).
// Every epoch's validation objective is kept, so the pruners (median, ASHA, Hyperband) see a
// trial's curve exactly as they see the 2-D sets' batched trials (src/worker/prunedTrials.ts).
import * as tf from '@tensorflow/tfjs-core';
import { ImageTrainer, type ImageTrainerData } from '../engine/imageTrainer';
import { summarize } from '../search/kfold';
import type { TrialResult, TrialSpec } from '../search/types';
import type { EngineKey, ExperimentConfig } from '../shared/config';
import { isImages } from '../shared/datasets';
import type { EpochMetrics, PruneReport } from '../shared/protocol';
import { pickForImages } from './backends';
import { digitArrays, digitPixels, loadDigits, splitDigits } from './digitsSource';
import { breather } from './workerBase';

/** Whether every spec trains on an image set (a search runs on one data set, so all or none). */
export function imageSpecs(specs: readonly TrialSpec[]): boolean {
  return specs.length > 0 && specs.every((s) => isImages(s.config.dataset));
}

/** The split a trial trains on, by images and seed: a search's trials share it. */
const dataCache = new Map<string, Promise<ImageTrainerData>>();

export function imageTrialData(c: Pick<ExperimentConfig, 'images' | 'seed'>): Promise<ImageTrainerData> {
  const key = `${c.images}|${c.seed}`;
  let data = dataCache.get(key);
  if (!data) {
    data = loadDigits().then((d) => {
      const split = splitDigits(d, c.images, c.seed);
      return { side: 28, classes: 10, train: digitArrays(d, split.train), val: digitArrays(d, split.val), test: digitArrays(d, new Int32Array(0)), valPixels: digitPixels(d, split.val) };
    });
    // Only the last split is kept: a worker holds one search at a time.
    dataCache.clear();
    dataCache.set(key, data);
    data.catch(() => dataCache.delete(key));
  }
  return data;
}

/**
 * With 'auto', the backend the first trial's model trains fastest on (timed once per stack and
 * kept by pickForImages): a CNN's convolutions want WebGL on a graphics card, wasm without one.
 * Timing every trial's own stack would cost more than most trials; their shapes are alike.
 */
async function imageEngine(spec: TrialSpec): Promise<void> {
  await pickForImages(await imageTrialData(spec.config), spec.config);
}

/** One trial under way: its trainer and its objective after each epoch 1, 2, … */
interface Live {
  trainer: ImageTrainer;
  curve: number[];
  ms: number;
  /** The epoch early stopping scored it at, once it stopped. */
  stoppedAt: number | null;
}

const objectiveOf = (spec: TrialSpec, m: EpochMetrics) => (spec.objective === 'accuracy' ? (m.valAcc ?? NaN) : m.valLoss);

/** Trains a trial until `target` epochs (or early stopping); false when cancelled. */
async function trainTo(spec: TrialSpec, live: Live, target: number, cancelled: () => boolean): Promise<boolean> {
  const t = live.trainer;
  const breathe = breather();
  const start = performance.now();
  try {
    while (t.epoch < target && live.stoppedAt === null) {
      if (cancelled()) return false;
      // The breather lets pings and a cancel in within an epoch: a CNN's epoch takes seconds.
      if (!(await t.trainEpochPaced(breathe))) return false;
      // One download per epoch: the pruners need every epoch's value, and an epoch of a CNN is
      // long enough that this one sync costs nothing measurable.
      for (const m of await t.flush()) if (m.epoch > 0) live.curve[m.epoch - 1] = objectiveOf(spec, m);
      const stop = t.takeStop();
      if (stop) live.stoppedAt = stop.restored ? stop.bestEpoch : stop.stopEpoch;
    }
    return !cancelled();
  } finally {
    live.ms += performance.now() - start;
  }
}

/** A finished trial's result: scored at early stopping's epoch, the pruner's, or its last. */
function resultOf(live: Live, pruned: boolean, withCurve: boolean): TrialResult {
  const at = live.stoppedAt ?? live.curve.length;
  const score = live.curve[Math.max(0, at - 1)] ?? NaN;
  const r: TrialResult = { folds: [score], ...summarize([score]), ms: live.ms, backend: tf.getBackend() as EngineKey };
  if (withCurve) return { ...r, pruned, stoppedAt: live.curve.length, intermediate: live.curve.slice() };
  return r;
}

async function begin(spec: TrialSpec): Promise<Live> {
  const data = await imageTrialData(spec.config);
  return { trainer: new ImageTrainer(data, spec.config, 0, false), curve: [], ms: 0, stoppedAt: null };
}

/** Scores image trials one after another (null for those not finished when cancelled). */
export async function runImageTrials(
  specs: readonly TrialSpec[],
  cancelled: () => boolean,
  progress?: (index: number, result: TrialResult) => void | Promise<void>,
): Promise<(TrialResult | null)[]> {
  const results: (TrialResult | null)[] = specs.map(() => null);
  const home = tf.getBackend();
  try {
    if (specs.length) await imageEngine(specs[0]);
    for (const [i, spec] of specs.entries()) {
      if (cancelled()) break;
      const live = await begin(spec);
      try {
        if (!(await trainTo(spec, live, spec.epochs, cancelled))) break;
        results[i] = resultOf(live, false, false);
        void Promise.resolve(progress?.(i, results[i]!)).catch(() => {});
      } finally {
        live.trainer.dispose();
      }
    }
  } finally {
    if (home && tf.getBackend() !== home) await tf.setBackend(home);
  }
  return results;
}

/**
 * As runImageTrials, stopping bad trials early, rung-major as runTrialsPruned does: every trial
 * of this worker's share trains to the next check epoch, the page decides which stop there (its
 * barrier waits for every worker), and the rest go on. `checks[i]` are trial i's check epochs.
 */
export async function runImageTrialsPruned(
  specs: readonly TrialSpec[],
  checks: readonly (readonly number[])[],
  decide: (epoch: number, reports: PruneReport[], leaving: number[]) => Promise<number[]>,
  cancelled: () => boolean,
  progress?: (index: number, result: TrialResult) => void | Promise<void>,
): Promise<(TrialResult | null)[]> {
  const results: (TrialResult | null)[] = specs.map(() => null);
  if (specs.length === 0) return results;
  const epochs = Math.max(...specs.map((s) => s.epochs));
  const home = tf.getBackend();
  const live = new Map<number, Live>();
  const finish = (i: number, pruned: boolean) => {
    const l = live.get(i)!;
    results[i] = resultOf(l, pruned, true);
    l.trainer.dispose();
    live.delete(i);
    void Promise.resolve(progress?.(i, results[i]!)).catch(() => {});
  };
  try {
    await imageEngine(specs[0]);
    for (const [i, spec] of specs.entries()) live.set(i, await begin(spec));
    const targets = [...new Set([...checks.flat().filter((e) => e > 0 && e < epochs), epochs])].sort((a, b) => a - b);
    for (const target of targets) {
      for (const [i, l] of live) if (!(await trainTo(specs[i], l, Math.min(target, specs[i].epochs), cancelled))) return results;
      if (target === epochs) break;
      // A trial that early stopping ended before this check leaves the pruner's cohort at once.
      const ended = [...live.keys()].filter((i) => live.get(i)!.stoppedAt !== null);
      const reports = [...live.keys()].filter((i) => !ended.includes(i) && checks[i].includes(target)).map((i) => ({ index: i, value: live.get(i)!.curve[target - 1] }));
      if (ended.length) await decide(target, [], ended);
      ended.forEach((i) => finish(i, false));
      if (reports.length === 0) continue;
      const stops = await decide(target, reports, []);
      if (cancelled()) return results;
      for (const i of stops) if (live.has(i) && reports.some((r) => r.index === i)) finish(i, true);
    }
    for (const i of [...live.keys()]) finish(i, false);
  } finally {
    for (const l of live.values()) l.trainer.dispose();
    if (home && tf.getBackend() !== home) await tf.setBackend(home);
  }
  return results;
}
