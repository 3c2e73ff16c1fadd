// The named detectors of the diagnosis, each judging one shape of the curves: blowUp (the
// training loss exploding), risingValidation (validation loss climbing from its minimum), gap
// (training loss far below a stalled validation loss), underfit (both high and flat), capacity
// (training loss flat far above what a larger reference network reaches on the same data), and
// the verdicts left when none fires: stillLearning and goodFit. Each returns its verdict or null;
// `diagnose` asks them in that order. Thresholds with a Band have hysteresis: a regime already
// shown is kept under the looser `stay` value, so noise does not flip the verdict.
import type { Diagnosis, Regime } from './diagnose';
import { argmin, bandStart, smoothedSigma, type Series } from './series';
import { safeLog } from './metricsHistory';
import type { ReferenceFit } from '../shared/protocol';
import { formatFixed, formatSig } from '../shared/format';
import { english, msg, type Msg, type MsgParam } from './message';

/** A verdict with its evidence as a text key (rendered in the language shown) and in English. */
function verdict(regime: Regime, sinceEpoch: number | null, m: Msg): Diagnosis {
  return { regime, sinceEpoch, evidence: english(m), msg: m };
}

/** A threshold with hysteresis: `enter` to switch into a regime, the looser `stay` to keep it. */
interface Band {
  enter: number;
  stay: number;
}

function pick(band: Band, keep: boolean): number {
  return keep ? band.stay : band.enter;
}

// --- Thresholds -------------------------------------------------------------------------------

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
/**
 * Bouncing: the training loss jumps from epoch to epoch by this noise σ of the log loss (0.2 is a
 * typical jump of about ×1.3; steady training stays under 0.1) …
 */
const BOUNCE_NOISE: Band = { enter: 0.2, stay: 0.15 };
/** … while its median over the recent stretch stays this many times the reference: no learning, only jumping. */
const BOUNCE_LEVEL: Band = { enter: 1.5, stay: 1 };
/** The bounce's stretch: the last quarter of the run, at least this many points. */
const BOUNCE_MIN_POINTS = 5;

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

/**
 * Underfitting by capacity: the plateaued training loss at least this many times the best
 * validation loss of the reference network (a roomier model on the same data, referenceFit.ts) …
 * The yardstick is the reference's validation loss, not its training loss: a 2×32 network can
 * memorize noisy points to a training loss near 0, which no honest fit needs to match, while a
 * model whose training loss stays above what another model reaches on unseen data clearly cannot
 * represent the task. Calibrated on the default circle (500 points, cpu): the reference reaches
 * ≈ 0.003 in its full 300 epochs, ≈ 0.06 when its 6 s run out first on a busy browser; 2 ReLU
 * units plateau at ≈ 0.38–0.39 (6× to >100× that), 1 ReLU unit at ≈ 0.58, 3 ReLU units at
 * ≈ 0.38, while 8-8 tanh (0.011 by epoch 300, 0.004 by 600) and the default 4-2 tanh (0.005 by
 * 600) keep falling towards it.
 */
const CAPACITY_RATIO: Band = { enter: 2, stay: 1.7 };
/**
 * … and above it by at least this share of the baseline, so two losses both near zero (0.004
 * against 0.001, say, a well fitted model beside a memorizing one) never count as a shortfall.
 * 2 ReLU units on the circle are ≈ 0.55 of the baseline above the reference; 8-8 tanh ≈ 0.03 by
 * epoch 200.
 */
const CAPACITY_GAP: Band = { enter: 0.15, stay: 0.1 };
/**
 * The training loss counts as on a plateau for this verdict when it fell less than this
 * (relative) over the recent stretch, or less than noise. Looser than PLATEAU_FALL: at ≥ 2× the
 * reference, a loss creeping down a few percent per stretch would need dozens of such stretches
 * to close the gap (halving it at 5% takes 14). 2 ReLU units on the circle still creep 2.1% over
 * epochs 225–300, and 3–5% per stretch from epoch ~100 on; 8-8 tanh falls far faster while it is
 * still far above the reference (0.23 → 0.06 over epochs 50–100).
 */
