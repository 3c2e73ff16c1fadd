// The optimizer race: the current setup trained with several optimizers from the same start in
// the lab worker (the main view stays usable), one curve each on one chart and a table of epochs
// to a target loss, final losses and wall time, with "apply this optimizer" per row.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { cancelRace, startRace } from '../client/raceClient';
import { OPTIMIZERS, type OptimizerKey } from '../shared/config';
import { formatLoss, formatSeconds, formatSig } from '../shared/format';
import { optimizerLabel } from '../shared/labels';
import { isImages } from '../shared/datasets';
import type { RaceEntry } from '../shared/race';
import { useStore, type Store } from '../store/store';
import { change } from './change';
import { RaceChart } from './lazyCharts';
import { NumberField } from './NumberField';
import { defaultRates, epochsToTarget, RACE_COLOURS } from './raceLogic';

const selectRace = (s: Store) => s.race;
const selectRateBasis = (s: Store) => ({ optimizer: s.config.optimizer, lr: s.config.lr });
const ignore = () => {};

/** The target-loss field: a positive number, or empty for none; a bad entry says why and keeps the last good value. */
function TargetField({ value, onCommit }: { value: number | null; onCommit: (v: number | null) => void }) {
  const { t } = useTranslation('race');
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const trimmed = text.trim();
    const v = trimmed === '' ? null : Number(trimmed);
    if (v !== null && !(Number.isFinite(v) && v > 0)) {
      setError(t('targetBad', { text, value: value ?? '—' }));
      return;
    }
    setError(null);
    setText(null);
    onCommit(v);
  };
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">{t('target')}</span>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        data-testid="race-target"
        value={text ?? (value === null ? '' : String(value))}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span className="hint" id={`${id}-hint`}>
        {t('targetHint')}
      </span>
      {error && (
        <span className="field-error" id={`${id}-err`} role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

function RaceRow({ e, target, onApply }: { e: RaceEntry; target: number | null; onApply: (e: RaceEntry) => void }) {
  const { t } = useTranslation('race');
  const name = optimizerLabel(e.optimizer);
  const reached = epochsToTarget(e.trainLoss, target);
  return (
    <tr>
      <th scope="row">
        <span className="race-swatch" style={{ background: RACE_COLOURS[e.optimizer] }} aria-hidden="true" />
        {name}
      </th>
      <td>{formatSig(e.lr, 3)}</td>
      <td data-testid={`race-reached-${e.optimizer}`}>{reached === null ? t('never') : reached}</td>
      <td>{formatLoss(e.trainLoss.at(-1))}</td>
      <td>{formatLoss(e.valLoss.at(-1))}</td>
      <td>{formatSeconds(e.wallMs)}</td>
      <td>
        <button type="button" onClick={() => onApply(e)} title={t('applyTitle', { name, lr: formatSig(e.lr, 3) })}>
          {t('apply', { name })}
        </button>
      </td>
    </tr>
  );
}

const selectImages = (s: Store) => isImages(s.config.dataset);

/** The race, or on image sets one line saying why it does not apply. */
export function RacePanel() {
  const { t } = useTranslation('race');
  const images = useStore(selectImages);
  if (!images) return <RaceControls />;
  return (
    <section className="panel race-panel" aria-labelledby="race-h" data-testid="optimizer-race">
      <h2 id="race-h">{t('title')}</h2>
      <p className="hint" data-testid="race-images">
        {t('images')}
      </p>
    </section>
  );
}

function RaceControls() {
  const { t } = useTranslation('race');
  const race = useStore(selectRace);
  const basis = useStore(useShallow(selectRateBasis));
  const [applied, setApplied] = useState<string | null>(null);
  const busy = race.status === 'running' || race.status === 'cancelling';
  const rates = { ...defaultRates(basis), ...race.lrs };
  const chosen = OPTIMIZERS.filter((k) => race.chosen[k]);
  const set = useStore.getState().setRace;
  const toggle = (k: OptimizerKey, on: boolean) => set({ chosen: { ...race.chosen, [k]: on } });
  const apply = (e: RaceEntry) => {
    change({ optimizer: e.optimizer, lr: e.lr });
    setApplied(t('applied', { name: optimizerLabel(e.optimizer), lr: formatSig(e.lr, 3) }));
  };
  const status =
    race.status === 'running'
      ? t('running', { done: race.epochsDone, epochs: race.epochs })
      : race.status === 'cancelling'
        ? t('cancelling')
        : race.status === 'cancelled'
          ? t('cancelled', { done: race.epochsDone })
          : race.status === 'done'
            ? t('done', { epochs: race.epochsDone })
            : race.status === 'error'
              ? t('failed', { error: race.error ?? '' })
              : '';
  return (
    <section className="panel race-panel" aria-labelledby="race-h" data-testid="optimizer-race">
      <h2 id="race-h">{t('title')}</h2>
      <p className="hint">{t('intro')}</p>
      <fieldset className="race-optimizers" disabled={busy}>
        <legend>{t('optimizers')}</legend>
        {OPTIMIZERS.map((k) => (
          <div className="race-optimizer" key={k}>
            <label className="check">
              <input type="checkbox" checked={race.chosen[k]} onChange={(e) => toggle(k, e.target.checked)} data-testid={`race-use-${k}`} />
              <span className="race-swatch" style={{ background: RACE_COLOURS[k] }} aria-hidden="true" />
              {optimizerLabel(k)}
            </label>
            <NumberField label={t('rate', { name: optimizerLabel(k) })} range="lr" value={rates[k]} onCommit={(lr) => set({ lrs: { ...race.lrs, [k]: lr } })} testId={`race-lr-${k}`} />
          </div>
        ))}
        <p className="hint">{t('ratesHint', { current: optimizerLabel(basis.optimizer), lr: formatSig(basis.lr, 3) })}</p>
      </fieldset>
      <div className="row race-controls">
        <NumberField label={t('epochs')} range="sweepEpochs" value={race.epochs} onCommit={(epochs) => set({ epochs })} testId="race-epochs" />
        <TargetField value={race.target} onCommit={(target) => set({ target })} />
      </div>
      <div className="row">
        <button type="button" disabled={busy || chosen.length === 0} onClick={() => startRace().catch(ignore)} data-testid="race-start">
          {t('start')}
        </button>
        {busy && (
          <button type="button" onClick={cancelRace} disabled={race.status === 'cancelling'} data-testid="race-cancel">
            {t('cancel')}
          </button>
        )}
        {chosen.length === 0 && <span className="hint">{t('noneChosen')}</span>}
      </div>
      {race.status !== 'idle' && (
        <div className="sweep-status">
          <progress max={1} value={race.progress} aria-label={t('progress')} data-testid="race-progress" />
          <span data-testid="race-status" aria-live="polite">
            {status}
          </span>
        </div>
      )}
      {race.batched === true && race.backend && <p className="hint">{t('batched', { backend: race.backend })}</p>}
      {race.aloneReason && (
        <p className="hint" data-testid="race-alone">
          {t(`alone.${race.aloneReason}`)}
        </p>
      )}
      {race.entries.length > 0 && race.config && (
        <>
          <RaceChart entries={race.entries} config={race.config} />
          <div className="race-table-scroll">
            <table className="trials race-results" data-testid="race-table">
              <caption>{t('tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colOptimizer')}</th>
                  <th scope="col">{t('colLr')}</th>
                  <th scope="col">{race.target === null ? t('colEpochsNoTarget') : t('colEpochs', { target: formatSig(race.target, 3) })}</th>
                  <th scope="col">{t('colTrain')}</th>
                  <th scope="col">{t('colVal')}</th>
                  <th scope="col">{t('colWall')}</th>
                  <th scope="col">{t('colAction')}</th>
                </tr>
              </thead>
              <tbody>
                {race.entries.map((e) => (
                  <RaceRow key={e.optimizer} e={e} target={race.target} onApply={apply} />
                ))}
              </tbody>
            </table>
          </div>
          {applied && (
            <p className="hint" role="status">
              {applied}
            </p>
          )}
        </>
      )}
    </section>
  );
}
