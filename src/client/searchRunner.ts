// Runs a hyperparameter search: a pool of training workers (one per core, at least one, reused
// across trials), each trial scored by cross-validation in a worker, results into the store.
// By default each worker trains its share of the trials batched (stacked models, one tfjs
// operation serving all of them; see src/worker/batchedTrials.ts). The spec's `batched: false`
// and `workers: n` give the old one-trial-at-a-time path and a smaller pool, e.g. for the
// benchmark's baseline: `search({ ...spec, workers: 1, batched: false })`.
import { modelShape } from './modelShape';
import { secondValue } from '../search/objectives';
import { t } from '../i18n/i18n';
import { issueText } from '../search/labels';
import type { Remote } from 'comlink';
import { applyTrial } from '../search/applyTrial';
import { foldsValid } from '../search/kfold';
import { gridSize, validateSpace } from '../search/space';
import { planHyperband } from '../search/hyperband';
import { ashaRungs, DEFAULT_ETA, medianChecks, pruningProblems, PruneCoordinator, type TrialRule } from '../search/pruners';
import type { RaceRow, SearchSpec, Strategy, Trial, TrialRecord, TrialResult, TrialSpec } from '../search/types';
import { generateDataset } from '../data/generators';
import { splitDataset } from '../data/split';
import type { BackendKey, EngineKey, ExperimentConfig } from '../shared/config';
import type { PruneReport, SearchApi } from '../shared/protocol';
import { DATASETS, isImages, isTable } from '../shared/datasets';
import { useStore } from '../store/store';
import { ensureUpload } from './uploads';
import { searchEngines } from './helperBackend';
import { errorText } from '../shared/errorText';
import { WorkerBridge } from './workerBridge';
import { startWorker } from './workers';

/** Up to 4 workers: more than the cores only adds contention. */
export function poolSize(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
}

/** How long a pool worker is kept without a trial before it is ended (it holds a tfjs backend). */
const POOL_IDLE_MS = 120_000;

/**
 * The backend of the pool for the search under way, as JSON: a named one as is; with 'auto', the
 * main run's pick for single trials plus the engines a batched group may run faster on (see
 * searchEngines). Fixed when a search starts, so a backend chosen during a search does not
 * restart its workers (the first one holds the searcher).
 */
let poolKey = JSON.stringify(['cpu', null]);

function poolWorker(i: number): WorkerBridge<SearchApi> {
  return new WorkerBridge<SearchApi>({
    role: `search pool (search-${i})`,
    start: () => startWorker('search', `search-${i}`),
    key: () => poolKey,
    init: (api, key) => {
      const [backend, engines] = JSON.parse(key) as [BackendKey, EngineKey[] | null];
      return api.init(backend, engines ?? undefined);
    },
    idleMs: POOL_IDLE_MS,
  });
}

let pool: WorkerBridge<SearchApi>[] = [];

/** The pool for a requested backend, started (and each worker initialized) on the first calls. */
function ensurePool(requested: BackendKey): WorkerBridge<SearchApi>[] {
  const engines = searchEngines(requested);
  poolKey = JSON.stringify([engines ? 'auto' : requested, engines ?? null]);
  if (pool.length !== poolSize()) {
    pool.forEach((w) => w.terminate());
    pool = Array.from({ length: poolSize() }, (_, i) => poolWorker(i));
  }
  return pool;
}

export interface SearchProblem {
  /** A searched setting, 'space', or one of the run's own fields. */
  field: string;
  message: string;
}

