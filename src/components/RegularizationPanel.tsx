// Regularization controls: L1/L2 penalties, data augmentation and early stopping. Dropout sits
// with each hidden layer in the model panel. All apply to the running model at once.
import { SYMMETRIES } from '../data/augment';
import { useStore, type Store } from '../store/store';
import { change } from './change';
import { NumberField } from './NumberField';

const selectReg = (s: Store) => s.regularization;
const selectDataset = (s: Store) => s.data.dataset;
const selectShowAugmented = (s: Store) => s.showAugmented;

export function RegularizationPanel() {
  const r = useStore(selectReg);
  const dataset = useStore(selectDataset);
  const showAugmented = useStore(selectShowAugmented);
  const symmetry = SYMMETRIES[dataset];
  return (
    <section className="panel" aria-labelledby="reg-h">
      <h2 id="reg-h">
        <span className="step-no">4</span> Regularization
      </h2>
      <p className="hint">Each of these fights overfitting, and applies at once. Validation loss never includes the penalty.</p>
      <div className="row">
        <NumberField label="L1 λ (λ‖w‖₁)" range="l1" value={r.l1} onCommit={(l1) => change({ l1 })} testId="l1" suggestions={[0, 0.0001, 0.001, 0.01, 0.1]} />
        <NumberField label="L2 λ (λ‖w‖₂²)" range="l2" value={r.l2} onCommit={(l2) => change({ l2 })} testId="l2" suggestions={[0, 0.0001, 0.001, 0.01, 0.1]} />
      </div>
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
        <label className="check">
          <input
            type="checkbox"
            checked={r.augment.symmetry}
            disabled={!symmetry}
            onChange={(e) => change({ augment: { ...r.augment, symmetry: e.target.checked } })}
          />
          {symmetry ? `Symmetry: ${symmetry.label}` : 'Symmetry: this data set has none that keeps the labels'}
        </label>
        <label className="check">
          <input type="checkbox" checked={showAugmented} onChange={(e) => useStore.getState().setShowAugmented(e.target.checked)} />
          Show the augmented points on the plot
        </label>
      </fieldset>
      <fieldset className="group">
        <legend>Early stopping (on validation loss)</legend>
        <div className="row">
          <NumberField label="Patience (epochs, 0 = off)" range="patience" value={r.patience} onCommit={(patience) => change({ patience })} testId="patience" />
          <NumberField label="Min. improvement" range="minDelta" value={r.minDelta} onCommit={(minDelta) => change({ minDelta })} testId="min-delta" />
        </div>
        <label className="check">
          <input type="checkbox" checked={r.restoreBest} onChange={(e) => change({ restoreBest: e.target.checked })} />
          Restore the best epoch&apos;s weights when stopping
        </label>
      </fieldset>
    </section>
  );
}
