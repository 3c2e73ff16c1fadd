// Transfer learning: pretrain a base on a large source task, reuse it for a related target task
// with few examples, and compare from scratch, frozen base + new head and fine-tune all on the
// same target data and seed. The three criteria for reusing a pretrained model (a related task,
// good performance on the source, compatible inputs and outputs; see src/transfer/checks.ts) are
// checked for the chosen pair; an incompatible pair is refused.
import { useId, useState } from 'react';
import { cancel, compare, pretrain } from '../client/transferClient';
import { TRANSFER_RANGES, type TransferSettings } from '../shared/transferProtocol';
import { useStore, type Store } from '../store/store';
import { incompatibility, transferChecks, type TransferCheck } from '../transfer/checks';
import { findTask, tasksFor, type TransferTask } from '../transfer/tasks';
import { TransferBases } from './TransferBases';
import { TransferChart, TransferTable } from './TransferChart';
import { formatFixed, formatPercent, formatSig } from '../shared/format';

const selectTransfer = (s: Store) => s.transfer;
const ignore = () => {};

interface NumberProps {
  label: string;
  value: number;
  min: number;
  max: number;
  int?: boolean;
  onCommit: (v: number) => void;
  testId?: string;
  hint?: string;
  disabled?: boolean;
}

/** A numeric input checked as typed; the last good value stays until the text is fixed. */
function TransferNumber({ label, value, min, max, int, onCommit, testId, hint, disabled }: NumberProps) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const parse = (t: string): { ok: true; value: number } | { ok: false; error: string } => {
    const v = Number(t.trim());
    if (t.trim() === '' || !Number.isFinite(v)) return { ok: false, error: `${label} must be a number` };
    if (int && !Number.isInteger(v)) return { ok: false, error: `${label} must be a whole number` };
    if (v < min || v > max) return { ok: false, error: `${label} must be between ${min} and ${max}` };
    return { ok: true, value: v };
  };
  const check = text === null ? null : parse(text);
  const error = check && !check.ok ? check.error : null;
  const commit = () => {
    if (!check) return;
    if (check.ok) {
      if (check.value !== value) onCommit(check.value);
      setText(null);
    }
  };
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">{label}</span>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        data-testid={testId}
        value={text ?? String(value)}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(null);
        }}
      />
      {error ? (
        <span id={`${id}-err`} className="field-error" role="alert">
          {error}; keeping {value}
        </span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
    </label>
  );
}

/** The task picker's option groups, in order. */
const GROUPS: [TransferTask['kind'], string][] = [
  ['2d', '2-D patterns'],
  ['table', 'Real tables'],
];