const CAPACITY_PLATEAU_FALL: Band = { enter: 0.05, stay: 0.08 };

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
function num(x: number): MsgParam {
  if (!Number.isFinite(x)) return msg(x > 0 ? 'num.large' : 'num.undefined');
  return formatSig(x, 3, false);
}

/** A relative change as a rounded percentage (one decimal below 1%). */
function pct(x: number): MsgParam {
  const p = Math.abs(x) * 100;
  if (!Number.isFinite(p)) return msg('num.largeAmount');
  if (p >= 1 || p < 0.05) return `${Math.round(p)}%`;
  return `${formatFixed(p, 1)}%`;
}

/** A factor such as 15× with 2 significant figures. */
function times(x: number): MsgParam {
  return Number.isFinite(x) ? msg('num.times', { x: formatSig(x, 2, false) }) : msg('num.manyTimes');
}

// --- What every detector reads ---------------------------------------------------------------

/** The curves and the figures several detectors share, computed once per diagnosis. */
export interface Curves {
  s: Series;
  /** Epochs so far, and the last one's number. */
  n: number;
  lastEpoch: number;
  /** The regime shown before this call (for hysteresis), or null. */
  prev: Regime | null;
  /** The reference loss (the baseline when known, else the starting loss), its log, and how the evidence names it. */
  ref: number;
  logRef: number;
  refText: Msg;
  /** The last point, and the number of points (and epochs) in the recent stretch. */
  end: number;
  recent: number;
  recentEpochs: number;
  /** Smoothed log training and validation loss at the end. */
  tEnd: number;
  vEnd: number;
  /** The smoothed validation minimum: its point, value and epoch; how far validation has risen since, and fallen recently. */
  iMinV: number;
  vMin: number;
  minEpoch: number;
  valRise: number;
  vFall: number;
  /** Standard error of the smoothed validation loss at the end. */
  sigEnd: number;
  /** Whether the validation minimum lies far enough back to call a rise sustained. */
  sustained: boolean;
  /** What a larger reference network reaches on the same data, when known. */
  reference: ReferenceFit | null;
}

export function curvesOf(s: Series, n: number, lastEpoch: number, baselineLoss: number, prev: Regime | null, reference: ReferenceFit | null = null): Curves {
  const end = s.m - 1;
  // The reference: the baseline when known, else the loss the run started at.
  const refIsBaseline = Number.isFinite(baselineLoss) && baselineLoss > 0;
  const ref = refIsBaseline ? baselineLoss : Math.exp(s.mt[0]);
  const refText = msg(refIsBaseline ? 'ref.baseline' : 'ref.start', { value: num(ref) });
  const recent = Math.min(end, Math.max(Math.round(RECENT_FRACTION * s.m), Math.ceil(RECENT_EPOCHS / s.bin)));
  const iMinV = argmin(s.sv);
  const minEpoch = s.epoch[iMinV];
  const vEnd = s.sv[end];
  return {
    s,
    n,
    lastEpoch,
    prev,
    ref,
    logRef: safeLog(ref),
    refText,
    end,
    recent,
    recentEpochs: Math.round(s.epoch[end] - s.epoch[end - recent]),
    tEnd: s.st[end],
    vEnd,
    iMinV,
    vMin: s.sv[iMinV],
    minEpoch,
    valRise: vEnd - s.sv[iMinV],
    vFall: s.sv[end - recent] - vEnd,
    sigEnd: smoothedSigma(s, s.noiseV, end),
    sustained: lastEpoch - minEpoch >= Math.max(SUSTAIN_EPOCHS, SUSTAIN_FRACTION * n),
    reference,
  };
}

// --- Detectors --------------------------------------------------------------------------------

/**
 * Diverged by blow-up: the training loss far above its minimum and worse than the reference, or
 * multiplied steadily over the recent stretch. Judged on the spike-filtered (not averaged)
 * training loss, to react fast. Or bouncing: a learning rate far too high throws the loss up and
 * down by large factors from epoch to epoch without ever getting below the reference, so neither
 * shape above holds for long (the spike filter and the minimum move with it); that is judged on
 * the loss's epoch-to-epoch noise and its recent median, with hysteresis once diverged is shown.
 */
