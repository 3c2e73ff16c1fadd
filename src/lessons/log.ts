// The LessonLog recorder: from the moment a lesson is opened (or set up) it watches the store and
// writes down what the student did: every run that trained (its settings, losses, diagnoses, early
// stop, test evaluations), the searches, sweeps and transfer comparisons that finished, and the
// panels used. Checks read this log beside the live store, so "two runs finished" or "the test set
// was evaluated exactly once" can be told apart from what happened before the lesson.
import type { StoreApi } from 'zustand';
import type { ExperimentConfig } from '../shared/config';
import type { Store } from '../store/store';
import type { PanelId } from '../page/pageParams';
import type { LessonLog, RunRecord } from './types';

export function emptyLog(): LessonLog {
  return { runs: [], testEvaluations: 0, searches: [], sweeps: [], transfers: [], visited: [] };
}

/** Which panel holds the control of each setting (for `visited`). */
const PANEL_OF: Partial<Record<keyof ExperimentConfig, PanelId>> = {
  dataset: 'data',
  problem: 'data',
  samples: 'data',
  noise: 'data',
  seed: 'data',
  trainPct: 'data',
  valPct: 'data',
  features: 'data',
  slice: 'data',
  layers: 'model',
  activations: 'model',
  init: 'model',
  loss: 'training',
  optimizer: 'training',
  lr: 'training',
  batch: 'training',
  momentum: 'training',
  beta1: 'training',
  beta2: 'training',
  epsilon: 'training',
  epochs: 'training',
  pace: 'training',
  l1: 'regularization',
  l2: 'regularization',
  dropout: 'regularization',
  augment: 'regularization',
  patience: 'regularization',
  minDelta: 'regularization',
  restoreBest: 'regularization',
};

/** Settings are numbers, strings or small arrays and objects (a patch makes new ones). */
const same = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));

/** A run that has trained at least one epoch (epoch 0 is the untrained model's evaluation). */
const trained = (s: Store) => (s.metrics.last?.epoch ?? 0) >= 1;

interface Tracking {
  rec: RunRecord;
  /** Rows of the history already read, and how many were summarized then (a change re-reads all). */
  seen: number;
  summarized: number;
  /** Training loss at the best validation epoch. */
  trainAtBest: number;
}

export interface Recorder {
  readonly log: LessonLog;
  stop(): void;
}

/**
 * Starts recording on `store` (the app's useStore, or a test's). `onChange` is called after every
 * store update that changed the log (and may be called more often).
 */