/** Every reason the spec cannot run, each tied to the field it is about; empty when it can. */
export function searchProblems(spec: SearchSpec, config: ExperimentConfig): SearchProblem[] {
  const problems: SearchProblem[] = validateSpace(spec.space, spec.strategy, undefined, config).map((i) => ({ field: i.field, message: issueText(i) }));
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!Number.isInteger(spec.epochs) || spec.epochs < 1 || spec.epochs > 5000) add('epochs', t('search:problem.epochs'));
  if (spec.strategy !== 'grid' && (!Number.isInteger(spec.budget) || spec.budget < 1 || spec.budget > 500)) add('budget', t('search:problem.budget'));
  if (!Number.isInteger(spec.seed) || spec.seed < 0) add('seed', t('search:problem.seed'));
  if (spec.workers !== undefined && (!Number.isInteger(spec.workers) || spec.workers < 1)) add('workers', t('search:problem.workers'));
  if (spec.patience !== undefined && (!Number.isInteger(spec.patience) || spec.patience < 0 || spec.patience > 1000)) add('patience', t('search:problem.patience'));
  if (!Number.isInteger(spec.folds) || spec.folds < 1 || spec.folds > 10) add('folds', t('search:problem.folds'));
  else if (spec.folds > 1 && isImages(config.dataset)) add('folds', t('search:problem.imageFolds'));
  else if (spec.folds > 1 && !isTable(config.dataset) && !isImages(config.dataset)) {
    // Tables are checked in the worker, which holds their rows.
    const info = DATASETS[config.dataset];
    const p = generateDataset(config.dataset, config.samples, config.noise, config.seed);
    const split = splitDataset(p.y, { problem: info.problem, trainPct: config.trainPct, valPct: config.valPct, seed: config.seed, classes: info.classes });
    const pool = [...split.train, ...split.val].map((i) => p.y[i]);
    const why = foldsValid(pool, spec.folds, info.problem === 'classification' ? info.classes : 1);
    if (why) add('folds', why);
  }
  if (spec.objective === 'accuracy' && config.problem === 'regression') add('objective', t('search:problem.accuracy'));
  for (const p of pruningProblems(spec)) add(p.field, t(p.key));
  return problems;
}

/** Aborts the search under way (cancelSearch); every pool call of that search takes its signal. */
let abort = new AbortController();

/**
 * A pool call that the search's Cancel stops: the worker stops between epochs and the call
 * resolves to what it finished, or to `none` when the search was cancelled before it began.
 */
async function cancellable<T>(w: WorkerBridge<SearchApi>, fn: (api: Remote<SearchApi>) => Promise<T>, none: T): Promise<T> {
  try {
    return await w.call(fn, { signal: abort.signal, cancel: (api) => api.cancel() });
  } catch (e) {
    if (e instanceof Error && e.name === 'AbortError') return none;
    throw e;
  }
}

/** Trials per round of a batched Bayesian search (fixed, so a seed reproduces on any machine). */
const BAYES_ROUND = 4;
/**
 * How much work one call to a worker carries at most, in model-epochs (trials × folds ×
 * epochs), so results, the progress bar and the time estimate keep coming on long searches
 * (a few seconds of work on the default task); between 4 and 64 trials whatever the size.
 */
const CHUNK_WORK = 4000;

function chunkTrials(spec: SearchSpec): number {
  return Math.max(4, Math.min(64, Math.floor(CHUNK_WORK / (spec.folds * spec.epochs))));
}

interface Planned {
  i: number;
  trial: Trial;
  /** The Hyperband bracket it runs in. */
  bracket?: number;
}

/** Whether the search stops trials early: Hyperband always, other strategies with a pruner. */
export function prunes(spec: SearchSpec): boolean {
  return spec.strategy === 'hyperband' || (spec.pruner !== undefined && spec.pruner !== 'none');
}

/** How a trial is judged: Hyperband's bracket rungs, ASHA's rungs, or median stopping's checks. */
export function trialRule(spec: SearchSpec, item: Planned, bracketRungs: readonly (readonly number[])[] = []): TrialRule {
  const eta = spec.eta ?? DEFAULT_ETA;
  if (spec.strategy === 'hyperband') return { checks: bracketRungs[item.bracket ?? 0] ?? [], rule: 'asha', cohort: item.bracket ?? 0 };
  if (spec.pruner === 'median') return { checks: medianChecks(spec.epochs), rule: 'median', cohort: 0 };
  return { checks: ashaRungs(spec.epochs, eta, spec.minEpochs), rule: 'asha', cohort: 0 };
}

/**
 * As runBatched, stopping trials early: each worker gets its whole share in one call (a rung
 * needs every trial of the search to reach it, so a worker cannot hold trials back for a later
 * call) and trains it rung-major; at each check epoch its `decide` waits on the coordinator's
 * barrier, where the page decides for all trials at once. A worker that ends, fails or is
 * cancelled leaves the barrier, so the others never wait on it.
 */