export function blowUp({ s, end, recent, logRef, refText, prev }: Curves): Diagnosis | null {
  const iMinT = argmin(s.mt);
  const tNow = s.mt[end];
  let rising = 0;
  for (let i = end - recent + 1; i <= end; i++) if (s.mt[i] > s.mt[i - 1]) rising++;
  const blownUp = tNow - s.mt[iMinT] >= Math.log(BLOWUP_FACTOR) && tNow >= logRef + Math.log(BLOWUP_BASELINE_RATIO);
  const steadyRise = recent >= 3 && tNow - s.mt[end - recent] >= Math.log(STEADY_RISE_FACTOR) && rising >= STEADY_RISE_STEPS * recent;
  if (!blownUp && !steadyRise) return bouncing(s, logRef, refText, prev === 'diverged');
  const onsetLim = s.mt[iMinT] + Math.log1p(BLOWUP_ONSET_BAND);
  let onset = iMinT;
  for (let i = end; i > iMinT; i--) {
    if (s.mt[i] <= onsetLim) {
      onset = i;
      break;
    }
  }
  const since = s.epoch[onset];
  return verdict('diverged', since, msg('blowUp', { from: num(Math.exp(s.mt[onset])), to: num(Math.exp(tNow)), since }));
}

function bouncing(s: Series, logRef: number, refText: Msg, keep: boolean): Diagnosis | null {
  if (s.noiseT < pick(BOUNCE_NOISE, keep)) return null;
  const k = Math.min(s.m, Math.max(BOUNCE_MIN_POINTS, Math.round(RECENT_FRACTION * s.m)));
  const level = median(s.mt.subarray(s.m - k));
  if (level < logRef + Math.log(pick(BOUNCE_LEVEL, keep))) return null;
  // Since: the first epoch from which the filtered loss stayed above the reference.
  let first = s.m - 1;
  while (first > 0 && s.mt[first - 1] >= logRef) first--;
  const since = s.epoch[first];
  return verdict('diverged', since, msg('bounce', { jump: num(Math.exp((s.noiseT * Math.SQRT2) / 1.4826)), level: num(Math.exp(level)), ref: refText, since }));
}

