// The standard remedies for each regime, as config changes one click away: against overfitting
// a weight penalty, dropout, early stopping, more data, fewer units; against underfitting more
// capacity, longer training, a higher learning rate, more input features; after divergence a
// lower learning rate. Pure: the diagnosis panel shows them as buttons.
import { lambdaMax, MAX_UNITS, RANGES, type ExperimentConfig } from '../shared/config';
import type { Regime } from './diagnose';

export interface Remedy {
  label: string;
  /** A config patch, or 'train' for "train longer". */
  action: Partial<ExperimentConfig> | 'train' | 'lower-lr-reset';
}

export function remediesFor(regime: Regime, c: ExperimentConfig): Remedy[] {
  const hidden = c.layers.length > 0;
  const l2 = lambdaMax(c.l2);
  switch (regime) {
    case 'overfitting':
      return [
        l2 > 0
          ? { label: `Stronger L2 (λ = ${Math.min(1, Number((l2 * 3).toPrecision(2)))})`, action: { l2: Math.min(1, Number((l2 * 3).toPrecision(2))) } }
          : { label: 'Add L2 (λ = 0.01)', action: { l2: 0.01 } },
        ...(hidden ? [{ label: 'Add dropout (0.3 per layer)', action: { dropout: c.layers.map(() => 0.3) } }] : []),
        ...(c.patience === 0 ? [{ label: 'Early stopping (patience 30)', action: { patience: 30 } }] : []),
        ...(c.samples < RANGES.samples.max ? [{ label: `More training data (${Math.min(RANGES.samples.max, c.samples * 2)} points)`, action: { samples: Math.min(RANGES.samples.max, c.samples * 2) } }] : []),
        ...(hidden ? [{ label: 'Fewer units (halve each layer)', action: { layers: c.layers.map((u) => Math.max(1, Math.floor(u / 2))) } }] : []),
      ];
    case 'underfitting':
      return [
        { label: hidden ? 'More units (double each layer)' : 'Add a hidden layer of 8', action: hidden ? { layers: c.layers.map((u) => Math.min(MAX_UNITS, u * 2)) } : { layers: [8], activations: ['tanh'] } },
        ...(hidden ? [{ label: 'Add a layer', action: { layers: [...c.layers, c.layers.at(-1)!] } }] : []),
        { label: 'Train longer', action: 'train' },
        ...(c.lr < RANGES.lr.max ? [{ label: `Raise the learning rate (${Math.min(RANGES.lr.max, Number((c.lr * 3).toPrecision(2)))})`, action: { lr: Math.min(RANGES.lr.max, Number((c.lr * 3).toPrecision(2))) } }] : []),
        ...(c.features.includes('x1sq') ? [] : [{ label: 'Add input features x₁², x₂², x₁x₂', action: { features: [...new Set([...c.features, 'x1sq', 'x2sq', 'x1x2'] as const)] } }]),
      ];
    case 'diverged':
      return [{ label: `Lower the learning rate to ${Number((c.lr / 10).toPrecision(2))} and start again`, action: 'lower-lr-reset' }];
    default:
      return [];
  }
}
