// Names the training regime (underfitting, overfitting, good fit, diverged) from the loss
// curves, so the page can flag it live (CONCEPTS rows 9, 10, 27). Pure and cheap: it runs on
// the main thread several times a second, on the page's bounded metrics history (see
// metricsHistory.ts), so its cost stays flat however long a run goes on.
//
// All curve work happens on log losses: losses span orders of magnitude and their noise is
// roughly multiplicative, so "risen 10%" is a fixed distance in log space at any scale.
import { MetricsHistory, safeLog, type LogBins } from './metricsHistory';
import type { EpochMetrics } from './protocol';

export const REGIMES = ['underfitting', 'overfitting', 'good fit', 'diverged', 'too early to tell'] as const;
export type Regime = (typeof REGIMES)[number];

export interface Diagnosis {
  regime: Regime;
  /** The epoch the regime started (validation minimum, plateau start, blow-up start), or null. */
  sinceEpoch: number | null;
  /** One plain sentence with the numbers behind the verdict. */
  evidence: string;
}

export interface DiagnosisInput {
  /**
   * Per-epoch metrics from epoch 0, contiguous; losses are data losses (no penalty). Or the
   * page's bounded history, whose older epochs are summarized: then each call costs O(bounded
   * rows), not O(epochs), and the non-finite check reads the history's running record.
   */
  epochs: readonly EpochMetrics[] | MetricsHistory;
  /** Validation loss of the input-ignoring baseline (NaN if unknown). */
  baselineLoss: number;
  /** Set when training hit a NaN/infinite loss at that epoch. */
  divergedAt?: number | null;
  /** The last verdict shown, for hysteresis. */
  previous?: Diagnosis | null;
}

/** A threshold with hysteresis: `enter` to switch into a regime, the looser `stay` to keep it. */
interface Band {
  enter: number;
  stay: number;
}

// --- Thresholds -------------------------------------------------------------------------------

/** Below this many epochs no curve shape is trustworthy (except a blow-up or a NaN). */
const MIN_EPOCHS = 20;
/** A blow-up can be called this early: tripling the loss is never normal training. */
const MIN_BLOWUP_EPOCHS = 8;
/** Long runs are averaged into at most this many bins first, keeping each call O(n) and cheap. */
const MAX_POINTS = 2000;
/** Smoothing window as a share of the run: wide enough that noisy validation curves settle. */
const SMOOTH_FRACTION = 0.08;
/** The smallest smoothing window (points), so short runs are still smoothed a little. */
const MIN_WINDOW = 5;
/** Variance of a w-point mean of median-of-5 filtered noise is ≈1.2 σ²/w (simulated); 1.5 allows for correlated noise. */
const SMOOTH_VAR_FACTOR = 1.5;

/** Blow-up: the current training loss is this many times its minimum … */
const BLOWUP_FACTOR = 3;
/** … and this many times the baseline, i.e. worse than knowing nothing. */
const BLOWUP_BASELINE_RATIO = 1.5;
/** Blow-up also: training loss multiplied by this over the recent stretch (far beyond noise or a penalty change) … */
const STEADY_RISE_FACTOR = 5;
/** … rising on at least this share of steps (steady, not one noisy jump). */
const STEADY_RISE_STEPS = 0.75;
/** The blow-up started at the last epoch whose training loss was within this of its minimum. */
const BLOWUP_ONSET_BAND = 0.1;

/** Overfitting: smoothed validation loss this far (relative) above its minimum. */
const OVERFIT_RISE: Band = { enter: 0.1, stay: 0.05 };
/** … and this many standard errors above it, beyond the bias of picking a noisy minimum. */
const OVERFIT_NOISE_Z: Band = { enter: 2.5, stay: 1.5 };
/** … and by at least this share of the baseline in absolute terms (ignore rises in the noise floor). */
const OVERFIT_MIN_ABS_RISE = 0.01;
/** The minimum must be at least this many epochs back (a sustained rise, not a wobble) … */
const SUSTAIN_EPOCHS = 10;
/** … and at least this share of the run back. */
const SUSTAIN_FRACTION = 0.1;
/** Training loss may rise at most this much since the validation minimum (else it's not a gap). */
const TRAIN_RISE_TOLERANCE = 0.1;
/** Overfitting by gap: validation above training by this share of the baseline … */
const GAP_ABS: Band = { enter: 0.25, stay: 0.2 };
/** … and by this factor (memorised, not generalised) … */
const GAP_RATIO: Band = { enter: 2, stay: 1.7 };
/** … while validation fell less than STILL_FALLING over this share of the run (a long view, so slow gains count). */
const GAP_STALL_FRACTION = 0.5;

