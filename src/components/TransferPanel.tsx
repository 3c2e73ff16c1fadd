// Transfer learning: pretrain a base on a large source task, reuse it for a related target task
// with few examples, and compare from scratch, frozen base + new head and fine-tune all on the
// same target data and seed. The three criteria for reusing a pretrained model (a related task,
// good performance on the source, compatible inputs and outputs; see src/transfer/checks.ts) are
// checked for the chosen pair; an incompatible pair is refused.
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { cancel, compare, pretrain } from '../client/transferClient';
import { TRANSFER_RANGES, type TransferSettings } from '../shared/transferProtocol';
import { useStore, type Store } from '../store/store';
import type { TransferCheck } from '../transfer/checks';
import { baseSourceLabel, incompatibilityText, taskDescription, taskLabel, transferChecksText } from '../transfer/labels';
import { findTask, tasksFor, type TransferTask } from '../transfer/tasks';
import { TransferBases } from './TransferBases';
import { TransferNumber } from './TransferNumber';
import { TransferImageSource, TransferImageTarget } from './TransferImageControls';
import { TransferChart, TransferTable } from './lazyCharts';
import { formatFixed, formatPercent, formatSig } from '../shared/format';

const selectTransfer = (s: Store) => s.transfer;
const ignore = () => {};

/** The task picker's option groups, in order. */
const GROUPS: TransferTask['kind'][] = ['2d', 'table', 'image'];