async function runPruned(
  workers: WorkerBridge<SearchApi>[],
  items: Planned[],
  coordinator: PruneCoordinator,
  rule: (item: Planned) => TrialRule,
  toSpec: (trial: Trial) => TrialSpec,
  record: (i: number, trial: Trial, r: TrialResult) => void,
): Promise<(TrialResult | null)[]> {
  const results: (TrialResult | null)[] = items.map(() => null);
  const rules = items.map(rule);
  items.forEach((it, j) => coordinator.add(it.i, rules[j]));
  const shares = dealTrials(items.map((it) => toSpec(it.trial)), workers.length);
  await Promise.all(
    workers.map(async (w, k) => {
      const share = shares[k];
      if (share.length === 0) return;
      const take = (c: number, r: TrialResult | null) => {
        const j = share[c];
        if (!r || results[j]) return;
        const withBracket = items[j].bracket !== undefined ? { ...r, bracket: items[j].bracket } : r;
        results[j] = withBracket;
        record(items[j].i, items[j].trial, withBracket);
      };
      const decide = async (epoch: number, reports: PruneReport[], leaving: number[]) => {
        coordinator.leave(leaving.map((c) => items[share[c]].i));
        const stops = await coordinator.report(epoch, reports.map((r) => ({ index: items[share[r.index]].i, value: r.value })));
        return reports.map((r) => r.index).filter((c) => stops.has(items[share[c]].i));
      };
      try {
        const specs = share.map((j) => toSpec(items[j].trial));
        const done = await cancellable(w, (api) => api.runTrialsPruned(specs, share.map((j) => [...rules[j].checks]), w.proxy(decide), w.proxy(take)), specs.map(() => null));
        done.forEach((r, c) => take(c, r));
      } finally {
        coordinator.leave(share.map((j) => items[j].i));
      }
    }),
  );
  return results;
}

/**
 * Deals the trials round-robin over the workers (so each gets a similar mix of settings, and
 * of work); each worker trains its share batched, `chunk` trials per call.
 * Every result is recorded as soon as its worker reports it. Resolves to the results in the
 * order of `items` (null where cancelled).
 */
async function runBatched(
  workers: WorkerBridge<SearchApi>[],
  items: Planned[],
  chunkSize: number,
  toSpec: (trial: Trial) => TrialSpec,
  record: (i: number, trial: Trial, r: TrialResult) => void,
): Promise<(TrialResult | null)[]> {
  const results: (TrialResult | null)[] = items.map(() => null);
  const shares = dealTrials(items.map((it) => toSpec(it.trial)), workers.length);
  await Promise.all(
    workers.map(async (w, k) => {
      const share = shares[k];
      for (let at = 0; at < share.length && !abort.signal.aborted; at += chunkSize) {
        const chunk = share.slice(at, at + chunkSize);
        const take = (c: number, r: TrialResult | null) => {
          const j = chunk[c];
          if (!r || results[j]) return;
          results[j] = r;
          record(items[j].i, items[j].trial, r);
        };
        const specs = chunk.map((j) => toSpec(items[j].trial));
        const done = await cancellable(w, (api) => api.runTrials(specs, w.proxy(take)), specs.map(() => null));
        // Progress messages travel on their own channel and may trail the answer.
        done.forEach((r, c) => take(c, r));
      }
    }),
  );
  return results;
}

/**
 * Splits trials over `workers` so trials that can share one batched model land in the same
 * worker: trials are bundled by what a batched group must share (batch size, depth, activations,
 * optimizer, dropout on or off), and whole bundles go to the least-loaded worker, largest first.
 * A bundle's cost is its steps (rows ÷ batch size, × folds × epochs) plus a little per trial:
 * on small networks a step costs about the same however many trials it serves. A bundle bigger
 * than an even share is split, so no worker sits idle. Returns indices into `specs`, in order.
 */
export function dealTrials(specs: readonly TrialSpec[], workers: number): number[][] {
  const bundles = new Map<string, number[]>();
  specs.forEach((s, i) => {
    const c = s.config;
    const key = JSON.stringify([c.batch, c.layers.length, c.activations, c.optimizer, c.loss, c.dropout.some((r) => r > 0), s.folds, s.epochs]);
    bundles.set(key, [...(bundles.get(key) ?? []), i]);
  });
  const cost = (idx: number[]) => {
    const s = specs[idx[0]];
    return (s.folds * s.epochs * (1 + 0.05 * idx.length)) / Math.max(1, s.config.batch);
  };
  const total = [...bundles.values()].reduce((a, b) => a + cost(b), 0);
  const pieces: number[][] = [];
  for (const b of bundles.values()) {
    const parts = Math.min(b.length, Math.max(1, Math.round((cost(b) / total) * workers)));
    for (let p = 0; p < parts; p++) pieces.push(b.filter((_, j) => j % parts === p));
  }
  pieces.sort((a, b) => cost(b) - cost(a));
  const shares: number[][] = Array.from({ length: workers }, () => []);
  const load = new Array<number>(workers).fill(0);
  for (const piece of pieces) {
    const w = load.indexOf(Math.min(...load));
    shares[w].push(...piece);
    load[w] += cost(piece);
  }
  return shares.map((s) => s.sort((a, b) => a - b));
}

