// The loss curves as the detectors read them: log losses averaged into at most MAX_POINTS bins,
// spike-filtered (median of 5) and smoothed (centred moving average), with the point noise of
// each curve. Losses span orders of magnitude and their noise is roughly multiplicative, so all
// curve work happens on log losses: "risen 10%" is a fixed distance in log space at any scale.
import { safeLog, type LogBins } from './metricsHistory';
import type { EpochMetrics } from '../shared/protocol';

/** Long runs are averaged into at most this many bins first, keeping each call O(n) and cheap. */
export const MAX_POINTS = 2000;
/** Smoothing window as a share of the run: wide enough that noisy validation curves settle. */
const SMOOTH_FRACTION = 0.08;
/** The smallest smoothing window (points), so short runs are still smoothed a little. */
const MIN_WINDOW = 5;
/** Variance of a w-point mean of median-of-5 filtered noise is ≈1.2 σ²/w (simulated); 1.5 allows for correlated noise. */
const SMOOTH_VAR_FACTOR = 1.5;

export interface Series {
  m: number;
  /** Epochs per point (1 unless the run was binned). */
  bin: number;
  /** Epoch number each point stands for (the bin's middle epoch). */
  epoch: Float64Array;
  /** Binned log losses. */
  lt: Float64Array;
  lv: Float64Array;
  /** Median-of-5 filtered (spikes removed), then centred moving average (truncated at the ends). */
  mt: Float64Array;
  st: Float64Array;
  sv: Float64Array;
  /** Half-width of the moving average. */
  h: number;
  /** Noise σ of one point of the log series (robust, from first differences). */
  noiseT: number;
  noiseV: number;
}

const scratch = new Float64Array(5);

/** Median of up to 5 neighbours (fewer at the ends). */
function median5(x: Float64Array, out: Float64Array): void {
  const m = x.length;
  for (let i = 0; i < m; i++) {
    const lo = Math.max(0, i - 2);
    const hi = Math.min(m - 1, i + 2);
    let k = 0;
    for (let j = lo; j <= hi; j++) {
      const v = x[j];
      let p = k++;
      while (p > 0 && scratch[p - 1] > v) {
        scratch[p] = scratch[p - 1];
        p--;
      }
      scratch[p] = v;
    }
    out[i] = k % 2 ? scratch[(k - 1) / 2] : (scratch[k / 2 - 1] + scratch[k / 2]) / 2;
  }
}

/** Centred moving average of half-width h, the window truncated at both ends. */
function boxSmooth(x: Float64Array, h: number, prefix: Float64Array, out: Float64Array): void {
  const m = x.length;
  prefix[0] = 0;
  for (let i = 0; i < m; i++) prefix[i + 1] = prefix[i] + x[i];
  for (let i = 0; i < m; i++) {
    const lo = Math.max(0, i - h);
    const hi = Math.min(m - 1, i + h);
    out[i] = (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
  }
}

/** Robust σ of the point noise: MAD of first differences, / √2 (uses `work` as scratch). */
function noiseSigma(x: Float64Array, work: Float64Array): number {
  const m = x.length;
  if (m < 3) return 0;
  const d = work.subarray(0, m - 1);
  for (let i = 1; i < m; i++) d[i - 1] = Math.abs(x[i] - x[i - 1]);
  d.sort();
  const k = d.length;
  const med = k % 2 ? d[(k - 1) / 2] : (d[k / 2 - 1] + d[k / 2]) / 2;
  return (1.4826 * med) / Math.SQRT2;
}

/** Mean log losses over ≤ MAX_POINTS equal bins of a plain array of epochs. */
export function binArray(epochs: readonly EpochMetrics[]): LogBins {
  const n = epochs.length;
  const bin = Math.max(1, Math.ceil(n / MAX_POINTS));
  const m = Math.ceil(n / bin);
  const epoch = new Float64Array(m);
  const lt = new Float64Array(m);
  const lv = new Float64Array(m);
  for (let b = 0; b < m; b++) {
    const lo = b * bin;
    const hi = Math.min(n, lo + bin);
    let t = 0;
    let v = 0;
    for (let i = lo; i < hi; i++) {
      t += safeLog(epochs[i].trainLoss);
      v += safeLog(epochs[i].valLoss);
    }
    lt[b] = t / (hi - lo);
    lv[b] = v / (hi - lo);
    epoch[b] = epochs[(lo + hi - 1) >> 1].epoch;
  }
  return { bin, epoch, lt, lv };
}

export function buildSeries({ bin, epoch, lt, lv }: LogBins): Series {
  const m = lt.length;
  let w = Math.max(MIN_WINDOW, Math.round(SMOOTH_FRACTION * m));
  if (w % 2 === 0) w++;
  const h = (w - 1) / 2;
  const work = new Float64Array(m + 1);
  const mt = new Float64Array(m);
  const mv = new Float64Array(m);
  const st = new Float64Array(m);
  const sv = new Float64Array(m);
  median5(lt, mt);
  median5(lv, mv);
  boxSmooth(mt, h, work, st);
  boxSmooth(mv, h, work, sv);
  const noiseT = noiseSigma(lt, work);
  const noiseV = noiseSigma(lv, work);
  return { m, bin, epoch, lt, lv, mt, st, sv, h, noiseT, noiseV };
}

/** Standard error of the smoothed value at point i, for point noise σ. */
export function smoothedSigma(s: Series, sigma: number, i: number): number {
  const len = Math.min(s.m - 1, i + s.h) - Math.max(0, i - s.h) + 1;
  return sigma * Math.sqrt(SMOOTH_VAR_FACTOR / len);
}

export function argmin(x: Float64Array): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (x[i] < x[best]) best = i;
  return best;
}

/** The first point of the final stretch in which `x` stays within log(1 + band) of its last value. */
export function bandStart(x: Float64Array, band: number): number {
  const end = x.length - 1;
  const lim = Math.log1p(band);
  for (let i = end - 1; i >= 0; i--) if (Math.abs(x[i] - x[end]) > lim) return i + 1;
  return 0;
}