function TaskPicker({ label, role, value, onChange, testId, disabled }: { label: string; role: 'source' | 'target'; value: string; onChange: (k: string) => void; testId: string; disabled: boolean }) {
  const id = useId();
  const tasks = tasksFor(role);
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">{label}</span>
      <select id={id} data-testid={testId} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {GROUPS.map(([kind, groupLabel]) => (
          <optgroup key={kind} label={groupLabel}>
            {tasks
              .filter((t) => t.kind === kind)
              .map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <span className="field-hint">{findTask(value).description}</span>
    </label>
  );
}

const MARK: Record<string, string> = { true: '✓', false: '✗', null: '?' };

function Checks({ checks }: { checks: TransferCheck[] }) {
  return (
    <ul className="transfer-checks" data-testid="transfer-checks" aria-label="Is the base a good pretrained model for this target?">
      {checks.map((c) => (
        <li key={c.key} data-check={c.key} data-ok={c.ok === null ? 'unknown' : String(c.ok)} className={`check-${c.ok === null ? 'unknown' : c.ok ? 'ok' : 'bad'}`}>
          <span className="check-mark" aria-hidden="true">
            {MARK[String(c.ok)]}
          </span>
          <span>
            <strong>
              {c.title}
              <span className="visually-hidden">{c.ok === null ? ': not known yet' : c.ok ? ': met' : ': not met'}</span>
            </strong>{' '}
            {c.detail}
          </span>
        </li>
      ))}
    </ul>
  );
}

function statusText(status: string, task: string | null, progress: number, note: string): string {
  const pct = `${Math.round(progress * 100)}%`;
  if (status === 'pretraining') return `pretraining ${pct}${note ? ` (${note})` : ''}`;
  if (status === 'comparing') return `comparing ${pct}`;
  if (status === 'cancelling') return 'cancelling…';
  if (status === 'busy') return 'working…';
  if (task === 'pretrain') return note ? `pretrained (${note})` : 'pretrained';
  if (task === 'compare') return progress >= 1 ? 'comparison done' : 'comparison stopped';
  return '';
}

export function TransferPanel() {
  const t = useStore(selectTransfer);
  const { settings, base } = t;
  const set = useStore.getState().setTransfer;
  const setSettings = (p: Partial<TransferSettings>) => useStore.getState().setTransferSettings(p);
  const source = findTask(t.source);
  const target = findTask(t.target);
  const idle = t.status === 'idle';
  const running = t.status === 'pretraining' || t.status === 'comparing' || t.status === 'cancelling';
  const baseFits = base !== null && base.source === source.key;
  const refusal = incompatibility(source, target);
  const checks = transferChecks(source, target, baseFits ? base : null);
  const maxN = Math.min(TRANSFER_RANGES.nTarget.max, target.maxTrain);
  const minN = Math.min(TRANSFER_RANGES.nTarget.min, maxN);
  const nTarget = Math.min(maxN, Math.max(minN, settings.nTarget));
  const layers = baseFits ? base.layers : settings.layers;
  const activations = baseFits ? base.activations : settings.activations;
  const curves = t.result ? Object.fromEntries(t.result.methods.map((m) => [m.method, m.curve])) : t.live;
  const showChart = t.result !== null || Object.keys(t.live).length > 0;
  const nId = useId();

  return (
    <section className="panel transfer" aria-labelledby="transfer-h" data-testid="transfer-panel">
      <h2 id="transfer-h">Transfer learning</h2>
      <p className="hint">
        Pretrain a base network on a large source task, then reuse its layers for a related target task that has only a few examples: a new output layer (head) sized for
        the target sits on the base. The same target data and seed train three ways, side by side.
      </p>

      <div className="row">
        <TaskPicker label="Source task (pretrain on)" role="source" value={t.source} onChange={(k) => set({ source: k })} testId="transfer-source" disabled={!idle} />
        <TaskPicker
          label="Target task (few examples)"
          role="target"
          value={t.target}
          onChange={(k) => {
            set({ target: k, result: null });
            const max = Math.min(TRANSFER_RANGES.nTarget.max, findTask(k).maxTrain);
            if (settings.nTarget > max) setSettings({ nTarget: max });
          }}
          testId="transfer-target"
          disabled={!idle}
        />
      </div>

      <h3 className="transfer-sub">Is this a good pretrained model for the target?</h3>
      <Checks checks={checks} />
      {refusal && (
        <p className="warn transfer-refusal" role="alert" data-testid="transfer-refusal">
          Incompatible pair: {refusal}
        </p>
      )}

      <h3 className="transfer-sub">1. Pretrain the base on the source</h3>
      <p className="hint">
        Base: {layers.length} hidden layers of {layers.join(' and ')} units ({activations.join(', ')}), SGD with momentum 0.9, batch {settings.batch}.
      </p>
      <div className="row sweep-controls">
        <TransferNumber label="Pretraining epochs" value={settings.pretrainEpochs} {...TRANSFER_RANGES.pretrainEpochs} int onCommit={(v) => setSettings({ pretrainEpochs: v })} testId="transfer-pretrain-epochs" disabled={!idle} />
        <TransferNumber label="Learning rate α" value={settings.lr} {...TRANSFER_RANGES.lr} onCommit={(v) => setSettings({ lr: v })} testId="transfer-lr" disabled={!idle} hint="pretraining, scratch, frozen" />
        <TransferNumber label="Seed" value={settings.seed} {...TRANSFER_RANGES.seed} int onCommit={(v) => setSettings({ seed: v })} testId="transfer-seed" disabled={!idle} hint="data, weights, batch order" />
      </div>
      <div className="row transfer-buttons">
        {/* Named without the word "train", so scripts that look for the Train button by name still find one. */}
        <button type="button" className="primary" disabled={!idle || refusal !== null} onClick={() => pretrain().catch(ignore)} data-testid="transfer-pretrain">
          Pretrain the base
        </button>
        {running && (
          <button type="button" onClick={() => cancel().catch(ignore)} disabled={t.status === 'cancelling'} data-testid="transfer-cancel">
            Cancel
          </button>
        )}
      </div>
      <p className="hint" data-testid="transfer-base">
        {base
          ? `Current base: pretrained on ${base.sourceLabel} (${base.sourceTrain} examples, ${base.epochs} epochs, seed ${base.seed}); source validation accuracy ${formatPercent(base.sourceValAcc)}, loss ${formatFixed(base.sourceValLoss, 3)}.`
          : 'No base yet: pretrain one, or load or upload a saved one.'}
        {base && !baseFits && ` It does not belong to the chosen source (${source.label}): pretrain on it, or load a base pretrained on it.`}
      </p>
      <TransferBases />

      <h3 className="transfer-sub">2. Train on the target three ways</h3>
      <fieldset className="features transfer-freeze">
        <legend>Freeze base layers (frozen base + new head)</legend>
        {layers.map((u, i) => (
          <label key={i} className="check">
            <input
              type="checkbox"
              checked={settings.frozen[i] ?? true}
              disabled={!idle}
              onChange={(e) => setSettings({ frozen: layers.map((_, j) => (j === i ? e.target.checked : (settings.frozen[j] ?? true))) })}
              data-testid={`transfer-freeze-${i + 1}`}
            />
            layer {i + 1} ({u} units)
          </label>
        ))}
        <span className="field-hint">The new head always trains.</span>
      </fieldset>
      <div className="field transfer-slider">
        <label className="field-label" htmlFor={nId}>
          Target training examples: <strong data-testid="transfer-n-value">{nTarget}</strong> (of {target.maxTrain} available)
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
          aria-valuetext={`${nTarget} examples`}
          onChange={(e) => setSettings({ nTarget: Number(e.target.value) })}
        />
        <span className="field-hint">Few examples: transfer pays. Many: training from scratch catches up.</span>
      </div>
      <div className="row sweep-controls">
        <TransferNumber label="Target loss" value={settings.targetLoss} {...TRANSFER_RANGES.targetLoss} onCommit={(v) => setSettings({ targetLoss: v })} testId="transfer-target-loss" disabled={!idle} hint="validation loss to reach" />
        <TransferNumber label="Epochs per method" value={settings.epochs} {...TRANSFER_RANGES.epochs} int onCommit={(v) => setSettings({ epochs: v })} testId="transfer-epochs" disabled={!idle} />
        <TransferNumber
          label="Fine-tune lr factor"
          value={settings.lrFactor}
          {...TRANSFER_RANGES.lrFactor}
          onCommit={(v) => setSettings({ lrFactor: v })}
          testId="transfer-lr-factor"
          disabled={!idle}
          hint={`fine-tune all at α × ${settings.lrFactor} = ${formatSig(settings.lr * settings.lrFactor)}`}
        />
      </div>
      <div className="row transfer-buttons">
        <button
          type="button"
          className="primary"
          disabled={!idle || refusal !== null || !baseFits}
          onClick={() => compare().catch(ignore)}
          data-testid="transfer-compare"
          title={!baseFits ? 'Pretrain on the chosen source (or load a base pretrained on it) first' : undefined}
        >
          Compare
        </button>
      </div>

      {(t.task !== null || t.status !== 'idle') && (
        <div className="sweep-status">
          <progress max={1} value={t.progress} aria-label={t.task === 'pretrain' ? 'Pretraining progress' : 'Comparison progress'} data-testid="transfer-progress" />
          <span data-testid="transfer-status" aria-live="polite">
            {statusText(t.status, t.task, t.progress, t.pretrainNote)}
          </span>
        </div>
      )}
      {t.message && (
        <p className={t.message.kind === 'error' ? 'warn' : 'hint'} role={t.message.kind === 'error' ? 'alert' : 'status'} data-testid="transfer-message">
          {t.message.text}
        </p>
      )}
      {showChart && <TransferChart curves={curves} targetLoss={t.result?.targetLoss ?? settings.targetLoss} />}
      {t.result && <TransferTable result={t.result} />}
    </section>
  );
}