/** Underfitting: losses at least this share of the baseline (little better than ignoring inputs). */
const HIGH_LOSS_RATIO: Band = { enter: 0.6, stay: 0.5 };
/** … with training loss falling less than this (relative) over the recent stretch: a plateau. */
const PLATEAU_FALL: Band = { enter: 0.02, stay: 0.04 };
/** The recent stretch: this share of the run … */
const RECENT_FRACTION = 0.25;
/** … but at least this many epochs. */
const RECENT_EPOCHS = 20;
/** A fall smaller than this many standard errors is noise, so still a plateau. */
const PLATEAU_NOISE_Z = 2;
/** The plateau began where training loss was last farther than this from its current value. */
const PLATEAU_BAND = 0.05;

/** Good fit needs training loss below this share of the baseline; above it, still learning. */
const GOOD_MAX_RATIO: Band = { enter: 0.6, stay: 0.7 };
/** Validation counts as still improving when it fell more than this over the recent stretch. */
const STILL_FALLING = 0.05;
/** Good fit's sinceEpoch: validation was last farther than this from its current value. */
const GOOD_BAND = 0.1;
/** Below this gap, validation is "within X% of" training loss in the evidence. */
const CLOSE_GAP = 0.25;
/** Validation counts as at its minimum when within this of it. */
const AT_MIN = 0.03;

// --- Formatting -------------------------------------------------------------------------------

/** 2–3 significant figures, never NaN/Infinity in the output. */
function num(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'a very large value' : 'an undefined value';
  return String(Number(x.toPrecision(3)));
}

/** A relative change as a rounded percentage (one decimal below 1%). */
function pct(x: number): string {
  const p = Math.abs(x) * 100;
  if (!Number.isFinite(p)) return 'a very large amount';
  if (p >= 1 || p < 0.05) return `${Math.round(p)}%`;
  return `${p.toFixed(1)}%`;
}

/** A factor such as 15× with 2 significant figures. */
function times(x: number): string {
  return Number.isFinite(x) ? `${Number(x.toPrecision(2))}×` : 'many times';
}

// --- Series -----------------------------------------------------------------------------------