function TaskPicker({ label, role, value, onChange, testId, disabled }: { label: string; role: 'source' | 'target'; value: string; onChange: (k: string) => void; testId: string; disabled: boolean }) {
  const id = useId();
  const tasks = tasksFor(role);
  const { t: tr } = useTranslation('transfer');
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">{label}</span>
      <select id={id} data-testid={testId} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {GROUPS.map((kind) => (
          <optgroup key={kind} label={tr(`groups.${kind}`)}>
            {tasks
              .filter((t) => t.kind === kind)
              .map((t) => (
                <option key={t.key} value={t.key}>
                  {taskLabel(t)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <span className="field-hint">{taskDescription(findTask(value))}</span>
    </label>
  );
}

const MARK: Record<string, string> = { true: '✓', false: '✗', null: '?' };

function Checks({ checks }: { checks: TransferCheck[] }) {
  const { t } = useTranslation('transfer');
  return (
    <ul className="transfer-checks" data-testid="transfer-checks" aria-label={t('checksLabel')}>
      {checks.map((c) => (
        <li key={c.key} data-check={c.key} data-ok={c.ok === null ? 'unknown' : String(c.ok)} className={`check-${c.ok === null ? 'unknown' : c.ok ? 'ok' : 'bad'}`}>
          <span className="check-mark" aria-hidden="true">
            {MARK[String(c.ok)]}
          </span>
          <span>
            <strong>
              {c.title}
              <span className="visually-hidden">{c.ok === null ? t('unknown') : c.ok ? t('met') : t('notMet')}</span>
            </strong>{' '}
            {c.detail}
          </span>
        </li>
      ))}
    </ul>
  );
}

function statusText(status: string, task: string | null, progress: number, note: string, t: TFunction<'transfer'>): string {
  const pct = `${Math.round(progress * 100)}%`;
  if (status === 'pretraining') return note ? t('status.pretrainingNote', { pct, note }) : t('status.pretraining', { pct });
  if (status === 'comparing') return t('status.comparing', { pct });
  if (status === 'cancelling') return t('status.cancelling');
  if (status === 'busy') return t('status.busy');
  if (task === 'pretrain') return note ? t('status.pretrainedNote', { note }) : t('status.pretrained');
  if (task === 'compare') return progress >= 1 ? t('status.compared') : t('status.stopped');
  return '';
}

export function TransferPanel() {
  const { t: tr } = useTranslation('transfer');
  const t = useStore(selectTransfer);
  const { settings, base } = t;
  const set = useStore.getState().setTransfer;
  const setSettings = (p: Partial<TransferSettings>) => useStore.getState().setTransferSettings(p);
  const source = findTask(t.source);
  const target = findTask(t.target);
  const idle = t.status === 'idle';
  const running = t.status === 'pretraining' || t.status === 'comparing' || t.status === 'cancelling';
  const baseFits = base !== null && base.source === source.key;
  const isImage = source.kind === 'image';
  const refusal = incompatibilityText(source, target);
  const checks = transferChecksText(source, target, baseFits ? base : null);
  const maxN = Math.min(TRANSFER_RANGES.nTarget.max, target.maxTrain);
  const minN = Math.min(TRANSFER_RANGES.nTarget.min, maxN);
  const nTarget = Math.min(maxN, Math.max(minN, settings.nTarget));
  const layers = baseFits ? base.layers : settings.layers;
  const activations = baseFits ? base.activations : settings.activations;
  const curves = t.result ? Object.fromEntries(t.result.methods.map((m) => [m.method, m.curve])) : t.live;
  const showChart = t.result !== null || Object.keys(t.live).length > 0;
  // The chart and table follow the result's kind (an image comparison judges accuracy), else the tasks'.
  const accMetric = t.result ? t.result.targetAcc !== undefined : target.kind === 'image';
  const imageStack = baseFits && base.image ? base.image.stack : settings.image.stack;
  /** Picking a task of the other kind (images or numbers) brings its counterpart along. */
  const pair = (role: 'source' | 'target', key: string): { source: string; target: string } => {
    const picked = findTask(key);
    const other = findTask(role === 'source' ? t.target : t.source);
    const match = (other.kind === 'image') === (picked.kind === 'image') ? other.key : tasksFor(role === 'source' ? 'target' : 'source').find((k) => (k.kind === 'image') === (picked.kind === 'image'))!.key;
    return role === 'source' ? { source: key, target: match } : { source: match, target: key };
  };
  const nId = useId();

  return (
    <section className="panel transfer" aria-labelledby="transfer-h" data-testid="transfer-panel">
      <h2 id="transfer-h">{tr('title')}</h2>
      <p className="hint">{tr('intro')}</p>

      <div className="row">
        <TaskPicker label={tr('source')} role="source" value={t.source} onChange={(k) => set({ ...pair('source', k), result: null, live: {} })} testId="transfer-source" disabled={!idle} />
        <TaskPicker
          label={tr('target')}
          role="target"
          value={t.target}
          onChange={(k) => {
            set({ ...pair('target', k), result: null, live: {} });
            const max = Math.min(TRANSFER_RANGES.nTarget.max, findTask(k).maxTrain);
            if (settings.nTarget > max) setSettings({ nTarget: max });
          }}
          testId="transfer-target"
          disabled={!idle}
        />
      </div>

      <h3 className="transfer-sub">{tr('checksHeading')}</h3>
      <Checks checks={checks} />
      {refusal && (
        <p className="warn transfer-refusal" role="alert" data-testid="transfer-refusal">
          {tr('incompatible', { reason: refusal })}
        </p>
      )}

      {isImage && <p className="hint">{tr('image.intro')}</p>}
      <h3 className="transfer-sub">{tr('step1')}</h3>
      {isImage ? (
        <TransferImageSource settings={settings} disabled={!idle} />
      ) : (
        <>
      <p className="hint">
        {tr('baseShape', { count: layers.length, units: layers.join(tr('and')), activations: activations.join(', '), batch: settings.batch })}
      </p>
      <div className="row sweep-controls">
        <TransferNumber label={tr('pretrainEpochs')} value={settings.pretrainEpochs} {...TRANSFER_RANGES.pretrainEpochs} int onCommit={(v) => setSettings({ pretrainEpochs: v })} testId="transfer-pretrain-epochs" disabled={!idle} />
        <TransferNumber label={tr('lr')} value={settings.lr} {...TRANSFER_RANGES.lr} onCommit={(v) => setSettings({ lr: v })} testId="transfer-lr" disabled={!idle} hint={tr('lrHint')} />
        <TransferNumber label={tr('seed')} value={settings.seed} {...TRANSFER_RANGES.seed} int onCommit={(v) => setSettings({ seed: v })} testId="transfer-seed" disabled={!idle} hint={tr('seedHint')} />
      </div>
        </>
      )}
      <div className="row transfer-buttons">
        {/* Named without the word "train", so scripts that look for the Train button by name still find one. */}
        <button type="button" className="primary" disabled={!idle || refusal !== null} onClick={() => pretrain().catch(ignore)} data-testid="transfer-pretrain">
          {tr('pretrain')}
        </button>
        {running && (
          <button type="button" onClick={() => cancel().catch(ignore)} disabled={t.status === 'cancelling'} data-testid="transfer-cancel">
            {tr('cancel')}
          </button>
        )}
      </div>
      <p className="hint" data-testid="transfer-base">
        {base
          ? tr('currentBase', { source: baseSourceLabel(base), n: base.sourceTrain, epochs: base.epochs, seed: base.seed, acc: formatPercent(base.sourceValAcc), loss: formatFixed(base.sourceValLoss, 3) })
          : tr('noBase')}
        {base && !baseFits && tr('otherSource', { source: taskLabel(source) })}
      </p>
      <TransferBases />

      <h3 className="transfer-sub">{tr('step2')}</h3>
      {isImage ? (
        <TransferImageTarget settings={settings} stack={imageStack} disabled={!idle} />
      ) : (
        <>
      <fieldset className="features transfer-freeze">
        <legend>{tr('freeze')}</legend>
        {layers.map((u, i) => (
          <label key={i} className="check">
            <input
              type="checkbox"
              checked={settings.frozen[i] ?? true}
              disabled={!idle}
              onChange={(e) => setSettings({ frozen: layers.map((_, j) => (j === i ? e.target.checked : (settings.frozen[j] ?? true))) })}
              data-testid={`transfer-freeze-${i + 1}`}
            />
            {tr('layer', { n: i + 1, units: u })}
          </label>
        ))}
        <span className="field-hint">{tr('headTrains')}</span>
      </fieldset>
      <div className="field transfer-slider">
        <label className="field-label" htmlFor={nId}>
          <Trans t={tr} i18nKey="examples" values={{ n: nTarget, max: target.maxTrain }} components={[<strong key="n" data-testid="transfer-n-value" />]} />
        </label>
        <input
          id={nId}
          type="range"
          min={minN}
          max={maxN}
          step={1}
          value={nTarget}
          disabled={!idle}
          data-testid="transfer-n"
          aria-valuetext={tr('examplesValue', { n: nTarget })}
          onChange={(e) => setSettings({ nTarget: Number(e.target.value) })}
        />
        <span className="field-hint">{tr('examplesHint')}</span>
      </div>
      <div className="row sweep-controls">
        <TransferNumber label={tr('targetLoss')} value={settings.targetLoss} {...TRANSFER_RANGES.targetLoss} onCommit={(v) => setSettings({ targetLoss: v })} testId="transfer-target-loss" disabled={!idle} hint={tr('targetLossHint')} />
        <TransferNumber label={tr('epochs')} value={settings.epochs} {...TRANSFER_RANGES.epochs} int onCommit={(v) => setSettings({ epochs: v })} testId="transfer-epochs" disabled={!idle} />
        <TransferNumber
          label={tr('lrFactor')}
          value={settings.lrFactor}
          {...TRANSFER_RANGES.lrFactor}
          onCommit={(v) => setSettings({ lrFactor: v })}
          testId="transfer-lr-factor"
          disabled={!idle}
          hint={tr('lrFactorHint', { factor: settings.lrFactor, lr: formatSig(settings.lr * settings.lrFactor) })}
        />
      </div>
        </>
      )}
      <div className="row transfer-buttons">
        <button
          type="button"
          className="primary"
          disabled={!idle || refusal !== null || !baseFits}
          onClick={() => compare().catch(ignore)}
          data-testid="transfer-compare"
          title={!baseFits ? tr('compareTitle') : undefined}
        >
          {tr('compare')}
        </button>
      </div>

      {(t.task !== null || t.status !== 'idle') && (
        <div className="sweep-status">
          <progress max={1} value={t.progress} aria-label={t.task === 'pretrain' ? tr('pretrainProgress') : tr('compareProgress')} data-testid="transfer-progress" />
          <span data-testid="transfer-status" aria-live="polite">
            {statusText(t.status, t.task, t.progress, t.pretrainNote, tr)}
          </span>
        </div>
      )}
      {t.message && (
        <p className={t.message.kind === 'error' ? 'warn' : 'hint'} role={t.message.kind === 'error' ? 'alert' : 'status'} data-testid="transfer-message">
          {t.message.text}
        </p>
      )}
      {showChart && (
        <TransferChart
          curves={curves}
          metric={accMetric ? 'acc' : 'loss'}
          target={accMetric ? (t.result?.targetAcc ?? settings.image.targetAcc) : (t.result?.targetLoss ?? settings.targetLoss)}
        />
      )}
      {t.result && <TransferTable result={t.result} />}
    </section>
  );
}
