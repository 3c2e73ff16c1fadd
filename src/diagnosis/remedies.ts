// The standard remedies for each regime, as config changes one click away: against overfitting
// a weight penalty, dropout, early stopping, more data, fewer units; against underfitting more
// capacity, longer training, a higher learning rate, more input features; after divergence a
// lower learning rate. Pure: the diagnosis panel shows them as buttons. Labels are in the language
// shown now (the panel re-renders on a switch).
import { lambdaMax, MAX_UNITS, RANGES, type ExperimentConfig } from '../shared/config';
import type { Regime } from './diagnose';
import { t } from '../i18n/i18n';

export interface Remedy {
  label: string;
  /** A config patch, or 'train' for "train longer". */
  action: Partial<ExperimentConfig> | 'train' | 'lower-lr-reset';
}

export function remediesFor(regime: Regime, c: ExperimentConfig): Remedy[] {
  const hidden = c.layers.length > 0;
  const l2 = lambdaMax(c.l2);
  const stronger = Math.min(1, Number((l2 * 3).toPrecision(2)));
  const more = Math.min(RANGES.samples.max, c.samples * 2);
  const lr = Math.min(RANGES.lr.max, Number((c.lr * 3).toPrecision(2)));
  switch (regime) {
    case 'overfitting':
      return [
        l2 > 0
          ? { label: t('remedy.strongerL2', { ns: 'diagnosis', l2: stronger }), action: { l2: stronger } }
          : { label: t('remedy.addL2', { ns: 'diagnosis' }), action: { l2: 0.01 } },
        ...(hidden ? [{ label: t('remedy.dropout', { ns: 'diagnosis' }), action: { dropout: c.layers.map(() => 0.3) } }] : []),
        ...(c.patience === 0 ? [{ label: t('remedy.earlyStop', { ns: 'diagnosis' }), action: { patience: 30 } }] : []),
        ...(c.samples < RANGES.samples.max ? [{ label: t('remedy.moreData', { ns: 'diagnosis', n: more }), action: { samples: more } }] : []),
        ...(hidden ? [{ label: t('remedy.fewerUnits', { ns: 'diagnosis' }), action: { layers: c.layers.map((u) => Math.max(1, Math.floor(u / 2))) } }] : []),
      ];
    case 'underfitting':
      return [
        { label: t(hidden ? 'remedy.moreUnits' : 'remedy.addHidden', { ns: 'diagnosis' }), action: hidden ? { layers: c.layers.map((u) => Math.min(MAX_UNITS, u * 2)) } : { layers: [8], activations: ['tanh'] } },
        ...(hidden ? [{ label: t('remedy.addLayer', { ns: 'diagnosis' }), action: { layers: [...c.layers, c.layers.at(-1)!] } }] : []),
        { label: t('remedy.trainLonger', { ns: 'diagnosis' }), action: 'train' },
        ...(c.lr < RANGES.lr.max ? [{ label: t('remedy.raiseLr', { ns: 'diagnosis', lr }), action: { lr } }] : []),
        ...(c.features.includes('x1sq') ? [] : [{ label: t('remedy.features', { ns: 'diagnosis' }), action: { features: [...new Set([...c.features, 'x1sq', 'x2sq', 'x1x2'] as const)] } }]),
      ];
    case 'diverged':
      return [{ label: t('remedy.lowerLr', { ns: 'diagnosis', lr: Number((c.lr / 10).toPrecision(2)) }), action: 'lower-lr-reset' }];
    default:
      return [];
  }
}
