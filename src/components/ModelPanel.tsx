// Architecture controls: hidden layers (add, remove, units, activation, dropout, batch norm) and the initializer.
// Image sets instead: the layer stack (a list and its text) and the model summary.
import { useState } from 'react';
import type { ImageLayer } from '../engine/imageLayers';
import { checkStack, formatStack, parseStack } from '../shared/imageStack';
import { StackList, StackText } from './StackEditor';
import { ModelSummary } from './ModelSummary';
import { ACTIVATIONS, INITIALIZERS, MAX_LAYERS, outputUnits, type Activation } from '../shared/config';
import { datasetInfo, isImages, isTable } from '../shared/datasets';
import { useStore, type Store } from '../store/store';
import { change } from './change';
import { addLayer, removeLayer, setLayerActivation, setLayerBatchnorm, setLayerDropout, setLayerUnits } from './modelEdits';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { Gate } from './classroom/Gate';
import { useTranslation } from 'react-i18next';
import { activationLabel, initializerLabel } from '../shared/labels';

const selectConfig = (s: Store) => s.config;
const ACTIVATION_LABELS = () => Object.fromEntries(ACTIVATIONS.map((a) => [a, activationLabel(a)]));
const INITIALIZER_LABELS = () => Object.fromEntries(INITIALIZERS.map((k) => [k, initializerLabel(k)]));
const selectUpload = (s: Store) => s.upload;
// A table's inputs are its encoded columns (known once the worker has loaded it).
const selectInputs = (s: Store) => (isTable(s.config.dataset) ? (s.table?.inputNames.length ?? 0) : s.config.features.length);

const selectStack = (s: Store) => s.config.imageLayers;

/**
 * The image model: one draft of the stack that the list and the text both edit. A draft that fits
 * is applied (as every control is, through change); one that does not stays in the field, refused
 * with the reason in the summary, and the model keeps its last good stack.
 */
function ImageModel() {
  const applied = useStore(selectStack);
  // The draft is kept with the stack it was typed over: a stack set from elsewhere (a preset, a
  // link, a lesson) replaces it.
  const [typed, setTyped] = useState<{ over: string; text: string } | null>(null);
  const { t } = useTranslation('images');
  const draft = typed && typed.over === applied ? typed.text : null;
  const setDraft = (text: string | null) => setTyped(text === null ? null : { over: applied, text });
  const text = draft ?? applied;
  const apply = (next: string) => {
    const c = checkStack(next);
    if (!c.ok) {
      setDraft(next);
      return;
    }
    const canonical = formatStack(c.layers);
    setDraft(null);
    if (canonical !== applied) change({ imageLayers: canonical });
  };
  const parsed = parseStack(text);
  const layers: ImageLayer[] | null = parsed.ok ? parsed.layers : null;
  return (
    <>
      <p className="hint">{t('stack.intro')}</p>
      <Gate id="image-layers">
        <StackList layers={layers} onEdit={(l) => apply(formatStack(l))} />
      </Gate>
      <Gate id="image-stack">
        <StackText text={text} onType={setDraft} onApply={() => draft !== null && apply(draft)} />
      </Gate>
      <ModelSummary text={text} applied={applied} />
    </>
  );
}

export function ModelPanel() {
  const m = useStore(selectConfig);
  if (isImages(m.dataset)) {
    return (
      <section className="panel" aria-labelledby="model-h">
        <ModelTitle />
        <ImageModel />
      </section>
    );
  }
  return <DenseModel />;
}

function ModelTitle() {
  const { t } = useTranslation('model');
  return (
    <h2 id="model-h">
      <span className="step-no">2</span> {t('title')}
    </h2>
  );
}

function DenseModel() {
  const m = useStore(selectConfig);
  const upload = useStore(selectUpload);
  const { dropout, dataset } = m;
  const inputs = useStore(selectInputs);
  const { t } = useTranslation('model');
  const info = datasetInfo(dataset, upload);
  const outputs = outputUnits(dataset, upload);
  const outputAct = info.problem === 'regression' ? 'linear' : info.classes > 2 ? 'softmax' : 'sigmoid';
  const setLayer = (i: number, units: number) => {
    const patch = setLayerUnits(m, i, units);
    if (patch) change(patch);
  };
  const setAct = (i: number, a: Activation) => change(setLayerActivation(m, i, a));
  const setDropout = (i: number, rate: number) => change(setLayerDropout(m, i, rate));
  const setBatchnorm = (i: number, on: boolean) => change(setLayerBatchnorm(m, i, on));
  const add = () => {
    const patch = addLayer(m);
    if (patch) change(patch);
  };
  const remove = (i: number) => change(removeLayer(m, i));
  let params = 0;
  [inputs, ...m.layers, outputs].forEach((n, i, arr) => {
    if (i > 0) params += arr[i - 1] * n + n;
  });
  return (
    <section className="panel" aria-labelledby="model-h">
      <h2 id="model-h">
        <span className="step-no">2</span> {t('title')}
      </h2>
      <p className="hint">
        {t('inputs', { count: inputs })} → {m.layers.length ? m.layers.join(' → ') + ' → ' : ''}
        {t('outputs', { count: outputs })} ({activationLabel(outputAct)}) · {t('params', { count: params })}
      </p>
      {m.layers.length === 0 && <p className="hint">{t('linear')}</p>}
      <ol className="layers">
        {m.layers.map((units, i) => (
          <li key={i} className="layer">
            <span className="layer-name">{t('hidden', { n: i + 1 })}</span>
            <NumberField label={t('units')} range="units" value={units} onCommit={(u) => setLayer(i, u)} testId={`units-${i}`} />
            <SelectField<Activation> label={t('activation')} value={m.activations[i]} options={ACTIVATIONS} labels={ACTIVATION_LABELS()} onChange={(a) => setAct(i, a)} testId={`activation-${i}`} />
            <NumberField label={t('dropout')} range="dropoutRate" value={dropout[i] ?? 0} onCommit={(r) => setDropout(i, r)} testId={`dropout-${i}`} />
            <label className="field layer-bn" title={t('batchnormTitle')}>
              <span className="field-label">{t('batchnorm')}</span>
              <input
                type="checkbox"
                checked={m.batchnorm[i] ?? false}
                onChange={(e) => setBatchnorm(i, e.target.checked)}
                aria-label={t('batchnormLabel', { n: i + 1 })}
                data-testid={`batchnorm-${i + 1}`}
              />
            </label>
            <Gate id={`remove-layer-${i}`}><button type="button" className="icon" aria-label={t('remove', { n: i + 1 })} onClick={() => remove(i)} data-testid={`remove-layer-${i}`}>
              ✕
            </button></Gate>
          </li>
        ))}
      </ol>
      <Gate id="add-layer"><button type="button" onClick={add} disabled={m.layers.length >= MAX_LAYERS} data-testid="add-layer">
        {t('add')}
      </button></Gate>
      <SelectField label={t('init')} value={m.init} options={INITIALIZERS} labels={INITIALIZER_LABELS()} onChange={(init) => change({ init })} testId="init" />
    </section>
  );
}
