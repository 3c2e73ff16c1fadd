// The search panel's pruner settings: none, median stopping or ASHA, and η (Hyperband uses η
// too, and prunes by itself: the pruner select is hidden then). A hint says what the choice
// does, with the epochs it checks at when the panel passes the search's epochs.
import { useTranslation } from 'react-i18next';
import { ashaRungs, DEFAULT_ETA, MEDIAN_STARTUP, medianChecks } from '../search/pruners';
import type { Pruner, Strategy } from '../search/types';

export interface PrunerSettings {
  pruner: Pruner;
  /** As typed; the spec gets Number(eta). */
  eta: string;
}

/** Whether η is a usable reduction factor (searchProblems says the same for the spec). */
export function etaOk(eta: string): boolean {
  const v = Number(eta);
  return eta.trim() !== '' && Number.isFinite(v) && v >= 2 && v <= 10;
}

export function PrunerControls({ strategy, value, onChange, epochs }: { strategy: Strategy; value: PrunerSettings; onChange: (patch: Partial<PrunerSettings>) => void; epochs?: number }) {
  const { t } = useTranslation('prune');
  const hyperband = strategy === 'hyperband';
  const usesEta = hyperband || value.pruner === 'asha';
  const eta = etaOk(value.eta) ? Number(value.eta) : DEFAULT_ETA;
  const known = epochs !== undefined && Number.isInteger(epochs) && epochs >= 1;
  let hint: string;
  if (hyperband) hint = t('hint.hyperband');
  else if (value.pruner === 'asha') hint = t('hint.asha', { rungs: known ? ashaRungs(epochs, eta).join(', ') || '—' : 'r, rη, rη²' });
  else if (value.pruner === 'median') {
    const checks = known ? medianChecks(epochs) : [];
    hint = t('hint.median', { first: checks[0] ?? 2, every: checks.length > 1 ? checks[1] - checks[0] : 1, startup: MEDIAN_STARTUP });
  } else hint = t('hint.none');
  const hintLine = (
    <span className="field-hint" id="pruner-hint" data-testid="pruner-hint">
      {hint}
    </span>
  );
  // The hint sits under the first field (the pruner, or η for Hyperband): the panel's row of
  // fields does not wrap, and a paragraph beside them would squeeze them.
  return (
    <>
      {!hyperband && (
        <label className="field">
          <span className="field-label">{t('pruner')}</span>
          <select value={value.pruner} onChange={(e) => onChange({ pruner: e.target.value as Pruner })} data-testid="search-pruner" aria-describedby="pruner-hint">
            <option value="none">{t('pruners.none')}</option>
            <option value="median">{t('pruners.median')}</option>
            <option value="asha">{t('pruners.asha')}</option>
          </select>
          {hintLine}
        </label>
      )}
      {usesEta && (
        <label className="field">
          <span className="field-label">{t('eta')}</span>
          <input
            type="number"
            min={2}
            max={10}
            step={1}
            inputMode="numeric"
            value={value.eta}
            onChange={(e) => onChange({ eta: e.target.value })}
            aria-invalid={!etaOk(value.eta)}
            aria-describedby="pruner-hint"
            data-testid="search-eta"
          />
          {!etaOk(value.eta) && (
            <span className="field-error" data-testid="search-problem-eta">
              {t('problem.eta')}
            </span>
          )}
          {hyperband && hintLine}
        </label>
      )}
    </>
  );
}
