// Regularization controls: L1/L2 penalties, data augmentation and early stopping. Dropout sits
// with each hidden layer in the model panel. All apply to the running model at once.
// Image sets: image augmentation (shift, rotation, zoom, noise, flip) with a preview instead of
// the 2-D jitter and symmetry; dropout and batch norm are layers of the stack.
import { lazy, Suspense } from 'react';
import type { ImageAugment } from '../data/imageAugment';
import { parseStack } from '../shared/imageStack';
import { SYMMETRIES } from '../data/augment';
import { lambdaMax, lambdaPerLayer, type Lambda } from '../shared/config';
import { isImages, isTable, type PointsKey } from '../shared/datasets';
import { useStore, type Store } from '../store/store';
import { change } from './change';
import { NumberField } from './NumberField';
import { Gate } from './classroom/Gate';
import { useTranslation } from 'react-i18next';
import { symmetryLabel } from '../shared/labels';

const selectConfig = (s: Store) => s.config;
const selectShowAugmented = (s: Store) => s.showAugmented;
// Weight layers: the hidden layers and the output; on image sets the conv and dense layers of the stack and the head.
const selectKernels = (s: Store) => {
  if (!isImages(s.config.dataset)) return s.config.layers.length + 1;
  const p = parseStack(s.config.imageLayers);
  return (p.ok ? p.layers.filter((l) => l.kind === 'conv' || l.kind === 'dense').length : 0) + 1;
};

const SUGGESTED = [0, 0.0001, 0.001, 0.01, 0.1];
// The preview draws with augmentImages: loaded with the digits only.
const AugmentPreview = lazy(() => import('./AugmentPreview').then((m) => ({ default: m.AugmentPreview })));

/** Image augmentation: each setting with its range and units, a preview, and why a flip hurts digits. */
function ImageAugmentFields({ a }: { a: ImageAugment }) {
  const { t } = useTranslation('images');
  const set = (patch: Partial<ImageAugment>) => change({ imageAugment: { ...a, ...patch } });
  return (
    <fieldset className="group">
      <legend>{t('augment.legend')}</legend>
      <p className="hint">{t('augment.intro')}</p>
      <div className="row">
        <NumberField label={t('augment.shift')} range="imgShift" value={a.shift} onCommit={(shift) => set({ shift })} testId="img-shift" hint={t('augment.shiftHint')} />
        <NumberField label={t('augment.rotate')} range="imgRotate" value={a.rotate} onCommit={(rotate) => set({ rotate })} testId="img-rotate" hint={t('augment.rotateHint')} />
        <NumberField label={t('augment.zoom')} range="imgZoom" value={a.zoom} onCommit={(zoom) => set({ zoom })} testId="img-zoom" hint={t('augment.zoomHint')} />
        <NumberField label={t('augment.noise')} range="imgNoise" value={a.noise} onCommit={(noise) => set({ noise })} testId="img-noise" hint={t('augment.noiseHint')} />
      </div>
      <Gate id="img-flip"><label className="check">
        <input type="checkbox" checked={a.flip} onChange={(e) => set({ flip: e.target.checked })} data-testid="img-flip" />
        {t('augment.flip')}
      </label></Gate>
      <p className={a.flip ? 'hint warn' : 'hint'} data-testid="flip-note">
        {t('augment.flipNote')}
      </p>
      <Suspense fallback={null}>
        <AugmentPreview augment={a} />
      </Suspense>
    </fieldset>
  );
}

/** One λ field, or one per weight layer when the penalty is set per layer. */
function LambdaFields({ name, value, kernels }: { name: 'l1' | 'l2'; value: Lambda; kernels: number }) {
  const norm = name === 'l1' ? 'λ‖w‖₁' : 'λ‖w‖₂²';
  const title = name.toUpperCase();
  const { t } = useTranslation('regularization');
  if (typeof value === 'number') {
    return <NumberField label={t('lambda', { name: title, norm })} range={name} value={value} onCommit={(v) => change({ [name]: v })} testId={name} suggestions={SUGGESTED} />;
  }
  const per = lambdaPerLayer(value, kernels);
  return (
    <fieldset className="group per-layer">
      <legend>
        {t('perLayerLegend', { name: title, norm })}
      </legend>
      <div className="row">
        {per.map((v, i) => (
          <NumberField
            key={i}
            label={i === kernels - 1 ? t('output') : t('hidden', { n: i + 1 })}
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
  const { t } = useTranslation('regularization');
  const togglePerLayer = (on: boolean) =>
    on
      ? change({ l1: lambdaPerLayer(r.l1, kernels), l2: lambdaPerLayer(r.l2, kernels) })
      : change({ l1: lambdaMax(r.l1), l2: lambdaMax(r.l2) });
  return (
    <section className="panel" aria-labelledby="reg-h">
      <h2 id="reg-h">
        <span className="step-no">4</span> {t('title')}
      </h2>
      <p className="hint">{t('intro')}</p>
      <div className={perLayer ? '' : 'row'}>
        <LambdaFields name="l1" value={r.l1} kernels={kernels} />
        <LambdaFields name="l2" value={r.l2} kernels={kernels} />
      </div>
      <Gate id="per-layer"><label className="check">
        <input type="checkbox" checked={perLayer} onChange={(e) => togglePerLayer(e.target.checked)} data-testid="per-layer" />
        {t('perLayer')}
      </label></Gate>
      {isImages(dataset) ? (
        <ImageAugmentFields a={r.imageAugment} />
      ) : isTable(dataset) ? (
        <p className="hint" data-testid="augment-note">
          {t('augmentTables')}
        </p>
      ) : (
        <fieldset className="group">
          <legend>{t('augment')}</legend>
          <NumberField
            label={t('jitter')}
            range="jitter"
            value={r.augment.jitter}
            onCommit={(jitter) => change({ augment: { ...r.augment, jitter } })}
            testId="jitter"
            hint={t('jitterHint')}
          />
          <Gate id="symmetry"><label className="check">
            <input
              type="checkbox"
              data-testid="symmetry"
              checked={r.augment.symmetry}
              disabled={!symmetry}
              onChange={(e) => change({ augment: { ...r.augment, symmetry: e.target.checked } })}
            />
            {symmetry ? t('symmetry', { name: symmetryLabel(dataset as PointsKey, symmetry.label) }) : t('noSymmetry')}
          </label></Gate>
          <Gate id="show-augmented"><label className="check">
            <input type="checkbox" checked={showAugmented} onChange={(e) => useStore.getState().setShowAugmented(e.target.checked)} data-testid="show-augmented" />
            {t('showAugmented')}
          </label></Gate>
        </fieldset>
      )}
      <fieldset className="group">
        <legend>{t('early')}</legend>
        <div className="row">
          <NumberField label={t('patience')} range="patience" value={r.patience} onCommit={(patience) => change({ patience })} testId="patience" />
          <NumberField label={t('minDelta')} range="minDelta" value={r.minDelta} onCommit={(minDelta) => change({ minDelta })} testId="min-delta" />
        </div>
        <Gate id="restore-best"><label className="check">
          <input type="checkbox" checked={r.restoreBest} onChange={(e) => change({ restoreBest: e.target.checked })} data-testid="restore-best" />
          {t('restoreBest')}
        </label></Gate>
      </fieldset>
    </section>
  );
}
