// Loss and optimizer controls, each beside the formula it applies with the current values.
import { LOSSES, OPTIMIZERS, lossesFor, BACKENDS } from '../shared/config';
import { useStore, type Store } from '../store/store';
import { change } from './change';
import { applyHint } from './applyHint';
import { lossFormula, optimizerFormula } from './formulas';
import { useTranslation } from 'react-i18next';
import { backendLabel, lossLabel, optimizerLabel } from '../shared/labels';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { formatSig } from '../shared/format';
import { ClipField, ScheduleControl, ScheduleReadout } from './ScheduleControl';

const selectConfig = (s: Store) => s.config;
const selectUpload = (s: Store) => s.upload;

const LR_SUGGESTIONS = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const BATCH_SUGGESTIONS = [1, 10, 32, 64, 128, 256];

// Label tables in the interface's language, made at render.
const BACKEND_LABELS = () => Object.fromEntries(BACKENDS.map((k) => [k, backendLabel(k)]));
const LOSS_LABELS = () => Object.fromEntries(LOSSES.map((k) => [k, lossLabel(k)]));
const OPTIMIZER_LABELS = () => Object.fromEntries(OPTIMIZERS.map((k) => [k, optimizerLabel(k)]));

const selectBackendInfo = (s: Store) => s.backend;
const selectTiming = (s: Store) => s.timing;
const selectBackendEpsilon = (s: Store) => s.backend?.epsilon;

/** Which backend runs and why: auto's timings, or why a requested backend fell back. */
function BackendNote() {
  const info = useStore(selectBackendInfo);
  const timing = useStore(selectTiming) !== null;
  const { t } = useTranslation('training');
  if (!info) return null;
  return (
    <p className="hint" data-testid="backend-note">
      {t('note.runningOn')}
      <strong>{info.active}</strong>
      {info.timings
        ? `${t('note.timed', {
            count: info.timings.length,
            timings: info.timings.map((x) => `${x.backend} ${formatSig(x.msPerStep, 2)}${x.warmOnly ? t('note.warmOnly') : ''}`).join(', '),
          })}${info.untimed?.length ? t('note.untimed', { names: info.untimed.join(', ') }) : ''}`
        : info.requested === 'auto'
          ? timing
            ? t('note.whileTiming')
            : t('note.untilTimed')
          : info.note
            ? t('note.fellBack', { note: info.note })
            : t('note.asChosen')}
      {info.softwareWebgl && (
        <span data-testid="software-webgl">
          {' '}
          {t('note.softwareWebgl', { renderer: info.softwareWebgl })}
        </span>
      )}
    </p>
  );
}

export function TrainingPanel() {
  const o = useStore(selectConfig);
  const upload = useStore(selectUpload);
  const backendEpsilon = useStore(selectBackendEpsilon);
  const { t } = useTranslation('training');
  return (
    <section className="panel" aria-labelledby="train-h">
      <h2 id="train-h">
        <span className="step-no">3</span> {t('title')}
      </h2>
      <SelectField label={t('loss')} value={o.loss} options={lossesFor(o.dataset, upload)} labels={LOSS_LABELS()} onChange={(loss) => change({ loss })} testId="loss" hint={applyHint('loss')} />
      <p className="formula" data-testid="loss-formula">
        {lossFormula(o.loss)}
      </p>
      <SelectField
        label={t('optimizer')}
        value={o.optimizer}
        options={OPTIMIZERS}
        labels={OPTIMIZER_LABELS()}
        onChange={(optimizer) => change({ optimizer })}
        testId="optimizer"
        hint={t('optimizerHint', { hint: applyHint('optimizer') })}
      />
      <div className="formula" data-testid="optimizer-formula">
        {optimizerFormula(o.optimizer, o, backendEpsilon).map((line) => (
          <div key={line}>{line}</div>
        ))}
      </div>
      <div className="row">
        <NumberField label={t('lr')} range="lr" value={o.lr} onCommit={(lr) => change({ lr })} testId="lr" hint={applyHint('lr')} suggestions={LR_SUGGESTIONS} />
        <NumberField label={t('batch')} range="batch" value={o.batch} onCommit={(batch) => change({ batch })} testId="batch" hint={applyHint('batch')} suggestions={BATCH_SUGGESTIONS} />
      </div>
      {o.optimizer === 'momentum' && (
        <NumberField label={t('momentum')} range="momentum" value={o.momentum} onCommit={(momentum) => change({ momentum })} testId="momentum" />
      )}
      {o.optimizer === 'adam' && (
        <div className="row">
          <NumberField label="β₁" range="beta1" value={o.beta1} onCommit={(beta1) => change({ beta1 })} testId="beta1" />
          <NumberField label="β₂" range="beta2" value={o.beta2} onCommit={(beta2) => change({ beta2 })} testId="beta2" />
          <NumberField label="ε" range="epsilon" value={o.epsilon} onCommit={(epsilon) => change({ epsilon })} testId="epsilon" />
        </div>
      )}
      {o.optimizer === 'rmsprop' && (
        <NumberField label="ε" range="epsilon" value={o.epsilon} onCommit={(epsilon) => change({ epsilon })} testId="epsilon" />
      )}
      <ScheduleControl />
      <ClipField />
      <ScheduleReadout />
      <SelectField label={t('backend')} value={o.backend} options={BACKENDS} labels={BACKEND_LABELS()} onChange={(backend) => change({ backend })} testId="backend-select" hint={applyHint('backend')} />
      <BackendNote />
    </section>
  );
}
