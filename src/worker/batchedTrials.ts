// Scores many search trials at once: every (trial, fold) becomes a member of a batched group
// (src/engine/batchedMlp.ts) with the others that share its layer count, activations, loss,
// optimizer and output, so one tfjs operation trains them all. Scores are those crossValidate
// gives (the same seeded weights, batches and folds; equal up to float rounding, dropout aside).
// Settings the batched engine cannot train fall back to crossValidate, one trial at a time.
import * as tf from '@tensorflow/tfjs-core';
import { trainMembers, batchKey, type BatchMember, type GroupShape } from '../engine/batchedMlp';
import { OP_COST, costInfo, groupCost, partition } from './groupCost';
import { groupMsPerEpoch } from './groupEngine';
import { autoEngines } from './backends';
import { summarize } from '../search/kfold';
import type { TrialResult, TrialSpec } from '../search/types';
import type { EngineKey } from '../shared/config';
import { crossValidate, foldPairs, restandardize } from './crossValidate';
import { loadSource, type SourceData } from './dataSource';

export interface Candidate {
  trial: number;
  fold: number;
  member: BatchMember;
  shape: GroupShape;
  key: string;
  epochs: number;
}

/** One group to train together, and where its scores go. */
export interface PlannedGroup {
  key: string;
  epochs: number;
  shape: GroupShape;
  members: { trial: number; fold: number; member: BatchMember }[];
}

/** The data a config trains on, as a string (the fields that shape the rows, their split and folds). */
function dataKey(s: TrialSpec): string {
  const c = s.config;
  return JSON.stringify([c.dataset, c.samples, c.noise, c.seed, c.trainPct, c.valPct, c.features, c.slice, s.folds]);
}

/** The members of a list of trial specs (each trial's folds), by group key, and the trials that must run alone. */
export interface Candidates {
  byKey: Candidate[][];
  alone: number[];
}

/** Collects every trial's folds as members, by what they must share to train together. Loads each data set once. */
export async function candidatesOf(specs: readonly TrialSpec[]): Promise<Candidates> {
  const sources = new Map<string, Promise<SourceData>>();
  const foldX = new Map<string, Float32Array>();
  const byKey = new Map<string, Candidate[]>();
  const alone: number[] = [];
  for (const [trial, spec] of specs.entries()) {
    const dk = dataKey(spec);
    let pending = sources.get(dk);
    if (!pending) {
      pending = loadSource(spec.config);
      sources.set(dk, pending);
    }
    const src = await pending;
    const shape = { inputs: src.width, classes: src.classes };
    const key = batchKey(spec.config, shape);
    if (key === null) {
      alone.push(trial);
      continue;
    }
    foldPairs(spec.config, src, spec.folds).forEach((pair, fold) => {
      const xk = `${dk}|${fold}`;
      let x = foldX.get(xk);
      if (!x) {
        x = spec.folds > 1 ? restandardize(src, pair.train) : src.x;
        foldX.set(xk, x);
      }
      const member: BatchMember = { settings: spec.config, data: { x, y: src.y, train: pair.train, val: pair.val, plot: src.plot } };
      const full = `${dk}|${key}|${spec.epochs}`;
      const list = byKey.get(full) ?? [];
      list.push({ trial, fold, member, shape, key: full, epochs: spec.epochs });
      byKey.set(full, list);
    });
  }
  return { byKey: [...byKey.values()], alone };
}

/** Splits the candidates into groups with one operation costing `opCost` multiply-adds; earliest trials first. */
export function groupsOf(c: Candidates, opCost: number): PlannedGroup[] {
  const groups: PlannedGroup[] = [];
  for (const list of c.byKey) {
    for (const part of partition(list, list[0].shape, opCost)) {
      groups.push({ key: list[0].key, epochs: list[0].epochs, shape: list[0].shape, members: part.map(({ trial, fold, member }) => ({ trial, fold, member })) });
    }
  }
  // Earliest trials first, so results arrive roughly in trial order.
  const first = (g: PlannedGroup) => Math.min(...g.members.map((m) => m.trial));
  groups.sort((a, b) => first(a) - first(b));
  return groups;
}

/**
 * Plans the batched groups of a list of trial specs (each trial's folds become members), and
 * which trials must run alone, with a backend's fixed cost per operation.
 */
export async function planGroups(specs: readonly TrialSpec[], backend: string = tf.getBackend()): Promise<{ groups: PlannedGroup[]; alone: number[] }> {
  const c = await candidatesOf(specs);
  return { groups: groupsOf(c, OP_COST[backend] ?? OP_COST.cpu), alone: c.alone };
}

export interface BatchedPlan {
  groups: PlannedGroup[];
  alone: number[];
  /** The engine the groups train on; null: the active backend (a named one). */
  engine: EngineKey | null;
  /** With 'auto': each engine's predicted milliseconds for its plan, fastest first. */
  predictions?: { engine: EngineKey; ms: number }[];
}