export function startRecorder(store: Pick<StoreApi<Store>, 'getState' | 'subscribe'>, onChange: () => void = () => {}): Recorder {
  const log = emptyLog();
  const first = store.getState();
  // The run on screen counts only if it has not trained yet (then it is the lesson's first run).
  const baseRunId = trained(first) ? first.runId : first.runId - 1;
  const runs = new Map<number, Tracking>();
  const visited = (p: PanelId) => log.visited.includes(p);
  const visit = (p: PanelId) => {
    if (!log.visited.includes(p)) log.visited.push(p);
  };

  const updateRun = (s: Store) => {
    if (s.runId <= baseRunId || !trained(s) || !s.runConfig) return;
    let t = runs.get(s.runId);
    if (!t) {
      const config = s.runStartConfig ?? s.runConfig;
      t = {
        rec: { config, finalConfig: s.runConfig, epochs: 0, trainLoss: NaN, valLoss: NaN, bestValLoss: Infinity, bestValEpoch: 0, valTurnedUp: false, diagnoses: [], stoppedAt: null, testLosses: [] },
        seen: 0,
        summarized: s.metrics.summarized,
        trainAtBest: NaN,
      };
      const first = s.metrics.length ? s.metrics.row(0) : null;
      if (first && first.first === 0 && first.count === 1) t.rec.firstTrainLoss = first.end.trainLoss;
      runs.set(s.runId, t);
      log.runs.push(t.rec);
    }
    const { rec } = t;
    // The config in force when an epoch ran: a setting typed after the run's last epoch (before
    // "start fresh") belongs to the next run, not to this one.
    if (s.metrics.last && s.metrics.last.epoch !== rec.epochs) rec.finalConfig = s.runConfig;
    const h = s.metrics;
    if (h.summarized !== t.summarized) {
      t.seen = 0;
      t.summarized = h.summarized;
    }
    for (let i = t.seen; i < h.length; i++) {
      const row = h.row(i);
      const acc = row.count === 1 ? row.end.valAcc : row.max.valAcc;
      if (acc !== null && acc !== undefined && Number.isFinite(acc) && !(acc <= (rec.bestValAcc ?? -Infinity))) rec.bestValAcc = acc;
      const v = row.count === 1 ? row.end.valLoss : row.min.valLoss;
      if (Number.isFinite(v) && v < rec.bestValLoss) {
        rec.bestValLoss = v;
        rec.bestValEpoch = row.end.epoch;
        t.trainAtBest = row.end.trainLoss;
      }
    }
    t.seen = h.length;
    const last = h.last;
    if (last) {
      rec.epochs = last.epoch;
      rec.trainLoss = last.trainLoss;
      rec.valLoss = last.valLoss;
      rec.valAcc = last.valAcc ?? NaN;
      if (!rec.valTurnedUp && Number.isFinite(last.valLoss) && last.epoch > rec.bestValEpoch && last.valLoss >= 1.1 * rec.bestValLoss && last.trainLoss < t.trainAtBest) rec.valTurnedUp = true;
    }
    const regime = s.diagnosis.regime;
    if (regime !== 'too early to tell' && !rec.diagnoses.includes(regime)) rec.diagnoses.push(regime);
    if (s.earlyStop && rec.stoppedAt === null) rec.stoppedAt = s.earlyStop.stopEpoch;
  };

  const listener = (s: Store, prev: Store) => {
    updateRun(s);
    if (s.config !== prev.config) {
      for (const k of Object.keys(s.config) as (keyof ExperimentConfig)[]) {
        const p = PANEL_OF[k];
        if (p && !visited(p) && !same(s.config[k], prev.config[k])) visit(p);
      }
    }
    if (s.test && s.test !== prev.test) {
      log.testEvaluations++;
      visit('test');
      const t = runs.get(s.runId);
      if (t) t.rec.testLosses.push(s.test.loss);
    }
    if (s.overlay !== prev.overlay && s.overlay.length > prev.overlay.length) visit('runs');
    if (s.sweep !== prev.sweep) {
      if (s.sweep.status === 'running') visit('sweeps');
      if (s.sweep.status === 'done' && prev.sweep.status !== 'done') log.sweeps.push({ kind: s.sweep.kind, points: s.sweep.points.length });
    }
    if (s.search !== prev.search) {
      if (s.search.status === 'running') visit('search');
      if (s.search.status === 'done' && prev.search.status !== 'done' && s.search.spec) {
        const spec = s.search.spec;
        const ok = s.search.trials.filter((t) => Number.isFinite(t.mean)).map((t) => t.mean);
        const best = ok.length ? (spec.objective === 'accuracy' ? Math.max(...ok) : Math.min(...ok)) : NaN;
        log.searches.push({ strategy: spec.strategy, trials: s.search.trials.length, best, folds: spec.folds });
      }
    }
    if (s.transfer !== prev.transfer) {
      if (s.transfer.status !== 'idle') visit('transfer');
      const r = s.transfer.result;
      if (r && r !== prev.transfer.result) {
        const scratch = r.methods.find((m) => m.method === 'scratch');
        const others = r.methods.filter((m) => m.method !== 'scratch');
        log.transfers.push({
          frozen: Math.max(0, ...others.map((m) => m.frozenLayers.length)),
          scratchLoss: scratch?.finalValLoss ?? NaN,
          transferLoss: others.length ? Math.min(...others.map((m) => m.finalValLoss)) : NaN,
        });
      }
    }
    onChange();
  };
  updateRun(first);
  const unsubscribe = store.subscribe(listener);
  return { log, stop: unsubscribe };
}
