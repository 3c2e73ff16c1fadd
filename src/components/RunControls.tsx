// How far and how fast a run goes, for narrating it and comparing runs at equal epochs: an epoch
// budget (stop at epoch N; link key `epochs`) and a pace (epochs per second; link key `pace`).
// Both are live settings: the worker's run loop reads them between epochs. After a live edit of a
// run that has trained, "Start fresh with this setting" replays it from the same initial weights.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { client } from '../client/trainingClient';
import { useStore, type Store } from '../store/store';
import { change } from './change';
import { NumberField } from './NumberField';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

/** Paces offered, in epochs per second; 0 is full speed. A link's own value is offered too. */
const PACES = [0, 2, 5, 10, 20, 60] as const;

const selectControls = (s: Store) => ({ epochs: s.config.epochs, pace: s.config.pace, liveEdits: s.liveEdits !== null, busy: s.status === 'starting' });

const paceText = (t: TFunction<'run'>, p: number) => (p === 0 ? t('controls.fullSpeed') : t('controls.perSecond', { pace: p }));

export function RunControls() {
  const { epochs, pace, liveEdits, busy } = useStore(useShallow(selectControls));
  const paceId = useId();
  const { t } = useTranslation('run');
  const paces = PACES.includes(pace as (typeof PACES)[number]) ? [...PACES] : [...PACES, pace].sort((a, b) => a - b);
  return (
    <div className="run-controls" data-testid="run-controls">
      <NumberField label={t('controls.stopAt')} range="epochs" value={epochs} onCommit={(v) => change({ epochs: v })} testId="epoch-budget" hint={t('controls.noLimit')} />
      <label className="field" htmlFor={paceId}>
        <span className="field-label">{t('controls.pace')}</span>
        <select id={paceId} data-testid="pace" value={String(pace)} onChange={(e) => change({ pace: Number(e.target.value) })}>
          {paces.map((p) => (
            <option key={p} value={String(p)}>
              {paceText(t, p)}
            </option>
          ))}
        </select>
        <span className="field-hint">{t('controls.paceHint')}</span>
      </label>
      {liveEdits && (
        <button
          type="button"
          data-testid="start-fresh"
          disabled={busy}
          title={t('controls.startFreshTitle')}
          onClick={() => {
            client
              .startFresh()
              .then(() => client.train())
              .catch(() => {});
          }}
        >
          {t('controls.startFresh')}
        </button>
      )}
    </div>
  );
}