function median(x: Float64Array): number {
  const v = Float64Array.from(x).sort();
  const k = v.length;
  return k % 2 ? v[(k - 1) / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
}

/** Overfitting by a sustained rise of validation loss above its minimum, beyond noise, while training loss does not rise. */
export function risingValidation(c: Curves): Diagnosis | null {
  const { s, tEnd, vEnd, iMinV, vMin, minEpoch, valRise, sigEnd, sustained, ref } = c;
  const keepOver = c.prev === 'overfitting';
  const trainRise = tEnd - s.st[iMinV];
  const netRise = valRise - Math.max(0, trainRise);
  const sigMin = smoothedSigma(s, s.noiseV, iMinV);
  // Picking the lowest of ~m/w independent noisy values biases the minimum low by about this.
  const minBias = sigMin * Math.sqrt(2 * Math.log(Math.max(2, s.m / (2 * s.h + 1))));
  // Staying overfit drops the bias term too, widening the hysteresis band on noisy curves.
  const noiseMargin = (keepOver ? 0 : minBias) + pick(OVERFIT_NOISE_Z, keepOver) * Math.hypot(sigEnd, sigMin);
  const absRise = Math.exp(vEnd) - Math.exp(vMin);
  if (
    !(
      sustained &&
      netRise >= Math.log1p(pick(OVERFIT_RISE, keepOver)) &&
      netRise >= noiseMargin &&
      trainRise <= Math.log1p(TRAIN_RISE_TOLERANCE) &&
      absRise >= OVERFIT_MIN_ABS_RISE * ref
    )
  ) {
    return null;
  }
  const tA = Math.exp(s.st[iMinV]);
  const tB = Math.exp(tEnd);
  const trainText = tB < tA * (1 - AT_MIN) ? msg('rising.kept', { from: num(tA), to: num(tB) }) : msg('rising.flat', { value: num(tB) });
  return verdict('overfitting', minEpoch, msg('rising.evidence', { rise: pct(Math.expm1(valRise)), min: num(Math.exp(vMin)), epoch: minEpoch, train: trainText }));
}

/** Overfitting by a wide gap: training loss far below a validation loss that stopped improving. */
export function gap(c: Curves): Diagnosis | null {
  const { s, end, recent, tEnd, vEnd, vFall, sigEnd, minEpoch, sustained, ref } = c;
  const keepOver = c.prev === 'overfitting';
  const stall = Math.min(end, Math.max(recent, Math.round(GAP_STALL_FRACTION * s.m)));
  const gapAbs = Math.exp(vEnd) - Math.exp(tEnd);
  // Confidently stalled: even allowing for noise, validation fell less than STILL_FALLING over
  // both the long view and the recent stretch.
  const z = pick(OVERFIT_NOISE_Z, keepOver);
  const longFallHigh = s.sv[end - stall] - vEnd + z * Math.hypot(sigEnd, smoothedSigma(s, s.noiseV, end - stall));
  const recentFallHigh = vFall + z * Math.hypot(sigEnd, smoothedSigma(s, s.noiseV, end - recent));
  const stalled = Math.max(longFallHigh, recentFallHigh) < Math.log1p(STILL_FALLING);
  if (!(gapAbs >= pick(GAP_ABS, keepOver) * ref && vEnd - tEnd >= Math.log(pick(GAP_RATIO, keepOver)) && stalled && sustained)) return null;
  return verdict('overfitting', minEpoch, msg('gap', { val: num(Math.exp(vEnd)), times: times(Math.exp(vEnd - tEnd)), train: num(Math.exp(tEnd)), epoch: minEpoch }));
}

/** How much the smoothed training loss fell over the recent stretch (log units). */
function trainFall({ s, end, recent, tEnd }: Curves): number {
  return s.st[end - recent] - tEnd;
}

/** Whether the training loss is on a plateau: it fell less than PLATEAU_FALL, or than noise, over the recent stretch. */
function plateaued(c: Curves, keepUnder: boolean, fall: Band = PLATEAU_FALL): boolean {
  const { s, end, recent } = c;
  const tFallNoise = PLATEAU_NOISE_Z * Math.hypot(smoothedSigma(s, s.noiseT, end), smoothedSigma(s, s.noiseT, end - recent));
  return trainFall(c) < Math.max(Math.log1p(pick(fall, keepUnder)), tFallNoise);
}

/** How the training loss's recent fall reads in the evidence. */
function fallText(tFall: number): Msg {
  return tFall > Math.log1p(0.0005) ? msg('fall.only', { pct: pct(-Math.expm1(-tFall)) }) : msg('fall.none');
}

/** Underfitting: both losses high relative to the reference, training loss on a plateau. */
export function underfit(c: Curves): Diagnosis | null {
  const { s, recentEpochs, tEnd, vEnd, logRef, refText } = c;
  const keepUnder = c.prev === 'underfitting';
  const highLim = logRef + Math.log(pick(HIGH_LOSS_RATIO, keepUnder));
  const tFall = trainFall(c);
  if (!(tEnd >= highLim && vEnd >= highLim && plateaued(c, keepUnder))) return null;
  const since = s.epoch[bandStart(s.st, PLATEAU_BAND)];
  return verdict(
    'underfitting',
    since,
    msg('underfit', { train: num(Math.exp(tEnd)), pct: pct(Math.exp(tEnd - logRef)), ref: refText, fall: fallText(tFall), epochs: recentEpochs, since }),
  );
}

/**
 * Underfitting by capacity: the training loss on a plateau far above the best validation loss a
 * larger reference network reaches on the same data (CAPACITY_RATIO and CAPACITY_GAP), so the
 * model cannot represent what the task allows, however good it looks beside a model that
 * ignores the inputs. Silent until a reference fit is known.
 */
export function capacity(c: Curves): Diagnosis | null {
  const { s, tEnd, ref, reference: r, recentEpochs } = c;
  if (!r || !(r.valLoss >= 0) || !Number.isFinite(r.valLoss)) return null;
  const keepUnder = c.prev === 'underfitting';
  const train = Math.exp(tEnd);
  const far = train >= pick(CAPACITY_RATIO, keepUnder) * r.valLoss && train - r.valLoss >= pick(CAPACITY_GAP, keepUnder) * ref;
  if (!(far && plateaued(c, keepUnder, CAPACITY_PLATEAU_FALL))) return null;
  const since = s.epoch[bandStart(s.st, PLATEAU_BAND)];
  const accText = r.valAcc != null ? msg('capacity.acc', { pct: Math.round(r.valAcc * 100) }) : '';
  return verdict(
    'underfitting',
    since,
    msg('capacity.evidence', {
      train: num(train),
      fall: fallText(trainFall(c)),
      epochs: recentEpochs,
      since,
      layers: r.units.length,
      units: r.units[0],
      val: num(r.valLoss),
      acc: accText,
    }),
  );
}

/**
 * Underfitting by either rule. The input-ignoring comparison first when it holds outright (its
 * evidence is the plainer one); then capacity, which names what the task allows; then the
 * input-ignoring rule kept by hysteresis. Without that order a verdict entered by capacity would
 * be kept by underfit's looser `stay` band with evidence that never mentions the reference.
 * Without a reference this is exactly underfit.
 */
export function underfitting(c: Curves): Diagnosis | null {
  return underfit({ ...c, prev: null }) ?? capacity(c) ?? (c.prev === 'underfitting' ? underfit(c) : null);
}

/** Still learning: training loss not yet clearly below the reference ('too early to tell'). */
export function stillLearning(c: Curves): Diagnosis | null {
  const { tEnd, logRef, recentEpochs, refText } = c;
  if (tEnd < logRef + Math.log(pick(GOOD_MAX_RATIO, c.prev === 'good fit'))) return null;
  const tFall = trainFall(c);
  return verdict(
    'too early to tell',
    null,
    tFall >= Math.log1p(0.01)
      ? msg('still.falling', { train: num(Math.exp(tEnd)), pct: pct(-Math.expm1(-tFall)), epochs: recentEpochs, ref: refText })
      : msg('still.notBelow', { train: num(Math.exp(tEnd)), ref: refText }),
  );
}

/** Good fit: what is left when no other detector fires, with how close validation is to training loss. */
export function goodFit({ s, tEnd, vEnd, vFall, valRise, minEpoch, recentEpochs }: Curves): Diagnosis {
  const gapRatio = Math.expm1(vEnd - tEnd);
  const train = num(Math.exp(tEnd));
  const gapText =
    Math.abs(gapRatio) <= CLOSE_GAP
      ? msg('good.within', { pct: pct(gapRatio), train })
      : gapRatio < 0
        ? msg('good.below', { pct: pct(gapRatio), train })
        : gapRatio < 1
          ? msg('good.above', { pct: pct(gapRatio), train })
          : msg('good.times', { times: times(gapRatio + 1), train });
  const vText = num(Math.exp(vEnd));
  if (vFall >= Math.log1p(STILL_FALLING)) {
    return verdict('good fit', null, msg('good.falling', { val: vText, gap: gapText, pct: pct(-Math.expm1(-vFall)), epochs: recentEpochs }));
  }
  const since = s.epoch[bandStart(s.sv, GOOD_BAND)];
  const minText = valRise <= Math.log1p(AT_MIN) ? msg('good.atMin') : msg('good.aboveMin', { pct: pct(Math.expm1(valRise)), epoch: minEpoch });
  return verdict('good fit', since, msg('good.held', { val: vText, gap: gapText, min: minText, since }));
}

/** The detectors after a blow-up, in the order `diagnose` asks them; good fit is what remains. */
export const DETECTORS = [risingValidation, gap, underfitting, stillLearning] as const;
