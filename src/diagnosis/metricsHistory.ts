// The page's record of a run's per-epoch metrics, bounded however long the run goes on.
//
// Keeping every epoch made a demo left running grow the page's heap without limit (~120–240
// bytes an epoch) and slowed it down (the store copied the whole array on every batch, and the
// chart and diagnosis scanned all of it). Here the most recent RECENT..RECENT+CHUNK epochs are
// kept exactly, as the worker sent them; older ones are folded into buckets of equal width
// (1, 2, 4, … epochs) that keep, per series, the minimum and maximum (so spikes and dips stay
// visible on the chart), the last epoch's values, and the sum of the log losses (so the
// diagnosis can average them exactly as it averages raw epochs). When MAX_BUCKETS are full,
// neighbouring buckets merge pairwise and the width doubles, so at most
// RECENT + CHUNK + MAX_BUCKETS rows exist at any time and an append costs amortized O(1).
//
// Bucket k always covers epochs indices [k·width, (k+1)·width) from the start of the run (the
// last bucket may be partial), so any bin width that is a multiple of `width` can be rebuilt
// exactly from buckets plus the recent epochs: that is what `binnedLogs` does for the diagnosis.
//
// A `MetricsHistory` is a snapshot handle over a mutable store: `appended` writes into the shared
// store and returns a new handle, so the zustand store gets a new reference (and React re-renders)
// without copying anything. Only the newest handle of a run may append; older handles read the
// current contents, which is what every reader wants (the latest data).
import type { EpochMetrics } from '../shared/protocol';

/** Epochs kept at full resolution: at least this many of the latest (a run this short is exact). */
export const RECENT = 2000;
/** Epochs moved into buckets at a time, so the recent array is re-sliced once per CHUNK appends. */
export const CHUNK = 500;
/** Buckets before neighbours merge (even, so they pair up). */
export const MAX_BUCKETS = 2048;

/** Floor on log losses, so an exact 0 (a perfect fit) stays finite. Shared with the diagnosis. */
export const LOG_FLOOR = Math.log(1e-12);

export function safeLog(x: number): number {
  return x > 0 ? Math.max(LOG_FLOOR, Math.log(x)) : LOG_FLOOR;
}

/** The drawable series: losses, accuracies, and training loss + penalty (what is minimized). */
export const SERIES = ['trainLoss', 'valLoss', 'trainAcc', 'valAcc', 'total'] as const;
export type SeriesKey = (typeof SERIES)[number];

export type Extent = Record<SeriesKey, number>;

/**
 * One row of the history: a single epoch (first === last, count 1) or a bucket of older epochs.
 * `min`/`max` are over finite values only (NaN when there were none; accuracy NaN = none);
 * `end` is the metrics of the row's last epoch as the worker sent them.
 */
export interface HistoryRow {
  first: number;
  last: number;
  count: number;
  min: Extent;
  max: Extent;
  end: EpochMetrics;
}

/** Log-loss averages over equal bins of epochs, as the diagnosis wants them. */
export interface LogBins {
  /** Epochs per bin. */
  bin: number;
  /** Epoch number each bin stands for (its middle epoch). */
  epoch: Float64Array;
  lt: Float64Array;
  lv: Float64Array;
}

// Bucket fields, column-major per bucket in one Float64Array (≈170 bytes a bucket).
const F_FIRST = 0;
const F_LAST = 1;
const F_COUNT = 2;
const F_SUM_LT = 3;
const F_SUM_LV = 4;
const F_END_PENALTY = 5;
/** The learning rate of the bucket's last epoch (NaN when it had none), for the chart's rate line. */
const F_END_LR = 6;
const F_MIN = 7; // + series index
const F_MAX = F_MIN + SERIES.length;
const F_END = F_MAX + SERIES.length;
const STRIDE = F_END + SERIES.length;

/** The value of one series at one epoch (NaN for a missing accuracy). */
export function seriesValue(e: EpochMetrics, k: SeriesKey): number {
  switch (k) {
    case 'trainLoss':
      return e.trainLoss;
    case 'valLoss':
      return e.valLoss;
    case 'trainAcc':
      return e.trainAcc ?? NaN;
    case 'valAcc':
      return e.valAcc ?? NaN;
    case 'total':
      return e.trainLoss + (e.penalty ?? 0);
  }
}

/** Min/max over finite values: NaN and ±Infinity (a diverged epoch) never become an extreme. */
export function fmin(a: number, b: number): number {
  if (!Number.isFinite(b)) return a;
  return Number.isNaN(a) || b < a ? b : a;
}
export function fmax(a: number, b: number): number {
  if (!Number.isFinite(b)) return a;
  return Number.isNaN(a) || b > a ? b : a;
}

class Store {
  recent: EpochMetrics[] = [];
  /** Epochs folded into buckets (the index of recent[0] from the start of the run). */
  folded = 0;
  width = 1;
  nBuckets = 0;
  buckets = new Float64Array(0);
  /** The first epoch with a non-finite loss, kept so the diagnosis need not rescan. */
  bad: { epoch: number; nan: boolean } | null = null;
  /** Some epoch had a weight penalty > 0. */
  penalty = false;
  count = 0;

