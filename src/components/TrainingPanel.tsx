// Loss and optimizer controls, each beside the formula it applies with the current values.
import { LOSS_LABELS, OPTIMIZERS, OPTIMIZER_LABELS, lossesFor, BACKENDS, type BackendKey } from '../shared/config';
import { useStore, type Store } from '../store/store';
import { change } from './change';
import { applyHint } from './applyHint';
import { LOSS_FORMULAS, optimizerFormula } from './formulas';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { formatSig } from '../shared/format';

const selectConfig = (s: Store) => s.config;
const selectUpload = (s: Store) => s.upload;

const LR_SUGGESTIONS = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const BATCH_SUGGESTIONS = [1, 10, 32, 64, 128, 256];

const BACKEND_LABELS: Record<BackendKey, string> = { auto: 'Auto: the fastest for this model', webgl: 'WebGL (GPU)', wasm: 'WebAssembly', cpu: 'CPU (JavaScript)' };

const selectBackendInfo = (s: Store) => s.backend;
const selectTiming = (s: Store) => s.timing;
const selectBackendEpsilon = (s: Store) => s.backend?.epsilon;

/** Which backend runs and why: auto's timings, or why a requested backend fell back. */
function BackendNote() {
  const info = useStore(selectBackendInfo);
  const timing = useStore(selectTiming) !== null;
  if (!info) return null;
  return (
    <p className="hint" data-testid="backend-note">
      Running on <strong>{info.active}</strong>
      {info.timings
        ? `: timed ${info.timings.length} backend${info.timings.length > 1 ? 's' : ''} on this model (ms per training step: ${info.timings.map((t) => `${t.backend} ${formatSig(t.msPerStep, 2)}${t.warmOnly ? ' (its warm-up step: slow, not timed further)' : ''}`).join(', ')}) and picked the fastest.${info.untimed?.length ? ` Not timed: ${info.untimed.join(', ')} (it draws in software here, and this model is too heavy for it to win).` : ''}`
        : info.requested === 'auto'
          ? timing
            ? ' while your model is timed on each backend (progress beside Train; choose a backend above to skip it).'
            : ' until the model is set up and timed.'
          : info.note
            ? ` (${info.note}).`
            : ', as chosen.'}
      {info.softwareWebgl && (
        <span data-testid="software-webgl">
          {' '}
          WebGL here draws in software ({info.softwareWebgl}), not on a graphics card: it runs on the same CPU as the page and is far slower than cpu or wasm.
          Training on it is paced (the worker lets the device catch up every few dozen milliseconds) so the page keeps drawing smoothly.
        </span>
      )}
    </p>
  );
}

export function TrainingPanel() {
  const o = useStore(selectConfig);
  const upload = useStore(selectUpload);
  const backendEpsilon = useStore(selectBackendEpsilon);
  return (
    <section className="panel" aria-labelledby="train-h">
      <h2 id="train-h">
        <span className="step-no">3</span> Training
      </h2>
      <SelectField label="Loss" value={o.loss} options={lossesFor(o.dataset, upload)} labels={LOSS_LABELS} onChange={(loss) => change({ loss })} testId="loss" hint={applyHint('loss')} />
      <p className="formula" data-testid="loss-formula">
        {LOSS_FORMULAS[o.loss]}
      </p>
      <SelectField label="Optimizer" value={o.optimizer} options={OPTIMIZERS} labels={OPTIMIZER_LABELS} onChange={(optimizer) => change({ optimizer })} testId="optimizer" hint={`${applyHint('optimizer')}; its state (velocity, averages) starts afresh`} />
      <div className="formula" data-testid="optimizer-formula">
        {optimizerFormula(o.optimizer, o, backendEpsilon).map((line) => (
          <div key={line}>{line}</div>
        ))}
      </div>
      <div className="row">
        <NumberField label="Learning rate α" range="lr" value={o.lr} onCommit={(lr) => change({ lr })} testId="lr" hint={applyHint('lr')} suggestions={LR_SUGGESTIONS} />
        <NumberField label="Batch size" range="batch" value={o.batch} onCommit={(batch) => change({ batch })} testId="batch" hint={applyHint('batch')} suggestions={BATCH_SUGGESTIONS} />
      </div>
      {o.optimizer === 'momentum' && (
        <NumberField label="Momentum β" range="momentum" value={o.momentum} onCommit={(momentum) => change({ momentum })} testId="momentum" />
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
      <SelectField label="Backend" value={o.backend} options={BACKENDS} labels={BACKEND_LABELS} onChange={(backend) => change({ backend })} testId="backend-select" hint={applyHint('backend')} />
      <BackendNote />
    </section>
  );
}
