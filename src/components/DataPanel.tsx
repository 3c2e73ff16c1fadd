// Data controls: problem, data set, points, noise, seed, the three-way split and input features.
import { FEATURES, FEATURE_LABELS, MIN_TEST_PCT } from '../shared/config';
import { datasetInfo, datasetsFor, isTable, type DatasetKey, type Problem } from '../shared/datasets';
import { useStore, type Store } from '../store/store';
import { change, changeFeature } from './change';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { CsvUpload } from './CsvUpload';
import { TableSummary } from './TableSummary';
import { Gate } from './classroom/Gate';

const selectConfig = (s: Store) => s.config;
const selectUpload = (s: Store) => s.upload;

export function DataPanel() {
  const d = useStore(selectConfig);
  const upload = useStore(selectUpload);
  const offered = datasetsFor(d.problem, upload);
  const testPct = 100 - d.trainPct - d.valPct;
  const table = isTable(d.dataset);
  return (
    <section className="panel" aria-labelledby="data-h">
      <h2 id="data-h">
        <span className="step-no">1</span> Data
      </h2>
      <SelectField<Problem>
        label="Problem"
        value={d.problem}
        options={['classification', 'regression']}
        labels={{ classification: 'Classification', regression: 'Regression' }}
        onChange={(problem) => change({ problem })}
        testId="problem"
      />
      <SelectField<DatasetKey>
        label="Data set"
        value={d.dataset}
        options={offered.map((x) => x.key)}
        labels={Object.fromEntries(offered.map((x) => [x.key, x.label]))}
        onChange={(dataset) => change({ dataset })}
        testId="dataset"
      />
      <p className="hint">{datasetInfo(d.dataset, upload).hint}</p>
      {table ? (
        <>
          <TableSummary />
          <div className="row">
            <NumberField label="Split seed" range="seed" value={d.seed} onCommit={(seed) => change({ seed })} testId="seed" />
          </div>
        </>
      ) : (
        <div className="row">
          <NumberField label="Points" range="samples" value={d.samples} onCommit={(samples) => change({ samples })} testId="samples" />
          <NumberField label="Noise (0–1)" range="noise" value={d.noise} onCommit={(noise) => change({ noise })} testId="noise" />
          <NumberField label="Seed" range="seed" value={d.seed} onCommit={(seed) => change({ seed })} testId="seed" />
        </div>
      )}
      <Gate id="csv-file"><CsvUpload /></Gate>
      <div className="row">
        <NumberField label="Training %" range="trainPct" value={d.trainPct} onCommit={(trainPct) => change({ trainPct })} testId="train-pct" />
        <NumberField label="Validation %" range="valPct" value={d.valPct} onCommit={(valPct) => change({ valPct })} testId="val-pct" />
        <div className="field">
          <span className="field-label">Test %</span>
          <output className="readout" data-testid="test-pct">
            {testPct}
          </output>
        </div>
      </div>
      <div className="split-bar" aria-hidden="true">
        <span className="split-train" style={{ width: `${d.trainPct}%` }}>train</span>
        <span className="split-val" style={{ width: `${d.valPct}%` }}>val</span>
        <span className="split-test" style={{ width: `${testPct}%` }}>test</span>
      </div>
      <p className="hint">
        Training data fits the weights, validation data guides your tuning, and the test set ({`≥ ${MIN_TEST_PCT}%`}) is used
        once, at the end.
      </p>
      {!table && (
        <Gate id="features"><fieldset className="features">
          <legend>Input features</legend>
          {FEATURES.map((f) => (
            <label key={f} className="check">
              <input type="checkbox" checked={d.features.includes(f)} onChange={(e) => changeFeature(f, e.target.checked)} />
              {FEATURE_LABELS[f]}
            </label>
          ))}
        </fieldset></Gate>
      )}
    </section>
  );
}