/** Runs the search on the current config; resolves to the finished trials (kept when cancelled). */
export async function runSearch(spec: SearchSpec): Promise<TrialRecord[]> {
  const s = useStore.getState();
  if (s.search.status === 'running' || s.search.status === 'cancelling') throw new Error(t('search:problem.running'));
  const base = { ...s.config, ...(spec.patience !== undefined ? { patience: spec.patience } : {}) };
  const problems = searchProblems(spec, base);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('; '));
  abort = new AbortController();
  const trials: TrialRecord[] = [];
  const set = useStore.getState().setSearch;
  const now = performance.now();
  set({ status: 'running', spec, trials: [], total: 0, startedAt: now, updatedAt: now, finishedAt: null, error: null });
  try {
    const workers = ensurePool(base.backend).slice(0, spec.workers ?? Infinity);
    await Promise.all(workers.map((w) => w.call((api) => ensureUpload(api))));
    // The searcher (for Bayesian search, a Gaussian process refitted per suggestion) lives in
    // the first pool worker, so its linear algebra never blocks the page.
    const host = workers[0];
    // Hyperband's plan (brackets of random trials) is made here; the other searchers live in the host.
    const hyperband = spec.strategy === 'hyperband' ? planHyperband(spec.space, spec.epochs, spec.eta ?? DEFAULT_ETA, spec.budget, spec.seed) : null;
    set({ total: hyperband ? hyperband.trials.length : await host.call((api) => api.searchBegin(spec.strategy, spec.space, spec.budget, spec.seed)) });
    const sign = spec.objective === 'accuracy' ? -1 : 1;
    // One coordinator for the whole search: a Bayesian or TPE round's trials are judged against
    // every earlier trial's values at the same epoch.
    const coordinator = new PruneCoordinator(sign, spec.eta ?? DEFAULT_ETA);
    abort.signal.addEventListener('abort', () => coordinator.abort(), { once: true });
    const bracketRungs = hyperband?.brackets.map((b) => b.rungs) ?? [];
    /** Trains a round of trials: batched, and with pruning when the spec asks for it. */
    const runRound = (items: Planned[]) =>
      prunes(spec)
        ? runPruned(workers, items, coordinator, (it) => trialRule(spec, it, bracketRungs), toSpec, record)
        : runBatched(workers, items, chunkTrials(spec), toSpec, record);
    const toSpec = (trial: Trial): TrialSpec => ({ config: applyTrial(base, trial), folds: spec.folds, epochs: spec.epochs, objective: spec.objective });
    // Results reach the store at most every 250 ms: a table and scatters redrawn per trial would
    // cost the page more than the trials themselves.
    let pending: ReturnType<typeof setTimeout> | null = null;
    const publish = () => {
      if (pending !== null) clearTimeout(pending);
      pending = null;
      set({ trials: [...trials].sort((a, b) => a.index - b.index), updatedAt: performance.now() });
    };
    const record = (i: number, trial: Trial, r: TrialResult) => {
      trials.push({ index: i, trial, ...r });
      pending ??= setTimeout(publish, 250);
    };
    // Searchers minimize; a diverged trial (NaN) counts as the worst. A pruned trial is observed
    // with its value where it stopped (an early, usually worse value: the searcher learns to avoid it).
    // With two objectives the searcher also hears the second (TPE then splits by Pareto rank).
    const secondOf = spec.objectives?.[1];
    const shape = secondOf === 'params' ? modelShape() : null;
    const observe = async (round: Planned[], results: (TrialResult | null)[]) => {
      for (const [j, { i, trial }] of round.entries()) {
        const r = results[j];
        if (!r) continue;
        const second = secondOf ? secondValue({ index: i, trial, ...r }, secondOf, shape) : undefined;
        await host.call((api) => api.searchObserve(trial, Number.isFinite(r.mean) ? sign * r.mean : Infinity, second));
      }
    };
    /** The next `n` trials of the searcher (fewer at its end). */
    const next = async (n: number, from: number): Promise<Planned[]> => {
      const out: Planned[] = [];
      while (out.length < n) {
        const trial = await host.call((api) => api.searchNext());
        if (!trial) break;
        out.push({ i: from + out.length, trial });
      }
      return out;
    };
    if (hyperband) {
      await runRound(hyperband.trials.map(({ trial, bracket }, i) => ({ i, trial, bracket })));
    } else if (spec.batched === false && !prunes(spec)) {
      // One trial per worker at a time, in rounds observed in trial order once the round is
      // done: the searcher then sees the same results in the same order on every run, so a seed
      // reproduces the whole search (Bayesian included) however the workers interleave.
      for (let index = 0; !abort.signal.aborted; ) {
        const round = await next(workers.length, index);
        index += round.length;
        if (round.length === 0) break;
        const results = await Promise.all(
          round.map(async ({ i, trial }, j) => {
            const r = await cancellable(workers[j], (api) => api.runTrial(toSpec(trial)), null);
            if (r) record(i, trial, r);
            return r;
          }),
        );
        await observe(round, results);
      }
    } else if (spec.strategy === 'bayes' || spec.strategy === 'tpe') {
      // Rounds of BAYES_ROUND suggestions (pending ones count as the mean so far), trained
      // batched and observed in trial order: the same seed gives the same search on any machine.
      for (let index = 0; !abort.signal.aborted; ) {
        const round = await next(BAYES_ROUND, index);
        index += round.length;
        if (round.length === 0) break;
        await observe(round, await runRound(round));
      }
    } else {
      // Grid and random search know every trial up front: all of them go out at once.
      await runRound(await next(Infinity, 0));
    }
    publish();
    set({ status: abort.signal.aborted ? 'cancelled' : 'done', finishedAt: performance.now() });
    saveSearch();
  } catch (e) {
    set({ status: 'error', error: errorText(e), finishedAt: performance.now() });
    // A pool worker that failed or stopped is already gone; the others may still be training
    // their share, which no one waits for now.
    pool.forEach((w) => w.terminate());
    throw e;
  }
  return [...trials].sort((a, b) => a.index - b.index);
}

