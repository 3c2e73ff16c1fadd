// Data controls: problem, data set, points, noise, seed, the three-way split and input features.
// Image sets instead: the number of training images (validation and test are fixed), the
// images' attribution and a grid preview of the training images.
import { FEATURES, FEATURE_LABELS, MIN_TEST_PCT } from '../shared/config';
import { datasetsFor, isImages, isTable, type DatasetKey, type Problem } from '../shared/datasets';
import { useStore, type Store } from '../store/store';
import { change, changeFeature } from './change';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { CsvUpload } from './CsvUpload';
import { TableSummary } from './TableSummary';
import { Gate } from './classroom/Gate';
import { useTranslation } from 'react-i18next';
import { datasetHint, datasetLabel, problemLabel } from '../shared/labels';
import { ImageGrid } from './ImageGrid';

const selectConfig = (s: Store) => s.config;
const selectUpload = (s: Store) => s.upload;
const selectImageSet = (s: Store) => s.imageSet;

/** The digits' controls: training images, the fixed validation and test, where the images come from, a preview. */
function ImageData() {
  const d = useStore(selectConfig);
  const set = useStore(selectImageSet);
  const { t } = useTranslation('images');
  const val = set?.counts.val ?? 500;
  const test = set?.counts.test ?? 500;
  return (
    <>
      <div className="row">
        <NumberField label={t('data.images')} range="images" value={d.images} onCommit={(images) => change({ images })} testId="images" hint={t('data.imagesHint')} />
        <NumberField label={t('data.seed')} range="seed" value={d.seed} onCommit={(seed) => change({ seed })} testId="seed" />
      </div>
      <p className="hint" data-testid="image-split">
        {t('data.fixedSplit', { val, test, per: Math.round(val / 10) })}
      </p>
      <ImageGrid />
      <p className="hint image-source" data-testid="image-source">
        {t('data.source', { source: set?.source ?? t('data.sourceDefault') })}
      </p>
    </>
  );
}

export function DataPanel() {
  const d = useStore(selectConfig);
  const upload = useStore(selectUpload);
  const offered = datasetsFor(d.problem, upload);
  const testPct = 100 - d.trainPct - d.valPct;
  const table = isTable(d.dataset);
  const images = isImages(d.dataset);
  const { t } = useTranslation('data');
  return (
    <section className="panel" aria-labelledby="data-h">
      <h2 id="data-h">
        <span className="step-no">1</span> {t('title')}
      </h2>
      <SelectField<Problem>
        label={t('problem')}
        value={d.problem}
        options={['classification', 'regression']}
        labels={{ classification: problemLabel('classification'), regression: problemLabel('regression') }}
        onChange={(problem) => change({ problem })}
        testId="problem"
      />
      <SelectField<DatasetKey>
        label={t('dataset')}
        value={d.dataset}
        options={offered.map((x) => x.key)}
        labels={Object.fromEntries(offered.map((x) => [x.key, datasetLabel(x.key, upload)]))}
        onChange={(dataset) => change({ dataset })}
        testId="dataset"
      />
      <p className="hint">{datasetHint(d.dataset, upload)}</p>
      {images ? (
        <ImageData />
      ) : table ? (
        <>
          <TableSummary />
          <div className="row">
            <NumberField label={t('splitSeed')} range="seed" value={d.seed} onCommit={(seed) => change({ seed })} testId="seed" />
          </div>
        </>
      ) : (
        <div className="row">
          <NumberField label={t('points')} range="samples" value={d.samples} onCommit={(samples) => change({ samples })} testId="samples" />
          <NumberField label={t('noise')} range="noise" value={d.noise} onCommit={(noise) => change({ noise })} testId="noise" />
          <NumberField label={t('seed')} range="seed" value={d.seed} onCommit={(seed) => change({ seed })} testId="seed" />
        </div>
      )}
      <Gate id="csv-file"><CsvUpload /></Gate>
      {!images && <>
      <div className="row">
        <NumberField label={t('trainPct')} range="trainPct" value={d.trainPct} onCommit={(trainPct) => change({ trainPct })} testId="train-pct" />
        <NumberField label={t('valPct')} range="valPct" value={d.valPct} onCommit={(valPct) => change({ valPct })} testId="val-pct" />
        <div className="field">
          <span className="field-label">{t('testPct')}</span>
          <output className="readout" data-testid="test-pct">
            {testPct}
          </output>
        </div>
      </div>
      <div className="split-bar" aria-hidden="true">
        <span className="split-train" style={{ width: `${d.trainPct}%` }}>{t('split.train')}</span>
        <span className="split-val" style={{ width: `${d.valPct}%` }}>{t('split.val')}</span>
        <span className="split-test" style={{ width: `${testPct}%` }}>{t('split.test')}</span>
      </div>
      <p className="hint">{t('splitHint', { min: MIN_TEST_PCT })}</p>
      </>}
      {!table && !images && (
        <Gate id="features"><fieldset className="features">
          <legend>{t('features')}</legend>
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
