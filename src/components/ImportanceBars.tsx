// Which settings matter: each searched setting's share of the objective's variance (fANOVA on a
// random-forest surrogate, src/search/fanova.ts), as bars, largest first, with the value.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paramLabel } from '../search/labels';
import type { Importance } from '../search/types';
import { formatPercent } from '../shared/format';

/** The smallest share a log-scale bar shows (0.1 %); smaller ones draw as an empty bar. */
const LOG_FLOOR = 1e-3;

export function ImportanceBars({ importance, finished, minTrials, error = null, computing = false }: { importance: readonly Importance[]; finished: number; minTrials: number; error?: string | null; computing?: boolean }) {
  const { t } = useTranslation('searchViews');
  const [log, setLog] = useState(false);
  const width = (v: number) => (log ? Math.max(0, Math.log10(Math.max(v, LOG_FLOOR) / LOG_FLOOR) / Math.log10(1 / LOG_FLOOR)) : v) * 100;
  return (
    <figure className="sv-figure" data-testid="importance">
      <figcaption className="sv-caption">
        <strong>{t('importanceTitle')}</strong> <span className="hint">{t('importanceHint')}</span>
      </figcaption>
      {error && (
        <p className="field-error" role="alert" data-testid="importance-error">
          {t('importanceFailed', { error })}
        </p>
      )}
      {importance.length === 0 && computing && finished >= minTrials ? (
        <p className="hint" role="status" data-testid="importance-computing">
          {t('importanceComputing')}
        </p>
      ) : importance.length === 0 ? (
        <p className="hint" data-testid="importance-empty">
          {t('importanceTooFew', { count: finished, min: minTrials })}
        </p>
      ) : (
        <>
          <div className="sv-toggles">
            <label>
              <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> {t('logBars')}
            </label>
          </div>
          <ol className="sv-bars">
            {importance.map((im) => (
              <li key={im.key} className="sv-bar-row" data-key={im.key}>
                <span className="sv-bar-name">{paramLabel(im.key)}</span>
                <span className="sv-bar-track" aria-hidden="true">
                  <span className="sv-bar" style={{ width: `${width(im.importance).toFixed(1)}%` }} />
                </span>
                <span className="sv-bar-value">{formatPercent(im.importance)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </figure>
  );
}
