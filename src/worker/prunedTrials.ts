// Scores search trials batched, as runTrialsBatched does, but stops bad ones early: the worker
// trains all its groups "rung-major" (every group to the next check epoch, all kept alive), asks
// the page which trials stop there (`decide`: the page waits until every worker has reported
// that epoch, then decides for the whole search, src/search/pruners.ts), and rebuilds each group
// from its surviving members (BatchedMlp.survivors), which train on exactly as they would have.
// Each member's validation metrics stay on the device every epoch and are downloaded only at
// check epochs and at the end, so a trial's intermediate curve costs no extra sync.
import * as tf from '@tensorflow/tfjs-core';
import { BatchedMlp, StopJudge } from '../engine/batchedMlp';
import { summarize } from '../search/kfold';
import type { TrialResult, TrialSpec } from '../search/types';
import type { EngineKey } from '../shared/config';
import type { PruneReport } from '../shared/protocol';
import { planBatched, type PlannedGroup } from './batchedTrials';
import { crossValidate } from './crossValidate';

/** A group under way: its net (rebuilt as members leave) and which planned members it still holds. */
interface LiveGroup {
  plan: PlannedGroup;
  net: BatchedMlp | null;
  /** Indices into plan.members of the members still training, in the net's order. */
  alive: number[];
  /** [members now, 2] metrics per epoch since the last read, on the device. */
  pending: tf.Tensor2D[];
  judges: StopJudge[];
  ms: number;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Scores `specs` (all with the same epochs) like runTrialsBatched, stopping trials early.
 * `checks[i]` are the epochs trial i reports its value at (mean over its folds); `decide` answers
 * which of the reported trials stop there. Trials the batched engine cannot train run alone, to
 * the end, after the groups; they are announced at once with `decide(0, [], alone)` so no
 * barrier waits on them. Returns every result (null for those not finished when cancelled).
 */
export async function runTrialsPruned(
  specs: readonly TrialSpec[],
  checks: readonly (readonly number[])[],
  decide: (epoch: number, reports: PruneReport[], leaving: number[]) => Promise<number[]>,
  cancelled: () => boolean,
  progress?: (index: number, result: TrialResult) => void | Promise<void>,
): Promise<(TrialResult | null)[]> {
  const results: (TrialResult | null)[] = specs.map(() => null);
  if (specs.length === 0) return results;
  const epochs = Math.max(...specs.map((s) => s.epochs));
  const { groups, alone, engine } = await planBatched(specs);
  if (alone.length) await decide(0, [], alone);
  /** Per trial and fold: [loss, accuracy] after each epoch (index 0: the initial weights, as early stopping sees them). */
  const history = specs.map((s) => Array.from({ length: s.folds }, () => [] as [number, number][]));
  const folds = specs.map((s) => s.folds);
  const ms = specs.map(() => 0);
  const stopped = new Set<number>();
  const objective = (trial: number, fold: number, epoch: number) => {
    const row = history[trial][fold][epoch];
    return specs[trial].objective === 'accuracy' ? row[1] : row[0];
  };
  const intermediate = (trial: number, upTo: number) =>
    Array.from({ length: upTo }, (_, e) => {
      let sum = 0;
      for (let f = 0; f < folds[trial]; f++) sum += objective(trial, f, e + 1);
      return sum / folds[trial];
    });
  const finish = (trial: number, at: number, pruned: boolean, scoreEpochs: number[]) => {
    const scores = scoreEpochs.map((e, f) => objective(trial, f, e));
    const r: TrialResult = { folds: scores, ...summarize(scores), ms: ms[trial], backend: tf.getBackend() as EngineKey, batched: true, pruned, stoppedAt: at, intermediate: intermediate(trial, at) };
    results[trial] = r;
    void Promise.resolve(progress?.(trial, r)).catch(() => {});
  };

  const home = tf.getBackend();
  const live: LiveGroup[] = [];
  try {
    if (engine && tf.getBackend() !== engine) await tf.setBackend(engine);
    for (const plan of groups) {
      const net = new BatchedMlp(plan.members.map((m) => m.member), plan.shape);
      live.push({ plan, net, alive: plan.members.map((_, i) => i), pending: [net.metrics()], judges: plan.members.map((m) => new StopJudge(m.member.settings)), ms: 0 });
    }
    const batchedTrials = [...new Set(groups.flatMap((g) => g.members.map((m) => m.trial)))].sort((a, b) => a - b);
    const targets = [...new Set([...batchedTrials.flatMap((t) => checks[t].filter((e) => e > 0 && e < epochs)), epochs])].sort((a, b) => a - b);
    let lastYield = performance.now();
    for (const target of targets) {
      for (const g of live) {
        if (!g.net) continue;
        const start = performance.now();
        while (g.net.epoch < target) {
          if (cancelled()) return results;
          g.net.trainEpoch();
          g.pending.push(g.net.metrics());
          if (performance.now() - lastYield >= 100) {
            await nextTask();
            lastYield = performance.now();
            if (cancelled()) return results;
          }
        }
        await read(g, history);
        g.ms += performance.now() - start;
      }
      // Each trial's share of its groups' time so far (a group's time split over its members).
      for (const g of live) {
        const share = g.ms / Math.max(1, g.alive.length);
        for (const i of g.alive) ms[g.plan.members[i].trial] += share;
        g.ms = 0;
      }
      if (target === epochs) break;
      const reports = batchedTrials
        .filter((t) => !stopped.has(t) && checks[t].includes(target))
        .map((t) => ({ index: t, value: intermediate(t, target)[target - 1] }));
      if (reports.length === 0) continue;
      const stops = await decide(target, reports, []);
      if (cancelled()) return results;
      for (const t of stops) {
        if (stopped.has(t) || !reports.some((r) => r.index === t)) continue;
        stopped.add(t);
        finish(t, target, true, new Array<number>(folds[t]).fill(target));
      }
      for (const g of live) drop(g, stopped);
    }
    // The survivors, scored where they ended (or where early stopping left them).
    const scoreEpoch = new Map<string, number>();
    for (const g of live) for (const i of g.alive) scoreEpoch.set(`${g.plan.members[i].trial}|${g.plan.members[i].fold}`, g.judges[i].scoreEpoch ?? epochs);
    for (const t of batchedTrials) {
      if (stopped.has(t)) continue;
      finish(t, epochs, false, Array.from({ length: folds[t] }, (_, f) => scoreEpoch.get(`${t}|${f}`) ?? epochs));
    }
  } finally {
    for (const g of live) {
      g.pending.forEach((t) => t.dispose());
      g.net?.dispose();
    }
    if (home && tf.getBackend() !== home) await tf.setBackend(home);
  }
  for (const trial of alone) {
    if (cancelled()) break;
    const r = await crossValidate(specs[trial], cancelled);
    if (!r) break;
    results[trial] = specs[trial].config.batchnorm.some(Boolean) ? { ...r, alone: 'batchnorm' } : r;
    void Promise.resolve(progress?.(trial, results[trial]!)).catch(() => {});
  }
  return results;
}

/** Downloads a group's metrics since the last read (one sync) into each member's history; feeds early stopping. */
async function read(g: LiveGroup, history: [number, number][][][]): Promise<void> {
  if (g.pending.length === 0) return;
  const stacked = tf.stack(g.pending);
  g.pending.forEach((t) => t.dispose());
  g.pending.length = 0;
  const flat = (await stacked.data()) as Float32Array;
  stacked.dispose();
  const width = 2 * g.alive.length;
  for (let at = 0; at < flat.length; at += width) {
    g.alive.forEach((i, k) => {
      const { trial, fold } = g.plan.members[i];
      const h = history[trial][fold];
      h.push([flat[at + 2 * k], flat[at + 2 * k + 1]]);
      g.judges[i].feed(h.length - 1, flat[at + 2 * k]);
    });
  }
}

/** Takes the stopped trials' members out of a group: the survivors go on in a rebuilt group, or the group ends. */
function drop(g: LiveGroup, stopped: ReadonlySet<number>): void {
  if (!g.net) return;
  const keep = g.alive.map((i, k) => [i, k] as const).filter(([i]) => !stopped.has(g.plan.members[i].trial));
  if (keep.length === g.alive.length) return;
  const old = g.net;
  g.net = keep.length ? old.survivors(keep.map(([, k]) => k)) : null;
  g.alive = keep.map(([i]) => i);
  old.dispose();
}
