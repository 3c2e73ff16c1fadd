// Regularization controls: L1/L2 penalties, data augmentation and early stopping. Dropout sits
// with each hidden layer in the model panel. All apply to the running model at once.
import { SYMMETRIES } from '../data/augment';
import { lambdaMax, lambdaPerLayer, type Lambda } from '../shared/config';
import { isTable, type PointsKey } from '../shared/datasets';
import { useStore, type Store } from '../store/store';
import { change } from './change';
import { NumberField } from './NumberField';
import { Gate } from './classroom/Gate';

const selectConfig = (s: Store) => s.config;
const selectShowAugmented = (s: Store) => s.showAugmented;
const selectKernels = (s: Store) => s.config.layers.length + 1;

const SUGGESTED = [0, 0.0001, 0.001, 0.01, 0.1];

/** One λ field, or one per weight layer when the penalty is set per layer. */
function LambdaFields({ name, value, kernels }: { name: 'l1' | 'l2'; value: Lambda; kernels: number }) {
  const norm = name === 'l1' ? 'λ‖w‖₁' : 'λ‖w‖₂²';
  const title = name.toUpperCase();
  if (typeof value === 'number') {
    return <NumberField label={`${title} λ (${norm})`} range={name} value={value} onCommit={(v) => change({ [name]: v })} testId={name} suggestions={SUGGESTED} />;
  }
  const per = lambdaPerLayer(value, kernels);
  return (
    <fieldset className="group per-layer">
      <legend>
        {title} λ per layer ({norm})
      </legend>
      <div className="row">
        {per.map((v, i) => (
          <NumberField
            key={i}
            label={i === kernels - 1 ? 'Output' : `Hidden ${i + 1}`}
            range={name}
            value={v}
            onCommit={(x) => change({ [name]: per.map((y, j) => (j === i ? x : y)) })}
            testId={`${name}-${i}`}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function RegularizationPanel() {
  const r = useStore(selectConfig);
  const dataset = r.dataset;
  const showAugmented = useStore(selectShowAugmented);
  const kernels = useStore(selectKernels);
  const symmetry = SYMMETRIES[dataset as PointsKey];
  const perLayer = Array.isArray(r.l1) || Array.isArray(r.l2);
  const togglePerLayer = (on: boolean) =>
    on
      ? change({ l1: lambdaPerLayer(r.l1, kernels), l2: lambdaPerLayer(r.l2, kernels) })
      : change({ l1: lambdaMax(r.l1), l2: lambdaMax(r.l2) });
  return (
    <section className="panel" aria-labelledby="reg-h">
      <h2 id="reg-h">
        <span className="step-no">4</span> Regularization
      </h2>
      <p className="hint">Each of these fights overfitting, and applies at once. Validation loss never includes the penalty.</p>
      <div className={perLayer ? '' : 'row'}>
        <LambdaFields name="l1" value={r.l1} kernels={kernels} />
        <LambdaFields name="l2" value={r.l2} kernels={kernels} />
      </div>
      <Gate id="per-layer"><label className="check">
        <input type="checkbox" checked={perLayer} onChange={(e) => togglePerLayer(e.target.checked)} data-testid="per-layer" />
        Set the penalties per layer
      </label></Gate>
      {isTable(dataset) ? (
        <p className="hint" data-testid="augment-note">
          Data augmentation (jitter, symmetries) applies to the 2-D sets: a table&apos;s columns have no shared units to jitter in.
        </p>
      ) : (
        <fieldset className="group">
          <legend>Data augmentation (training points only)</legend>
          <NumberField
            label="Jitter σ (plot units)"
            range="jitter"
            value={r.augment.jitter}
            onCommit={(jitter) => change({ augment: { ...r.augment, jitter } })}
            testId="jitter"
            hint="fresh Gaussian noise on every training point, every epoch"
          />
          <Gate id="symmetry"><label className="check">
            <input
              type="checkbox"
              data-testid="symmetry"
              checked={r.augment.symmetry}
              disabled={!symmetry}
              onChange={(e) => change({ augment: { ...r.augment, symmetry: e.target.checked } })}
            />
            {symmetry ? `Symmetry: ${symmetry.label}` : 'Symmetry: this data set has none that keeps the labels'}
          </label></Gate>
          <Gate id="show-augmented"><label className="check">
            <input type="checkbox" checked={showAugmented} onChange={(e) => useStore.getState().setShowAugmented(e.target.checked)} data-testid="show-augmented" />
            Show the augmented points on the plot
          </label></Gate>
        </fieldset>
      )}
      <fieldset className="group">
        <legend>Early stopping (on validation loss)</legend>
        <div className="row">
          <NumberField label="Patience (epochs, 0 = off)" range="patience" value={r.patience} onCommit={(patience) => change({ patience })} testId="patience" />
          <NumberField label="Min. improvement" range="minDelta" value={r.minDelta} onCommit={(minDelta) => change({ minDelta })} testId="min-delta" />
        </div>
        <Gate id="restore-best"><label className="check">
          <input type="checkbox" checked={r.restoreBest} onChange={(e) => change({ restoreBest: e.target.checked })} data-testid="restore-best" />
          Restore the best epoch&apos;s weights when stopping
        </label></Gate>
      </fieldset>
    </section>
  );
}
