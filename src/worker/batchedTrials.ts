// Scores many search trials at once: every (trial, fold) becomes a member of a batched group
// (src/engine/batchedMlp.ts) with the others that share its layer count, activations, loss,
// optimizer and output, so one tfjs operation trains them all. Scores are those crossValidate
// gives (the same seeded weights, batches and folds; equal up to float rounding, dropout aside).
// Settings the batched engine cannot train fall back to crossValidate, one trial at a time.
import * as tf from '@tensorflow/tfjs-core';
import { trainMembers, batchKey, type BatchMember, type GroupShape } from '../engine/batchedMlp';
import { summarize } from '../search/kfold';
import type { TrialResult, TrialSpec } from '../shared/protocol';
import { crossValidate, foldPairs, restandardize } from './crossValidate';
import { loadSource, type SourceData } from './dataSource';

interface Candidate {
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

/**
 * What one extra tfjs operation per step costs, in multiply-adds of padded work, per backend.
 * Measured on the cpu backend in node (about 5 µs per operation against 9 ns per multiply-add
 * of a small batched matMul); wasm and webgl are rough guesses in the same direction (WebGL's
 * operations cost far more than its arithmetic). Used only to decide which members train apart.
 */
const OP_COST: Record<string, number> = { cpu: 600, wasm: 2000, webgl: 50000 };

interface CostInfo {
  batch: number;
  n: number;
  units: number[];
  /** Validation rows. */
  v: number;
}

/**
 * The most elements a group's biggest tensor (members × rows × widest layer) may hold, about
 * 4 MB of float32: a step keeps a dozen such tensors alive.
 */
const MAX_ELEMENTS = 1 << 20;

/** Elements of the group's biggest per-step (or validation) tensor. */
function groupElements(ms: readonly CostInfo[], inputs: number): number {
  const rows = Math.max(...ms.map((m) => Math.max(Math.min(m.batch, m.n), m.v)));
  const widest = Math.max(inputs, ...ms.flatMap((m) => m.units)) + 1;
  return ms.length * rows * widest;
}

/**
 * Estimated cost of one group per epoch, in multiply-adds: steps × (operations per step +
 * padded rows × the padded network's multiply-adds per row, forward and backward).
 */
export function groupCost(ms: readonly CostInfo[], shape: GroupShape, opCost: number): number {
  const width = Math.max(...ms.map((m) => Math.min(m.batch, m.n)));
  const steps = Math.max(...ms.map((m) => Math.ceil(m.n / m.batch)));
  const hidden = ms[0].units.length;
  const widths = Array.from({ length: hidden }, (_, i) => Math.max(...ms.map((m) => m.units[i])) + 1);
  const sizes = [shape.inputs + 1, ...widths, shape.classes > 2 ? shape.classes : 1];
  let macs = 0;
  for (let i = 0; i + 1 < sizes.length; i++) macs += sizes[i] * sizes[i + 1];
  const ops = 6 + 8 * hidden;
  return steps * (ops * opCost + 3 * macs * width * ms.length);
}

/**
 * Splits members that may share a group into groups that train fastest: sorted by batch size
 * (then units), each run of members is cut where keeping the next member apart costs less than
 * padding everyone to its batch size and width. Deterministic: the same members give the same
 * groups in the same order.
 */
export function partition<T extends { member: BatchMember }>(items: readonly T[], shape: GroupShape, opCost = OP_COST.cpu): T[][] {
  const info = (t: T): CostInfo => ({ batch: Math.max(1, t.member.settings.batch), n: t.member.data.train.length, units: t.member.settings.layers, v: t.member.data.val.length });
  const widest = (u: number[]) => Math.max(0, ...u);
  const sorted = [...items].sort((a, b) => {
    const x = info(a);
    const y = info(b);
    return x.batch - y.batch || widest(x.units) - widest(y.units);
  });
  const out: T[][] = [];
  for (const t of sorted) {
    const last = out.at(-1);
    if (last && groupElements([...last, t].map(info), shape.inputs) <= MAX_ELEMENTS) {
      const together = groupCost([...last, t].map(info), shape, opCost);
      const apart = groupCost(last.map(info), shape, opCost) + groupCost([info(t)], shape, opCost);
      if (together <= apart) {
        last.push(t);
        continue;
      }
    }
    out.push([t]);
  }
  return out;
}

/**
 * Plans the batched groups of a list of trial specs (each trial's folds become members), and
 * which trials must run alone. Loads each data set once.
 */
export async function planGroups(specs: readonly TrialSpec[], backend: string = tf.getBackend()): Promise<{ groups: PlannedGroup[]; alone: number[] }> {
  const opCost = OP_COST[backend] ?? OP_COST.cpu;
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
  const groups: PlannedGroup[] = [];
  for (const list of byKey.values()) {
    for (const part of partition(list, list[0].shape, opCost)) {
      groups.push({ key: list[0].key, epochs: list[0].epochs, shape: list[0].shape, members: part.map(({ trial, fold, member }) => ({ trial, fold, member })) });
    }
  }
  // Earliest trials first, so results arrive roughly in trial order.
  const first = (g: PlannedGroup) => Math.min(...g.members.map((m) => m.trial));
  groups.sort((a, b) => first(a) - first(b));
  return { groups, alone };
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
  const { groups, alone } = await planGroups(specs);
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
  for (const item of queue) {
    if (cancelled()) break;
    if ('trial' in item) {
      const r = await crossValidate(specs[item.trial], cancelled);
      if (!r) break;
      await finish(item.trial, r);
      continue;
    }
    const { group } = item;
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
      await finish(trial, { folds, ...summarize(folds), ms: ms[trial] });
    }
  }
  return results;
}
