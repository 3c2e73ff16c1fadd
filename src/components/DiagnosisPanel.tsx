// The live verdict on the curves (underfitting, overfitting, good fit, diverged) with its
// evidence, and the standard remedies (diagnosis/remedies.ts) one click away.
import { client } from '../client/trainingClient';
import { useStore, type Store } from '../store/store';
import { startFresh } from './change';
import { remediesFor, type Remedy } from '../diagnosis/remedies';
import { useTranslation } from 'react-i18next';
import { renderMsg } from '../diagnosis/message';
import type { Regime } from '../diagnosis/diagnose';

const selectDiagnosis = (s: Store) => s.diagnosis;
const selectConfig = (s: Store) => s.config;

const TITLES: Record<string, string> = {
  overfitting: 'Overfitting',
  underfitting: 'Underfitting',
  'good fit': 'Good fit',
  diverged: 'Diverged',
  'too early to tell': 'Too early to tell',
};
export const REGIME_TITLES = TITLES;

/** Each regime's title key in the `diagnosis` namespace. */
export const REGIME_KEYS = {
  overfitting: 'regime.overfitting',
  underfitting: 'regime.underfitting',
  'good fit': 'regime.goodFit',
  diverged: 'regime.diverged',
  'too early to tell': 'regime.tooEarly',
} as const satisfies Record<Regime, string>;

/** A regime's title in the language shown (for other views of the verdict, e.g. the phone's live strip). */
export function useRegimeTitle(regime: Regime): string {
  const { t } = useTranslation('diagnosis');
  return t(REGIME_KEYS[regime]);
}

// A remedy is a before/after demo: a fresh run from the same initial weights, the run it
// replaces kept in the overlay (change.ts startFresh). "Train longer" just goes on.
function apply(r: Remedy): void {
  if (r.action === 'train') client.train().catch(() => {});
  else if (r.action === 'lower-lr-reset') startFresh({ lr: Number((client.config().lr / 10).toPrecision(2)) });
  else startFresh(r.action);
}

export function DiagnosisPanel() {
  const d = useStore(selectDiagnosis);
  const config = useStore(selectConfig);
  const { t } = useTranslation('diagnosis');
  const remedies = remediesFor(d.regime, config);
  const title = t(REGIME_KEYS[d.regime]);
  // Rendered from its key in the language shown; English hand-made verdicts have only `evidence`.
  const evidence = d.msg ? renderMsg(d.msg) : d.evidence;
  return (
    <div className={`diagnosis-box regime-${d.regime.replace(/ /g, '-')}`}>
      {/* The evidence changes with every epoch (~10× a second); a screen reader hears only a new verdict. */}
      <p className="visually-hidden" role="status" data-testid="diagnosis-announcement">
        {t('announcement', { title })}
      </p>
      <p className="diagnosis" data-testid="diagnosis">
        <strong>{title}</strong>
        {d.sinceEpoch !== null && d.regime !== 'good fit' ? t('since', { epoch: d.sinceEpoch }) : ''}
        {evidence ? `${t('colon')}${evidence}` : ''}
      </p>
      {remedies.length > 0 && (
        <div className="remedies" role="group" aria-label={t('remediesLabel')}>
          {remedies.map((r) => (
            <button key={r.label} type="button" onClick={() => apply(r)}>
              {r.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
