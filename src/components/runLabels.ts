// Labels of kept runs by what differs from the config in use now ("L2 0.01 → now 0"), so an
// overlay says what is being compared, not just a run number. Pure: the runs panel and the
// chart's legend both use it, and it is unit-tested.
import { FEATURE_LABELS, INITIALIZER_LABELS, OPTIMIZER_LABELS, type ExperimentConfig } from '../shared/config';
import type { TestResult } from '../shared/protocol';
import { augmentToText } from '../shared/schema';
import { formatSig } from '../shared/format';

type Key = keyof ExperimentConfig;

/** At most this many differences are named; the rest are counted. */
const MAX_NAMED = 3;

/**
 * The settings a label compares, in the order they are named, with a short name and how a value
 * reads. Left out: the backend (same maths), the slice (a view), the budget and the pace (they
 * steer a run, the epoch count says how far it went), `problem` (follows the data set).
 */
const SHOWN: { key: Key; name: string; text?: (c: ExperimentConfig) => string }[] = [
  { key: 'dataset', name: 'data' },
  { key: 'samples', name: 'points' },
  { key: 'noise', name: 'noise' },
  { key: 'seed', name: 'seed' },
  { key: 'trainPct', name: 'training %' },
  { key: 'valPct', name: 'validation %' },
  { key: 'features', name: 'features', text: (c) => c.features.map((f) => FEATURE_LABELS[f]).join(',') },
  { key: 'layers', name: 'layers', text: (c) => (c.layers.length ? c.layers.join('-') : 'linear') },
  { key: 'activations', name: 'activation', text: (c) => (c.activations.length ? sameOrList(c.activations) : 'none') },
  { key: 'init', name: 'init', text: (c) => INITIALIZER_LABELS[c.init] },
  { key: 'loss', name: 'loss' },
  { key: 'optimizer', name: 'optimizer', text: (c) => OPTIMIZER_LABELS[c.optimizer] },
  { key: 'lr', name: 'lr' },
  { key: 'batch', name: 'batch' },
  { key: 'momentum', name: 'momentum' },
  { key: 'beta1', name: 'β₁' },
  { key: 'beta2', name: 'β₂' },
  { key: 'epsilon', name: 'ε' },
  { key: 'l1', name: 'L1', text: (c) => lambdaText(c.l1) },
  { key: 'l2', name: 'L2', text: (c) => lambdaText(c.l2) },
  { key: 'dropout', name: 'dropout', text: (c) => (c.dropout.length ? sameOrList(c.dropout) : '0') },
  { key: 'augment', name: 'augment', text: (c) => augmentToText(c.augment) },
  { key: 'patience', name: 'patience', text: (c) => (c.patience === 0 ? 'off' : String(c.patience)) },
  { key: 'minDelta', name: 'min. improvement' },
  { key: 'restoreBest', name: 'restore best', text: (c) => (c.restoreBest ? 'on' : 'off') },
];

/** One value for a list whose items are all equal ("relu" for relu,relu), else the list. */
function sameOrList<T>(xs: readonly T[]): string {
  return xs.every((x) => x === xs[0]) ? String(xs[0]) : xs.join(',');
}

function lambdaText(l: number | number[]): string {
  return typeof l === 'number' ? String(l) : sameOrList(l);
}

function valueText(entry: (typeof SHOWN)[number], c: ExperimentConfig): string {
  return entry.text ? entry.text(c) : String(c[entry.key]);
}

/** "L2 0.01 → now 0" for each shown setting that differs between a run's config and the current one. */
export function differences(run: ExperimentConfig, current: ExperimentConfig): string[] {
  const out: string[] = [];
  for (const entry of SHOWN) {
    const was = valueText(entry, run);
    const now = valueText(entry, current);
    if (was !== now) out.push(`${entry.name} ${was} → now ${now}`);
  }
  return out;
}

export interface LabelledRun {
  id: number;
  config: ExperimentConfig;
  runIndex: number;
  liveEdits: { fromEpoch: number; config: ExperimentConfig; weightsFrom?: number } | null;
}

/**
 * What sets a kept run apart from the config in use and the current run: its differing settings
 * (at most three named), settings changed live during it, or, when nothing differs, its initial
 * weights (another reset) or just "same settings".
 */
export function runDiffLabel(run: LabelledRun, current: ExperimentConfig, currentRunIndex: number): string {
  const diffs = differences(run.config, current);
  const parts = diffs.length > MAX_NAMED ? [...diffs.slice(0, MAX_NAMED), `${diffs.length - MAX_NAMED} more`] : [...diffs];
  if (run.liveEdits) {
    const live = differences(run.config, run.liveEdits.config).map((d) => d.replace(' → now ', ' → '));
    if (live.length || run.liveEdits.weightsFrom === undefined) parts.push(`changed live at epoch ${run.liveEdits.fromEpoch}${live.length ? ` (${live.join(', ')})` : ''}`);
    if (run.liveEdits.weightsFrom !== undefined) parts.push(`weights set by hand at epoch ${run.liveEdits.weightsFrom}`);
  }
  if (parts.length === 0) parts.push(run.runIndex !== currentRunIndex ? 'same settings, other initial weights' : 'same settings');
  return parts.join(', ');
}

/** "test loss 0.312, accuracy 87%" when the run was evaluated on the test split, else ''. */
export function testText(t: TestResult | null): string {
  if (!t) return '';
  const acc = t.accuracy === null ? '' : `, accuracy ${Math.round(t.accuracy * 100)}%`;
  return `test loss ${formatSig(t.loss, 3)}${acc}`;
}