/**
 * Plans a batched search. With a named backend, the groups follow its cost model and train on
 * it. With 'auto' and more than one engine started, a batched group is a far bigger model than
 * the one the main run timed, so the engine that won there need not win here (on a CPU, wasm's
 * SIMD kernels beat the cpu backend's once a group's tensors hold thousands of elements): the
 * groups are planned with each engine's cost model, each plan's costliest group is timed on its
 * engine (once per worker), the rest are scaled from it by the cost model, and the engine
 * predicted fastest trains them.
 */
export async function planBatched(specs: readonly TrialSpec[]): Promise<BatchedPlan> {
  const engines = autoEngines();
  if (engines.length < 2) return { ...(await planGroups(specs)), engine: null };
  const c = await candidatesOf(specs);
  if (c.byKey.length === 0) return { groups: [], alone: c.alone, engine: null };
  const plans: { engine: EngineKey; ms: number; groups: PlannedGroup[] }[] = [];
  for (const engine of engines) {
    const opCost = OP_COST[engine] ?? OP_COST.cpu;
    const groups = groupsOf(c, opCost);
    const costs = groups.map((g) => g.epochs * groupCost(g.members.map((m) => costInfo(m.member)), g.shape, opCost));
    const big = costs.indexOf(Math.max(...costs));
    const g = groups[big];
    const ms = await groupMsPerEpoch(engine, g.key, g.members.map((m) => m.member), g.shape);
    const total = costs.reduce((a, b) => a + b, 0);
    plans.push({ engine, ms: ms * g.epochs * (total / costs[big]), groups });
  }
  plans.sort((a, b) => a.ms - b.ms);
  return { groups: plans[0].groups, alone: c.alone, engine: plans[0].engine, predictions: plans.map(({ engine, ms }) => ({ engine, ms })) };
}

/**
 * Scores every spec like crossValidate (null for those not finished when cancelled). Trials are
 * trained in batched groups; a trial's `ms` is its share of its groups' time (the group's time
 * divided evenly over its members). `progress` hears each trial as soon as all its folds are done.
 */
export async function runTrialsBatched(
  specs: readonly TrialSpec[],
  cancelled: () => boolean,
  progress?: (index: number, result: TrialResult) => void | Promise<void>,
): Promise<(TrialResult | null)[]> {
  const results: (TrialResult | null)[] = specs.map(() => null);
  const { groups, alone, engine } = await planBatched(specs);
  const scores = specs.map((s) => new Array<number>(s.folds).fill(NaN));
  const left = specs.map((s) => s.folds);
  const ms = specs.map(() => 0);
  const finish = async (trial: number, r: TrialResult) => {
    results[trial] = r;
    // Not awaited: training goes on while the page records the result.
    void Promise.resolve(progress?.(trial, r)).catch(() => {});
  };
  // Trials that cannot be batched run alone, in turn with the groups by their first trial.
  const queue: ({ group: PlannedGroup } | { trial: number })[] = [...groups.map((group) => ({ group })), ...alone.map((trial) => ({ trial }))];
  const firstTrial = (q: (typeof queue)[number]) => ('trial' in q ? q.trial : Math.min(...q.group.members.map((m) => m.trial)));
  queue.sort((a, b) => firstTrial(a) - firstTrial(b));
  const home = tf.getBackend();
  try {
    for (const item of queue) {
      if (cancelled()) break;
      if ('trial' in item) {
        const r = await crossValidate(specs[item.trial], cancelled);
        if (!r) break;
        await finish(item.trial, specs[item.trial].config.batchnorm.some(Boolean) ? { ...r, alone: 'batchnorm' } : r);
        continue;
      }
      const { group } = item;
      // Alone trials pick their own backend (crossValidate); groups train on the plan's engine.
      if (engine && tf.getBackend() !== engine) await tf.setBackend(engine);
      const start = performance.now();
      const out = await trainMembers(
        group.members.map((m) => m.member),
        group.shape,
        group.epochs,
        { cancelled },
      );
      if (!out) break;
      const share = (performance.now() - start) / group.members.length;
      const done = new Set<number>();
      group.members.forEach(({ trial, fold }, i) => {
        const r = out[i];
        scores[trial][fold] = specs[trial].objective === 'accuracy' ? (r.accuracy ?? NaN) : r.loss;
        ms[trial] += share;
        if (--left[trial] === 0) done.add(trial);
      });
      for (const trial of [...done].sort((a, b) => a - b)) {
        const folds = scores[trial];
        await finish(trial, { folds, ...summarize(folds), ms: ms[trial], backend: tf.getBackend() as EngineKey, batched: true });
      }
    }
  } finally {
    if (home && tf.getBackend() !== home) await tf.setBackend(home);
  }
  return results;
}