  push(e: EpochMetrics): void {
    if (this.bad === null && (!Number.isFinite(e.trainLoss) || !Number.isFinite(e.valLoss))) {
      this.bad = { epoch: e.epoch, nan: Number.isNaN(e.trainLoss) || Number.isNaN(e.valLoss) };
    }
    if ((e.penalty ?? 0) > 0) this.penalty = true;
    this.recent.push(e);
    this.count++;
    if (this.recent.length >= RECENT + CHUNK) {
      for (let i = 0; i < CHUNK; i++) this.fold(this.recent[i]);
      this.recent = this.recent.slice(CHUNK);
    }
  }

  /** Adds the next-oldest epoch to the last bucket, or starts a bucket (merging when full). */
  private fold(e: EpochMetrics): void {
    const index = this.folded++;
    let b = this.nBuckets - 1;
    if (b < 0 || index >= (b + 1) * this.width) {
      if (this.nBuckets === MAX_BUCKETS) this.merge();
      b = this.nBuckets++;
      if (b * STRIDE >= this.buckets.length) {
        const grown = new Float64Array(Math.min(MAX_BUCKETS, Math.max(64, 2 * this.nBuckets)) * STRIDE);
        grown.set(this.buckets);
        this.buckets = grown;
      }
      const o = b * STRIDE;
      const d = this.buckets;
      d[o + F_FIRST] = e.epoch;
      d[o + F_COUNT] = 0;
      d[o + F_SUM_LT] = 0;
      d[o + F_SUM_LV] = 0;
      for (let s = 0; s < SERIES.length; s++) {
        d[o + F_MIN + s] = NaN;
        d[o + F_MAX + s] = NaN;
      }
    }
    const o = b * STRIDE;
    const d = this.buckets;
    d[o + F_LAST] = e.epoch;
    d[o + F_COUNT]++;
    d[o + F_SUM_LT] += safeLog(e.trainLoss);
    d[o + F_SUM_LV] += safeLog(e.valLoss);
    d[o + F_END_PENALTY] = e.penalty ?? NaN;
    d[o + F_END_LR] = e.lr ?? NaN;
    for (let s = 0; s < SERIES.length; s++) {
      const v = seriesValue(e, SERIES[s]);
      d[o + F_MIN + s] = fmin(d[o + F_MIN + s], v);
      d[o + F_MAX + s] = fmax(d[o + F_MAX + s], v);
      d[o + F_END + s] = v;
    }
  }

  /** All buckets are full (width epochs each): pair them up, doubling the width. */
  private merge(): void {
    const d = this.buckets;
    for (let k = 0; k < this.nBuckets / 2; k++) {
      const a = 2 * k * STRIDE;
      const b = a + STRIDE;
      const o = k * STRIDE;
      d[o + F_FIRST] = d[a + F_FIRST];
      d[o + F_LAST] = d[b + F_LAST];
      d[o + F_COUNT] = d[a + F_COUNT] + d[b + F_COUNT];
      d[o + F_SUM_LT] = d[a + F_SUM_LT] + d[b + F_SUM_LT];
      d[o + F_SUM_LV] = d[a + F_SUM_LV] + d[b + F_SUM_LV];
      d[o + F_END_PENALTY] = d[b + F_END_PENALTY];
      d[o + F_END_LR] = d[b + F_END_LR];
      for (let s = 0; s < SERIES.length; s++) {
        d[o + F_MIN + s] = fmin(d[a + F_MIN + s], d[b + F_MIN + s]);
        d[o + F_MAX + s] = fmax(d[a + F_MAX + s], d[b + F_MAX + s]);
        d[o + F_END + s] = d[b + F_END + s];
      }
    }
    this.nBuckets /= 2;
    this.width *= 2;
  }

  bucketRow(k: number): HistoryRow {
    const d = this.buckets;
    const o = k * STRIDE;
    const min = {} as Extent;
    const max = {} as Extent;
    const endV = {} as Extent;
    SERIES.forEach((s, i) => {
      min[s] = d[o + F_MIN + i];
      max[s] = d[o + F_MAX + i];
      endV[s] = d[o + F_END + i];
    });
    const penalty = d[o + F_END_PENALTY];
    const end: EpochMetrics = {
      epoch: d[o + F_LAST],
      trainLoss: endV.trainLoss,
      valLoss: endV.valLoss,
      trainAcc: Number.isNaN(endV.trainAcc) ? null : endV.trainAcc,
      valAcc: Number.isNaN(endV.valAcc) ? null : endV.valAcc,
    };
    if (!Number.isNaN(penalty)) end.penalty = penalty;
    const lr = d[o + F_END_LR];
    if (!Number.isNaN(lr)) end.lr = lr;
    return { first: d[o + F_FIRST], last: d[o + F_LAST], count: d[o + F_COUNT], min, max, end };
  }
}

