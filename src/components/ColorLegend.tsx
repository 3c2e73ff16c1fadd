// The objective's colour scale under a plot: the gradient with its ends' values, and how pruned
// and filtered-out trials are drawn.
import { useTranslation } from 'react-i18next';
import { formatSig } from '../shared/format';
import { viridis } from './searchViewScale';

export function ColorLegend({ min, max, log, label, reversed, pruned }: { min: number; max: number; log: boolean; label: string; reversed: boolean; pruned?: boolean }) {
  const { t } = useTranslation('searchViews');
  const stops = [0, 0.25, 0.5, 0.75, 1].map((u) => viridis(reversed ? 1 - u : u)).join(', ');
  return (
    <div className="sv-legend">
      <span>{label}</span>
      <span className="sv-legend-end">{formatSig(min)}</span>
      <span className="sv-gradient" style={{ background: `linear-gradient(to right, ${stops})` }} aria-hidden="true" />
      <span className="sv-legend-end">{formatSig(max)}</span>
      {log && <span className="hint">{t('logScaleNote')}</span>}
      {pruned && (
        <>
          <span className="sv-key sv-key-pruned" aria-hidden="true" /> <span>{t('prunedKey')}</span>
          <span className="sv-key sv-key-out" aria-hidden="true" /> <span>{t('filteredKey')}</span>
        </>
      )}
    </div>
  );
}