interface Series {
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
function binArray(epochs: readonly EpochMetrics[]): LogBins {
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

function buildSeries({ bin, epoch, lt, lv }: LogBins): Series {
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
function smoothedSigma(s: Series, sigma: number, i: number): number {
  const len = Math.min(s.m - 1, i + s.h) - Math.max(0, i - s.h) + 1;
  return sigma * Math.sqrt(SMOOTH_VAR_FACTOR / len);
}

function argmin(x: Float64Array): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (x[i] < x[best]) best = i;
  return best;
}

/** The first point of the final stretch in which `x` stays within log(1 + band) of its last value. */
function bandStart(x: Float64Array, band: number): number {
  const end = x.length - 1;
  const lim = Math.log1p(band);
  for (let i = end - 1; i >= 0; i--) if (Math.abs(x[i] - x[end]) > lim) return i + 1;
  return 0;
}

function pick(band: Band, keep: boolean): number {
  return keep ? band.stay : band.enter;
}

// --- Diagnosis --------------------------------------------------------------------------------

function diverged(sinceEpoch: number, evidence: string): Diagnosis {
  return { regime: 'diverged', sinceEpoch, evidence };
}

/**
 * Names the training regime from the per-epoch losses. O(n) per call on an array, O(bounded
 * rows) on a MetricsHistory: long runs are averaged into ≤ 2000 bins (on a history, of whole
 * buckets, so up to about twice as wide once older epochs are summarized), then median-of-5
 * filtered and smoothed with a moving average over ~8% of the run. `previous` adds hysteresis: a regime already shown is kept under looser thresholds.
 */
export function diagnose(input: DiagnosisInput): Diagnosis {
  const { epochs, divergedAt, previous } = input;
  const prev = previous?.regime ?? null;
  const history = epochs instanceof MetricsHistory ? epochs : null;
  const n = history ? history.epochs : (epochs as readonly EpochMetrics[]).length;

  if (divergedAt != null && Number.isFinite(divergedAt)) {
    return diverged(divergedAt, `the loss overflowed to infinity or not-a-number at epoch ${divergedAt}`);
  }
  const bad = history ? history.firstNonFinite : firstNonFinite(epochs as readonly EpochMetrics[]);
  if (bad) return diverged(bad.epoch, `the loss became ${bad.nan ? 'not-a-number' : 'infinite'} at epoch ${bad.epoch}`);

  if (n < MIN_BLOWUP_EPOCHS) return tooShort(n);
  const s = buildSeries(history ? history.binnedLogs(MAX_POINTS) : binArray(epochs as readonly EpochMetrics[]));
  const lastEpoch = history ? history.last!.epoch : (epochs as readonly EpochMetrics[])[n - 1].epoch;
  const end = s.m - 1;

  // The reference: the baseline when known, else the loss the run started at.
  const refIsBaseline = Number.isFinite(input.baselineLoss) && input.baselineLoss > 0;
  const ref = refIsBaseline ? input.baselineLoss : Math.exp(s.mt[0]);
  const refText = refIsBaseline ? `the ${num(ref)} a model that ignores the inputs gets` : `the ${num(ref)} it started at`;
  const logRef = safeLog(ref);

  // Diverged by blow-up: judged on the spike-filtered (not averaged) training loss, to react fast.
  const iMinT = argmin(s.mt);
  const tNow = s.mt[end];
  const recent = Math.min(end, Math.max(Math.round(RECENT_FRACTION * s.m), Math.ceil(RECENT_EPOCHS / s.bin)));
  let rising = 0;
  for (let i = end - recent + 1; i <= end; i++) if (s.mt[i] > s.mt[i - 1]) rising++;
  const blownUp = tNow - s.mt[iMinT] >= Math.log(BLOWUP_FACTOR) && tNow >= logRef + Math.log(BLOWUP_BASELINE_RATIO);
  const steadyRise = recent >= 3 && tNow - s.mt[end - recent] >= Math.log(STEADY_RISE_FACTOR) && rising >= STEADY_RISE_STEPS * recent;
  if (blownUp || steadyRise) {
    const onsetLim = s.mt[iMinT] + Math.log1p(BLOWUP_ONSET_BAND);
    let onset = iMinT;
    for (let i = end; i > iMinT; i--) {
      if (s.mt[i] <= onsetLim) {
        onset = i;
        break;
      }
    }
    const since = s.epoch[onset];
    return diverged(since, `training loss rose from ${num(Math.exp(s.mt[onset]))} to ${num(Math.exp(tNow))} since epoch ${since}`);
  }

  if (n < MIN_EPOCHS) return tooShort(n);

  const tEnd = s.st[end];
  const vEnd = s.sv[end];
  const recentEpochs = Math.round(s.epoch[end] - s.epoch[end - recent]);

  // Overfitting by a sustained rise of validation loss above its minimum.
  const keepOver = prev === 'overfitting';
  const iMinV = argmin(s.sv);
  const vMin = s.sv[iMinV];
  const minEpoch = s.epoch[iMinV];
  const valRise = vEnd - vMin;
  const trainRise = tEnd - s.st[iMinV];
  const netRise = valRise - Math.max(0, trainRise);
  const sigEnd = smoothedSigma(s, s.noiseV, end);
  const sigMin = smoothedSigma(s, s.noiseV, iMinV);
  // Picking the lowest of ~m/w independent noisy values biases the minimum low by about this.
  const minBias = sigMin * Math.sqrt(2 * Math.log(Math.max(2, s.m / (2 * s.h + 1))));
  // Staying overfit drops the bias term too, widening the hysteresis band on noisy curves.
  const noiseMargin = (keepOver ? 0 : minBias) + pick(OVERFIT_NOISE_Z, keepOver) * Math.hypot(sigEnd, sigMin);
  const sustained = lastEpoch - minEpoch >= Math.max(SUSTAIN_EPOCHS, SUSTAIN_FRACTION * n);
  const absRise = Math.exp(vEnd) - Math.exp(vMin);
  if (
    sustained &&
    netRise >= Math.log1p(pick(OVERFIT_RISE, keepOver)) &&
    netRise >= noiseMargin &&
    trainRise <= Math.log1p(TRAIN_RISE_TOLERANCE) &&
    absRise >= OVERFIT_MIN_ABS_RISE * ref
  ) {
    const tA = Math.exp(s.st[iMinV]);
    const tB = Math.exp(tEnd);
    const trainText = tB < tA * (1 - AT_MIN) ? `kept falling (${num(tA)} → ${num(tB)})` : `stayed flat at ${num(tB)}`;
    return {
      regime: 'overfitting',
      sinceEpoch: minEpoch,
      evidence: `validation loss has risen ${pct(Math.expm1(valRise))} since its minimum of ${num(Math.exp(vMin))} at epoch ${minEpoch} while training loss ${trainText}`,
    };
  }

  // Overfitting by a wide gap: training loss far below a validation loss that stopped improving.
  const vFall = s.sv[end - recent] - vEnd;
  const stall = Math.min(end, Math.max(recent, Math.round(GAP_STALL_FRACTION * s.m)));
  const gapAbs = Math.exp(vEnd) - Math.exp(tEnd);
  // Confidently stalled: even allowing for noise, validation fell less than STILL_FALLING over
  // both the long view and the recent stretch.
  const z = pick(OVERFIT_NOISE_Z, keepOver);
  const longFallHigh = s.sv[end - stall] - vEnd + z * Math.hypot(sigEnd, smoothedSigma(s, s.noiseV, end - stall));
  const recentFallHigh = vFall + z * Math.hypot(sigEnd, smoothedSigma(s, s.noiseV, end - recent));
  const stalled = Math.max(longFallHigh, recentFallHigh) < Math.log1p(STILL_FALLING);
  if (gapAbs >= pick(GAP_ABS, keepOver) * ref && vEnd - tEnd >= Math.log(pick(GAP_RATIO, keepOver)) && stalled && sustained) {
    return {
      regime: 'overfitting',
      sinceEpoch: minEpoch,
      evidence: `validation loss ${num(Math.exp(vEnd))} is ${times(Math.exp(vEnd - tEnd))} the training loss ${num(Math.exp(tEnd))} and has not improved since epoch ${minEpoch}`,
    };
  }

  // Underfitting: both losses high relative to the baseline, training loss on a plateau.
  const keepUnder = prev === 'underfitting';
  const highLim = logRef + Math.log(pick(HIGH_LOSS_RATIO, keepUnder));
  const tFall = s.st[end - recent] - tEnd;
  const tFallNoise = PLATEAU_NOISE_Z * Math.hypot(smoothedSigma(s, s.noiseT, end), smoothedSigma(s, s.noiseT, end - recent));
  const plateau = tFall < Math.max(Math.log1p(pick(PLATEAU_FALL, keepUnder)), tFallNoise);
  if (tEnd >= highLim && vEnd >= highLim && plateau) {
    const since = s.epoch[bandStart(s.st, PLATEAU_BAND)];
    const fallText = tFall > Math.log1p(0.0005) ? `has fallen only ${pct(-Math.expm1(-tFall))}` : 'has not fallen';
    return {
      regime: 'underfitting',
      sinceEpoch: since,
      evidence: `training loss ${num(Math.exp(tEnd))} is ${pct(Math.exp(tEnd - logRef))} of ${refText} and ${fallText} over the last ${recentEpochs} epochs (flat since epoch ${since})`,
    };
  }

  // Still learning: training loss not yet clearly below the baseline.
  if (tEnd >= logRef + Math.log(pick(GOOD_MAX_RATIO, prev === 'good fit'))) {
    return {
      regime: 'too early to tell',
      sinceEpoch: null,
      evidence:
        tFall >= Math.log1p(0.01)
          ? `training loss ${num(Math.exp(tEnd))} is still falling (down ${pct(-Math.expm1(-tFall))} over the last ${recentEpochs} epochs) and not yet clearly below ${refText}`
          : `training loss ${num(Math.exp(tEnd))} is not yet clearly below ${refText}`,
    };
  }

  // Good fit.
  const gap = Math.expm1(vEnd - tEnd);
  const gapText =
    Math.abs(gap) <= CLOSE_GAP
      ? `is within ${pct(gap)} of training loss ${num(Math.exp(tEnd))}`
      : gap < 0
        ? `is ${pct(gap)} below training loss ${num(Math.exp(tEnd))}`
        : gap < 1
          ? `is ${pct(gap)} above training loss ${num(Math.exp(tEnd))}`
          : `is ${times(gap + 1)} training loss ${num(Math.exp(tEnd))}`;
  const vText = num(Math.exp(vEnd));
  if (vFall >= Math.log1p(STILL_FALLING)) {
    return {
      regime: 'good fit',
      sinceEpoch: null,
      evidence: `validation loss ${vText} ${gapText} and still falling (down ${pct(-Math.expm1(-vFall))} over the last ${recentEpochs} epochs)`,
    };
  }
  const since = s.epoch[bandStart(s.sv, GOOD_BAND)];
  const minText = valRise <= Math.log1p(AT_MIN) ? 'at its minimum' : `${pct(Math.expm1(valRise))} above its minimum at epoch ${minEpoch}`;
  return {
    regime: 'good fit',
    sinceEpoch: since,
    evidence: `validation loss ${vText} ${gapText}, ${minText}, and has held near that level since epoch ${since}`,
  };
}

function firstNonFinite(epochs: readonly EpochMetrics[]): { epoch: number; nan: boolean } | null {
  for (const e of epochs) {
    if (!Number.isFinite(e.trainLoss) || !Number.isFinite(e.valLoss)) return { epoch: e.epoch, nan: Number.isNaN(e.trainLoss) || Number.isNaN(e.valLoss) };
  }
  return null;
}

function tooShort(n: number): Diagnosis {
  return {
    regime: 'too early to tell',
    sinceEpoch: null,
    evidence: `only ${n} epoch${n === 1 ? '' : 's'} so far; a verdict needs at least ${MIN_EPOCHS}`,
  };
}