export async function cancelSearch(): Promise<void> {
  if (useStore.getState().search.status !== 'running') return;
  useStore.getState().setSearch({ status: 'cancelling' });
  abort.abort();
}

/**
 * The best finished trial: lowest mean loss, or highest mean accuracy. Trials that ran to the end
 * come first (as Optuna's best trial is a complete one): a pruned trial's score is from an
 * earlier epoch and not comparable.
 */
export function bestTrial(trials: readonly TrialRecord[], objective: SearchSpec['objective']): TrialRecord | null {
  const finite = trials.filter((t) => Number.isFinite(t.mean));
  const complete = finite.filter((t) => !t.pruned);
  const ok = complete.length ? complete : finite;
  if (!ok.length) return null;
  return ok.reduce((b, t) => ((objective === 'accuracy' ? t.mean > b.mean : t.mean < b.mean) ? t : b));
}

const STORAGE_KEY = 'tuning-playground:search';

/** Keeps a finished search for this browser session, so a reload does not lose it. */
function saveSearch(): void {
  const { search } = useStore.getState();
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...search, startedAt: 0, updatedAt: search.updatedAt - search.startedAt, finishedAt: (search.finishedAt ?? 0) - search.startedAt }));
  } catch {
    // Storage full or disabled: the search simply is not kept.
  }
}

/** Restores the search finished earlier in this session, if any. */
export function restoreSearch(): void {
  try {
    const text = sessionStorage.getItem(STORAGE_KEY);
    if (!text) return;
    const saved = JSON.parse(text);
    if (saved && Array.isArray(saved.trials) && typeof saved.total === 'number') useStore.getState().setSearch(saved);
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
  }
}

/**
 * Races grid, random, Bayesian search and TPE on the same (list) space with the same number of
 * trials (the grid's cells), one after another so their wall times are comparable.
 */
export async function runRace(spec: SearchSpec): Promise<RaceRow[]> {
  const budget = gridSize(spec.space);
  const rows: RaceRow[] = [];
  useStore.getState().setSearch({ race: [] });
  for (const strategy of ['grid', 'random', 'bayes', 'tpe'] as Strategy[]) {
    const trials = await runSearch({ ...spec, strategy, budget });
    const s = useStore.getState().search;
    const best = bestTrial(trials, spec.objective);
    if (!best) break;
    const bestAt = 1 + trials.findIndex((t) => t.mean === best.mean);
    rows.push({ strategy, trials: trials.length, seconds: ((s.finishedAt ?? s.updatedAt) - s.startedAt) / 1000, best: best.mean, bestAt });
    useStore.getState().setSearch({ race: [...rows] });
    if (s.status === 'cancelled') break;
  }
  saveSearch();
  return rows;
}

/** Tensors held by each running pool worker (for the benchmark's memory check); none are started for it. */
export function poolMemory(): Promise<{ numTensors: number; numBytes: number }[]> {
  return Promise.all(pool.filter((w) => w.running).map((w) => w.call((api) => api.memory(), { ifRunning: true })));
}
