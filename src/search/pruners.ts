// Stopping bad trials early, as pure decisions (no training here): median stopping and
// successive halving (ASHA), and the coordinator the page uses to decide for all trials of a
// search at once, whatever worker trains them (src/client/searchRunner.ts).
//
// Every decision is deterministic: a trial's values are compared with those of the other trials
// at the same epoch, ties broken by trial index (lower first), so a seed reproduces which trials
// a search stops however its workers interleave. Values are signed so lower is better (accuracy
// is negated); a diverged trial (NaN) counts as the worst.
import type { SearchSpec } from './types';

export const DEFAULT_ETA = 3;
/** Median stopping judges a trial only once this many earlier trials have a value at that epoch (Optuna's n_startup_trials is 5). */
export const MEDIAN_STARTUP = 4;

/** One trial's intermediate objective at an epoch: its index in the search, and its value (lower is better). */
export interface Entry {
  index: number;
  value: number;
}

const worst = (v: number) => (Number.isNaN(v) ? Infinity : v);
const byValue = (a: Entry, b: Entry) => worst(a.value) - worst(b.value) || a.index - b.index;

/**
 * ASHA's default first rung when the spec has no minEpochs: the largest r = ⌊epochs ÷ η²⌋ (at
 * least 1), so the rungs r, rη, rη² make about three decisions over the run, the last near the end.
 */
export function defaultMinEpochs(epochs: number, eta: number): number {
  return Math.max(1, Math.floor(epochs / (eta * eta)));
}

/**
 * The epochs ASHA decides at: r, rη, rη², … (rounded, distinct), before the last epoch (a
 * trial that reaches the end has nothing left to be stopped from).
 */
export function ashaRungs(epochs: number, eta: number, minEpochs = defaultMinEpochs(epochs, eta)): number[] {
  const out: number[] = [];
  for (let r = Math.max(1, minEpochs); Math.round(r) < epochs; r *= eta) {
    const e = Math.round(r);
    if (out[out.length - 1] !== e) out.push(e);
    if (eta <= 1) break;
  }
  return out;
}

/**
 * The epochs median stopping checks at: every ⌈epochs ÷ 10⌉ epochs, never at epoch 1 (a
 * warm-up: after one epoch every trial is still mostly its initial weights), before the last epoch.
 */
export function medianChecks(epochs: number): number[] {
  const every = Math.max(1, Math.ceil(epochs / 10));
  const out: number[] = [];
  for (let e = every; e < epochs; e += every) if (e >= 2) out.push(e);
  return out;
}

/** How many of `n` trials at a rung go on: the best ⌈n ÷ η⌉, at least 1. */
export function rungKeeps(n: number, eta: number): number {
  return Math.max(1, Math.ceil(n / eta));
}

/**
 * Successive halving at one rung: of `candidates` (trial indices with a value in `all`), those
 * ranked among the best ⌈n ÷ η⌉ of every value recorded at this rung (n = all.length; earlier
 * rounds of a Bayesian or TPE search included, as asynchronous SH compares with every trial that
 * reached the rung). Returns the candidates that stop.
 */
export function ashaStops(all: readonly Entry[], candidates: ReadonlySet<number>, eta: number): Set<number> {
  const ranked = [...all].sort(byValue);
  const keep = rungKeeps(ranked.length, eta);
  const stops = new Set<number>();
  ranked.forEach((e, rank) => {
    if (rank >= keep && candidates.has(e.index)) stops.add(e.index);
  });
  return stops;
}