function epochRow(e: EpochMetrics): HistoryRow {
  const x = {} as Extent;
  for (const s of SERIES) x[s] = seriesValue(e, s);
  return { first: e.epoch, last: e.epoch, count: 1, min: x, max: x, end: e };
}

export class MetricsHistory {
  private constructor(private readonly store: Store) {}

  /** An empty history for a new run. */
  static empty(): MetricsHistory {
    return new MetricsHistory(new Store());
  }

  static from(epochs: readonly EpochMetrics[]): MetricsHistory {
    return MetricsHistory.empty().appended(epochs);
  }

  /**
   * Appends epochs (in order, continuing the run) and returns a new handle on the same record.
   * Amortized O(1) an epoch; nothing is copied wholesale.
   */
  appended(epochs: readonly EpochMetrics[]): MetricsHistory {
    if (epochs.length === 0) return this;
    for (const e of epochs) this.store.push(e);
    return new MetricsHistory(this.store);
  }

  /** Epochs recorded in all (not rows: older ones are summarized). */
  get epochs(): number {
    return this.store.count;
  }

  /** Rows: one per recent epoch plus one per bucket. Equals `epochs` while the run is short. */
  get length(): number {
    return this.store.nBuckets + this.store.recent.length;
  }

  /** Rows that stand for a bucket (the first `summarized` rows); 0 while every epoch is kept. */
  get summarized(): number {
    return this.store.nBuckets;
  }

  /** Epochs per bucket (1 until the buckets first merge). */
  get bucketWidth(): number {
    return this.store.width;
  }

  /** The latest epoch's metrics, as the worker sent them. */
  get last(): EpochMetrics | undefined {
    return this.store.recent.at(-1);
  }

  /** The first epoch whose loss was NaN or infinite, or null. */
  get firstNonFinite(): { epoch: number; nan: boolean } | null {
    return this.store.bad;
  }

  /** Some epoch had a weight penalty > 0 (the chart then draws loss + penalty). */
  get hasPenalty(): boolean {
    return this.store.penalty;
  }

  /** Row i as metrics (a bucket as its last epoch's values); negative i counts from the end. */
  at(i: number): EpochMetrics | undefined {
    const n = this.length;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return undefined;
    const nb = this.store.nBuckets;
    return i < nb ? this.store.bucketRow(i).end : this.store.recent[i - nb];
  }

  /** Row i with its extremes. */
  row(i: number): HistoryRow {
    const nb = this.store.nBuckets;
    return i < nb ? this.store.bucketRow(i) : epochRow(this.store.recent[i - nb]);
  }

  /** Every row, oldest first (O(length), bounded). */
  rows(): HistoryRow[] {
    return Array.from({ length: this.length }, (_, i) => this.row(i));
  }

  /** Every row as metrics: one per epoch while the run is short, then bucket ends first. */
  toArray(): EpochMetrics[] {
    const nb = this.store.nBuckets;
    const out: EpochMetrics[] = [];
    for (let k = 0; k < nb; k++) out.push(this.store.bucketRow(k).end);
    return out.concat(this.store.recent);
  }

  /**
   * Mean log losses over bins of `bin` epochs from the start of the run, with
   * bin = ceil(epochs / maxPoints) rounded up to a multiple of the bucket width (so bins are
   * sums of whole buckets). While no epoch has been summarized this is exactly the per-epoch
   * binning the diagnosis always did, summed in the same order. O(length + bins).
   */
  binnedLogs(maxPoints: number): LogBins {
    const st = this.store;
    const n = st.count;
    let bin = Math.max(1, Math.ceil(n / maxPoints));
    if (st.nBuckets > 0) bin = Math.ceil(bin / st.width) * st.width;
    const m = Math.ceil(n / bin);
    const lt = new Float64Array(m);
    const lv = new Float64Array(m);
    const cnt = new Float64Array(m);
    const d = st.buckets;
    for (let k = 0; k < st.nBuckets; k++) {
      const o = k * STRIDE;
      const j = Math.floor((k * st.width) / bin);
      lt[j] += d[o + F_SUM_LT];
      lv[j] += d[o + F_SUM_LV];
      cnt[j] += d[o + F_COUNT];
    }
    for (let r = 0; r < st.recent.length; r++) {
      const j = Math.floor((st.folded + r) / bin);
      const e = st.recent[r];
      lt[j] += safeLog(e.trainLoss);
      lv[j] += safeLog(e.valLoss);
      cnt[j]++;
    }
    const epoch = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      lt[j] /= cnt[j];
      lv[j] /= cnt[j];
      const lo = j * bin;
      const hi = Math.min(n, lo + bin);
      epoch[j] = this.epochAt((lo + hi - 1) >> 1);
    }
    return { bin, epoch, lt, lv };
  }

  /** The epoch number at index i from the start of the run (epochs inside a bucket are contiguous). */
  private epochAt(i: number): number {
    const st = this.store;
    if (i >= st.folded) return st.recent[i - st.folded].epoch;
    const k = Math.floor(i / st.width);
    return st.buckets[k * STRIDE + F_FIRST] + (i - k * st.width);
  }
}
