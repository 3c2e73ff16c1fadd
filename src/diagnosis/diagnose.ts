// Names the training regime (underfitting, overfitting, good fit, diverged) from the loss
// curves, so the page can flag it live. Pure and cheap: it runs on the main thread several times
// a second, on the page's bounded metrics history (see metricsHistory.ts), so its cost stays flat
// however long a run goes on. The curve shapes themselves are judged by the named detectors in
// detectors.ts, on the smoothed log curves of series.ts.
import { blowUp, curvesOf, DETECTORS, goodFit } from './detectors';
import { MetricsHistory } from './metricsHistory';
import { binArray, buildSeries, MAX_POINTS } from './series';
import type { EpochMetrics, ReferenceFit } from '../shared/protocol';
import { english, msg, type Msg } from './message';

export const REGIMES = ['underfitting', 'overfitting', 'good fit', 'diverged', 'too early to tell'] as const;
export type Regime = (typeof REGIMES)[number];

export interface Diagnosis {
  regime: Regime;
  /** The epoch the regime started (validation minimum, plateau start, blow-up start), or null. */
  sinceEpoch: number | null;
  /** One plain sentence with the numbers behind the verdict. */
  evidence: string;
  /** The evidence as a text key and parameters, rendered in the language shown (message.ts); absent on hand-made verdicts. */
  msg?: Msg;
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
  /**
   * What a larger reference network reaches on the same data (src/worker/referenceFit.ts), when
   * known: underfitting is then also judged against what the task allows. Absent or null: the
   * verdicts are as without it.
   */
  reference?: ReferenceFit | null;
}

/** Below this many epochs no curve shape is trustworthy (except a blow-up or a NaN). */
const MIN_EPOCHS = 20;
/** A blow-up can be called this early: tripling the loss is never normal training. */
const MIN_BLOWUP_EPOCHS = 8;

function diverged(sinceEpoch: number, m: Msg): Diagnosis {
  return { regime: 'diverged', sinceEpoch, evidence: english(m), msg: m };
}

/**
 * Names the training regime from the per-epoch losses. O(n) per call on an array, O(bounded
 * rows) on a MetricsHistory: long runs are averaged into ≤ 2000 bins (on a history, of whole
 * buckets, so up to about twice as wide once older epochs are summarized), then median-of-5
 * filtered and smoothed with a moving average over ~8% of the run. `previous` adds hysteresis: a
 * regime already shown is kept under looser thresholds. A non-finite loss is divergence at once;
 * then the detectors decide, in order: blowUp, risingValidation, gap, underfitting (underfit, or
 * capacity when a reference fit is known), stillLearning, and goodFit when none fires.
 */
export function diagnose(input: DiagnosisInput): Diagnosis {
  const { epochs, divergedAt, previous } = input;
  const history = epochs instanceof MetricsHistory ? epochs : null;
  const n = history ? history.epochs : (epochs as readonly EpochMetrics[]).length;

  if (divergedAt != null && Number.isFinite(divergedAt)) {
    return diverged(divergedAt, msg('overflow', { epoch: divergedAt }));
  }
  const bad = history ? history.firstNonFinite : firstNonFinite(epochs as readonly EpochMetrics[]);
  if (bad) return diverged(bad.epoch, msg(bad.nan ? 'nonFinite.nan' : 'nonFinite.inf', { epoch: bad.epoch }));

  // Epochs trained: the last epoch's number (a run records epoch 0, before any step, too).
  const trained = () => (history ? history.last?.epoch : (epochs as readonly EpochMetrics[]).at(-1)?.epoch) ?? 0;
  if (n < MIN_BLOWUP_EPOCHS) return tooShort(trained());
  const s = buildSeries(history ? history.binnedLogs(MAX_POINTS) : binArray(epochs as readonly EpochMetrics[]));
  const lastEpoch = history ? history.last!.epoch : (epochs as readonly EpochMetrics[])[n - 1].epoch;
  const curves = curvesOf(s, n, lastEpoch, input.baselineLoss, previous?.regime ?? null, input.reference ?? null);

  const blown = blowUp(curves);
  if (blown) return blown;
  if (n < MIN_EPOCHS) return tooShort(trained());
  for (const detect of DETECTORS) {
    const verdict = detect(curves);
    if (verdict) return verdict;
  }
  return goodFit(curves);
}

function firstNonFinite(epochs: readonly EpochMetrics[]): { epoch: number; nan: boolean } | null {
  for (const e of epochs) {
    if (!Number.isFinite(e.trainLoss) || !Number.isFinite(e.valLoss)) return { epoch: e.epoch, nan: Number.isNaN(e.trainLoss) || Number.isNaN(e.valLoss) };
  }
  return null;
}

function tooShort(n: number): Diagnosis {
  const m = msg('tooShort', { count: n, min: MIN_EPOCHS });
  return { regime: 'too early to tell', sinceEpoch: null, evidence: english(m), msg: m };
}
