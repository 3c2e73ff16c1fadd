// The search panel's pruner settings: none, median stopping or ASHA, and η (Hyperband uses η
// too). Filled in by the pruning work; the panel passes the values and takes changes.
import { useTranslation } from 'react-i18next';
import type { Pruner, Strategy } from '../search/types';

export interface PrunerSettings {
  pruner: Pruner;
  /** As typed; the spec gets Number(eta). */
  eta: string;
}

export function PrunerControls({ strategy, value, onChange }: { strategy: Strategy; value: PrunerSettings; onChange: (patch: Partial<PrunerSettings>) => void }) {
  const { t } = useTranslation('prune');
  if (strategy === 'hyperband') return null;
  return (
    <label className="field">
      <span className="field-label">{t('pruner')}</span>
      <select value={value.pruner} onChange={(e) => onChange({ pruner: e.target.value as Pruner })} data-testid="search-pruner">
        <option value="none">{t('pruners.none')}</option>
        <option value="median">{t('pruners.median')}</option>
        <option value="asha">{t('pruners.asha')}</option>
      </select>
    </label>
  );
}
