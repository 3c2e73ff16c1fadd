// The learning-rate schedule (a kind, its numbers, an optional warm-up), gradient clipping by
// global norm, and what they do now: the rate of the epoch being trained and the share of the
// last epoch's steps that were clipped. Writes config.schedule and config.clip like every control.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { isConstant, rateAt, SCHEDULE_KINDS, type ScheduleKind } from '../shared/schedule';
import { formatSig } from '../shared/format';
import { useStore, type Store } from '../store/store';
import { useGate } from '../page/gate';
import { controlClass } from '../page/useControl';
import { LockMark } from './classroom/Gate';
import { t as translate } from '../i18n/i18n';
import { applyHint } from './applyHint';
import { change } from './change';
import { NumberField } from './NumberField';
import { defaultsFor, formOf, scheduleFormula, textOf, type ScheduleField, type ScheduleForm } from './scheduleForm';

const selectSchedule = (s: Store) => ({ schedule: s.config.schedule, budget: s.config.epochs });
const selectClip = (s: Store) => s.config.clip;
// The rate of the epoch about to train (or training): the live base rate and schedule at the
// run's epoch. The clipped share: the last epoch's, as the worker measured it.
const selectNow = (s: Store) => ({ lr: s.config.lr, schedule: s.config.schedule, epoch: s.metrics.last?.epoch ?? 0, clipped: s.metrics.last?.clipped, clip: s.config.clip });

/** The alert region's topic of the schedule's messages. */
const TOPIC = 'field:schedule';

export function ScheduleControl() {
  const { schedule, budget } = useStore(useShallow(selectSchedule));
  const { t } = useTranslation('training');
  const gate = useGate('schedule');
  const id = useId();
  // The fields as typed while they differ from the schedule in force (null: show that one).
  const [draft, setDraft] = useState<ScheduleForm | null>(null);
  const [bad, setBad] = useState<{ field: ScheduleField | null; message: string } | null>(null);
  const shown = draft ?? formOf(schedule);

  /** Validates a form, showing why it is wrong (inline and in the alert region); the last good schedule stays. */
  const check = (f: ScheduleForm) => {
    const r = textOf(f);
    const { say, clear } = useStore.getState();
    if (r.ok) {
      setBad(null);
      clear(TOPIC);
    } else {
      const message = translate(`schema:schedule.${r.error}`);
      setBad({ field: r.field, message });
      say(TOPIC, 'error', translate('schema:keeping', { error: message, value: schedule }));
    }
    return r;
  };

  const commit = (f: ScheduleForm | null) => {
    if (f === null) return;
    const r = check(f);
    if (!r.ok) return;
    if (r.text !== schedule) change({ schedule: r.text });
    setDraft(null);
  };

  const reset = () => {
    setDraft(null);
    setBad(null);
    useStore.getState().clear(TOPIC);
  };

  if (gate.hidden) return null;

  const number = (field: ScheduleField, label: string, testId: string, hint?: string) => {
    const fid = `${id}-${field}`;
    const error = bad?.field === field ? bad.message : null;
    return (
      <label className="field" htmlFor={fid}>
        <span className="field-label">{label}</span>
        <input
          id={fid}
          data-testid={testId}
          type="text"
          inputMode="decimal"
          disabled={gate.locked}
          value={shown[field]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fid}-err` : undefined}
          onChange={(e) => {
            const next = { ...shown, [field]: e.target.value };
            setDraft(next);
            check(next);
          }}
          onBlur={() => commit(draft)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(draft);
            if (e.key === 'Escape') reset();
          }}
        />
        {error ? (
          <span id={`${fid}-err`} className="field-error">
            {error}
          </span>
        ) : hint ? (
          <span className="field-hint">{hint}</span>
        ) : null}
      </label>
    );
  };

  const pick = (kind: ScheduleKind) => {
    const next = { ...shown, kind, ...defaultsFor(kind, budget) };
    setDraft(next);
    commit(next);
  };

  const k = shown.kind;
  const formulaText = draft && textOf(draft).ok ? (textOf(draft) as { text: string }).text : schedule;
  return (
    <fieldset className={`group schedule ${controlClass(gate)}`.trim()} data-testid="schedule" aria-describedby={`${id}-formula`}>
      <legend>
        {t('schedule.title')}
        {gate.locked && <LockMark id={`${id}-lock`} />}
      </legend>
      <div className="row schedule-fields">
        <label className="field" htmlFor={`${id}-kind`}>
          <span className="field-label">{t('schedule.kind')}</span>
          <select id={`${id}-kind`} data-testid="schedule-kind" value={k} disabled={gate.locked} onChange={(e) => pick(e.target.value as ScheduleKind)}>
            {SCHEDULE_KINDS.map((o) => (
              <option key={o} value={o}>
                {t(`schedule.kinds.${o}`)}
              </option>
            ))}
          </select>
        </label>
        {k === 'step' && number('every', t('schedule.every'), 'schedule-every')}
        {k === 'step' && number('factor', t('schedule.factor'), 'schedule-factor')}
        {k === 'exp' && number('factor', t('schedule.gamma'), 'schedule-factor')}
        {k === 'cosine' && number('every', t('schedule.over'), 'schedule-every')}
        {number('warmup', t('schedule.warmup'), 'schedule-warmup', t('schedule.warmupHint'))}
      </div>
      {bad && bad.field === null && <span className="field-error">{bad.message}</span>}
      <p className="formula" id={`${id}-formula`} data-testid="schedule-formula">
        {scheduleFormula(formulaText, {
          zeroAfter: (epochs) => t('schedule.zeroAfter', { epochs }),
          warmupThen: (warmup, rest) => t('schedule.warmupThen', { warmup, rest }),
        })}
      </p>
      <span className="field-hint">{t('schedule.hint')}</span>
    </fieldset>
  );
}

/** The clip norm (0 = off). */
export function ClipField() {
  const clip = useStore(selectClip);
  const { t } = useTranslation('training');
  return <NumberField label={t('clip')} range="clip" value={clip} onCommit={(c) => change({ clip: c })} testId="clip" hint={t('clipHint', { hint: applyHint('clip') })} />;
}

/** The rate of the epoch being trained (with a schedule) and the clipped share of the last epoch's steps (with clipping). */
export function ScheduleReadout() {
  const now = useStore(useShallow(selectNow));
  const { t } = useTranslation('training');
  const scheduled = !isConstant(now.schedule);
  const clipping = now.clip > 0 && now.clipped !== undefined;
  if (!scheduled && !clipping) return null;
  return (
    <p className="hint schedule-now">
      {scheduled && (
        <span data-testid="rate-now">{t('schedule.rateNow', { rate: formatSig(rateAt(now.lr, now.schedule, now.epoch), 3), epoch: now.epoch + 1 })}</span>
      )}
      {scheduled && clipping && ' · '}
      {clipping && <span data-testid="clipped-share">{t('clipped', { share: Math.round(now.clipped! * 100) })}</span>}
    </p>
  );
}