function median(values: number[]): number {
  const s = values.map(worst).sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * Median stopping at one epoch: a candidate stops when its value is worse than the median of
 * the values of the earlier trials (lower index) at this epoch, once at least `startup` of them
 * have one. Returns the candidates that stop.
 */
export function medianStops(all: readonly Entry[], candidates: ReadonlySet<number>, startup = MEDIAN_STARTUP): Set<number> {
  const stops = new Set<number>();
  for (const e of all) {
    if (!candidates.has(e.index)) continue;
    const earlier = all.filter((o) => o.index < e.index).map((o) => o.value);
    if (earlier.length >= Math.max(1, startup) && worst(e.value) > median(earlier)) stops.add(e.index);
  }
  return stops;
}

/** The reasons a spec's pruning settings cannot run, by field (searchProblems adds them). */
export function pruningProblems(spec: SearchSpec): { field: 'eta' | 'minEpochs' | 'pruner'; key: `prune:problem.${'pruner' | 'eta' | 'minEpochs'}` }[] {
  const out: ReturnType<typeof pruningProblems> = [];
  if (spec.pruner !== undefined && !['none', 'median', 'asha'].includes(spec.pruner)) out.push({ field: 'pruner', key: 'prune:problem.pruner' });
  const uses = spec.strategy === 'hyperband' || spec.pruner === 'asha';
  if (uses && spec.eta !== undefined && !(Number.isFinite(spec.eta) && spec.eta >= 2 && spec.eta <= 10)) out.push({ field: 'eta', key: 'prune:problem.eta' });
  if (spec.minEpochs !== undefined && !(Number.isInteger(spec.minEpochs) && spec.minEpochs >= 1 && spec.minEpochs < Math.max(2, spec.epochs))) {
    out.push({ field: 'minEpochs', key: 'prune:problem.minEpochs' });
  }
  return out;
}

/** How one trial is judged: the epochs it is checked at, and by which rule among which trials. */
export interface TrialRule {
  /** Epochs at which the trial reports its value and may be stopped, ascending. */
  checks: readonly number[];
  rule: 'median' | 'asha';
  /** Trials are compared only within their cohort (a Hyperband bracket; one cohort otherwise). */
  cohort: number;
}

/** What one trial reports at a check epoch. */
export interface Report {
  index: number;
  /** The objective at that epoch (mean over folds), as measured: accuracy is not yet negated. */
  value: number;
}

/**
 * Decides for every trial of a search at each check epoch, once every trial still running that
 * is checked there has reported (a barrier over all workers). Workers report with `report`;
 * trials that will not report again (finished, failed, trained alone, their worker gone) are
 * released with `leave`, so a barrier never waits on them. Trials of later rounds (Bayesian or
 * TPE) are added with `add` and compared with every value recorded so far.
 */
export class PruneCoordinator {
  private readonly rules = new Map<number, TrialRule>();
  /** Trials that may still report. */
  private readonly live = new Set<number>();
  /** Every value recorded, per epoch (signed: lower is better). */
  private readonly values = new Map<number, Entry[]>();
  private readonly waiting = new Map<number, { reports: Report[]; resolve: (stops: Set<number>) => void }[]>();
  private readonly decided = new Map<number, Set<number>>();
  private aborted = false;

  constructor(
    private readonly sign: 1 | -1,
    private readonly eta: number,
    private readonly startup = MEDIAN_STARTUP,
  ) {}

  add(index: number, rule: TrialRule): void {
    this.rules.set(index, rule);
    this.live.add(index);
  }

  /** Trials that will report no more: a barrier waiting on them may now decide. */
  leave(indices: Iterable<number>): void {
    for (const i of indices) this.live.delete(i);
    for (const epoch of [...this.waiting.keys()]) this.tryDecide(epoch);
  }

  /** Cancels the search: every pending and later report is answered at once, stopping nothing. */
  abort(): void {
    this.aborted = true;
    for (const list of this.waiting.values()) list.forEach((w) => w.resolve(new Set()));
    this.waiting.clear();
  }

  /** Reports the values of some trials at `epoch`; resolves to those of them that stop there. */
  report(epoch: number, reports: readonly Report[]): Promise<Set<number>> {
    if (this.aborted || reports.length === 0) return Promise.resolve(new Set());
    return new Promise((resolve) => {
      const list = this.waiting.get(epoch) ?? [];
      list.push({ reports: [...reports], resolve });
      this.waiting.set(epoch, list);
      this.tryDecide(epoch);
    });
  }

  /** Trials that are live, checked at `epoch`, and have not reported it yet. */
  private missing(epoch: number): number[] {
    const heard = new Set((this.waiting.get(epoch) ?? []).flatMap((w) => w.reports.map((r) => r.index)));
    return [...this.live].filter((i) => this.rules.get(i)!.checks.includes(epoch) && !heard.has(i));
  }

  private tryDecide(epoch: number): void {
    const list = this.waiting.get(epoch);
    if (!list || this.missing(epoch).length > 0) return;
    this.waiting.delete(epoch);
    const reports = list.flatMap((w) => w.reports);
    const recorded = this.values.get(epoch) ?? [];
    for (const r of reports) recorded.push({ index: r.index, value: this.sign * r.value });
    this.values.set(epoch, recorded);
    const stops = new Set<number>();
    const byCohort = new Map<string, Set<number>>();
    for (const r of reports) {
      const rule = this.rules.get(r.index)!;
      const key = `${rule.rule}:${rule.cohort}`;
      byCohort.set(key, (byCohort.get(key) ?? new Set()).add(r.index));
    }
    for (const [key, candidates] of byCohort) {
      const [rule, cohort] = [key.split(':')[0], Number(key.split(':')[1])];
      const all = recorded.filter((e) => this.rules.get(e.index)?.rule === rule && this.rules.get(e.index)?.cohort === cohort);
      const out = rule === 'asha' ? ashaStops(all, candidates, this.eta) : medianStops(all, candidates, this.startup);
      out.forEach((i) => stops.add(i));
    }
    this.decided.set(epoch, stops);
    for (const i of stops) this.live.delete(i);
    for (const w of list) w.resolve(new Set(w.reports.map((r) => r.index).filter((i) => stops.has(i))));
    // A stop may release a barrier at a later epoch that waited on the stopped trial.
    for (const e of [...this.waiting.keys()]) if (e !== epoch) this.tryDecide(e);
  }

  /** The trials stopped at each epoch so far (for tests and the report). */
  stopsAt(epoch: number): ReadonlySet<number> {
    return this.decided.get(epoch) ?? new Set();
  }
}
