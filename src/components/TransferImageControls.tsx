// The image tasks' controls of the transfer panel: the CNN base's layers (checked as typed, with
// their weight count) and its pretraining on digits 0–4 (step 1); the number of target images of
// digits 5–9, the target accuracy, the epochs and the fine-tuning rate (step 2).
import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { IMAGE_TRANSFER_RANGES, type ImageTransferSettings, type TransferSettings } from '../shared/transferProtocol';
import { formatSig } from '../shared/format';
import { useStore } from '../store/store';
import { baseStack } from '../transfer/imageBase';
import { TransferNumber } from './TransferNumber';

/** Classes of the image tasks (digits 0–4 and 5–9). */
const CLASSES = 5;
/** Validation images of the target: 50 of each of its five digits. */
const TARGET_VAL = 250;

const setImage = (patch: Partial<ImageTransferSettings>) => {
  const s = useStore.getState();
  s.setTransferSettings({ image: { ...s.transfer.settings.image, ...patch } });
};

/** The base's layers with a conv or dense layer (1-based), as the frozen method keeps them. */
export function weightedLayers(stack: string): string {
  const s = baseStack(stack, CLASSES);
  if (!s.ok) return '';
  return s.layers.flatMap((l, i) => (l.kind === 'conv' || l.kind === 'dense' ? [`${i + 1} (${l.kind})`] : [])).join(', ');
}

function StackField({ value, disabled }: { value: string; disabled: boolean }) {
  const { t: tr } = useTranslation('transfer');
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? value;
  const check = baseStack(shown, CLASSES);
  const commit = () => {
    if (text === null) return;
    if (check.ok) {
      if (text.trim() !== value) setImage({ stack: text.trim() });
      setText(null);
    }
  };
  const summary = check.ok
    ? tr('image.baseSummary', {
        params: baseParams(shown),
        out: check.outs[check.layers.length - 1].join(' × '),
        count: check.layers.filter((l) => l.kind === 'conv' || l.kind === 'dense').length,
      })
    : '';
  return (
    <label className="field transfer-stack" htmlFor={id}>
      <span className="field-label">{tr('image.baseLayers')}</span>
      <input
        id={id}
        type="text"
        spellCheck={false}
        data-testid="transfer-image-stack"
        value={shown}
        disabled={disabled}
        aria-invalid={check.ok ? undefined : true}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(null);
        }}
      />
      {check.ok ? (
        <span id={`${id}-hint`} className="field-hint">
          {tr('image.baseLayersHint')}
          <br />
          <span data-testid="transfer-image-summary">{summary}</span>
        </span>
      ) : (
        <span id={`${id}-hint`} className="field-error" role="alert">
          {tr('image.badStack', { reason: check.reason, stack: value })}
        </span>
      )}
    </label>
  );
}

/** Weights of a base's layers (without the head). */
function baseParams(stack: string): number {
  const s = baseStack(stack, CLASSES);
  if (!s.ok) return 0;
  let channels = 1;
  let flat = 0;
  let params = 0;
  s.layers.forEach((l, i) => {
    if (l.kind === 'conv') {
      params += l.kernel * l.kernel * channels * l.filters + l.filters;
      channels = l.filters;
    } else if (l.kind === 'flatten') flat = s.outs[i][0];
    else if (l.kind === 'dense') {
      params += flat * l.units + l.units;
      flat = l.units;
    }
  });
  return params;
}

/** Step 1 for images: the base's layers and its pretraining. */
export function TransferImageSource({ settings, disabled }: { settings: TransferSettings; disabled: boolean }) {
  const { t: tr } = useTranslation('transfer');
  const s = settings.image;
  const R = IMAGE_TRANSFER_RANGES;
  return (
    <>
      <p className="hint">{tr('image.baseShape', { batch: s.batch })}</p>
      <StackField value={s.stack} disabled={disabled} />
      <div className="row sweep-controls">
        <TransferNumber label={tr('image.sourceImages')} value={s.sourceImages} {...R.sourceImages} int onCommit={(v) => setImage({ sourceImages: v })} testId="transfer-source-images" disabled={disabled} hint={tr('image.sourceImagesHint')} />
        <TransferNumber label={tr('image.pretrainEpochs')} value={s.pretrainEpochs} {...R.pretrainEpochs} int onCommit={(v) => setImage({ pretrainEpochs: v })} testId="transfer-pretrain-epochs" disabled={disabled} />
        <TransferNumber label={tr('lr')} value={s.lr} {...R.lr} onCommit={(v) => setImage({ lr: v })} testId="transfer-lr" disabled={disabled} hint={tr('image.lrHint')} />
        <TransferNumber label={tr('image.batch')} value={s.batch} {...R.batch} int onCommit={(v) => setImage({ batch: v })} testId="transfer-batch" disabled={disabled} />
        <TransferNumber
          label={tr('seed')}
          value={settings.seed}
          min={0}
          max={2147483647}
          int
          onCommit={(v) => useStore.getState().setTransferSettings({ seed: v })}
          testId="transfer-seed"
          disabled={disabled}
          hint={tr('seedHint')}
        />
      </div>
    </>
  );
}

/** Step 2 for images: few target images, the target accuracy, epochs and the fine-tuning rate. */
export function TransferImageTarget({ settings, stack, disabled }: { settings: TransferSettings; stack: string; disabled: boolean }) {
  const { t: tr } = useTranslation('transfer');
  const s = settings.image;
  const R = IMAGE_TRANSFER_RANGES;
  const nId = useId();
  const n = Math.min(R.nTarget.max, Math.max(R.nTarget.min, s.nTarget));
  return (
    <>
      <p className="hint" data-testid="transfer-image-frozen">
        {tr('image.freezeAll', { layers: weightedLayers(stack) })}
      </p>
      <div className="field transfer-slider">
        <label className="field-label" htmlFor={nId}>
          <Trans t={tr} i18nKey="image.examples" values={{ n }} components={[<strong key="n" data-testid="transfer-n-value" />]} />
        </label>
        <input
          id={nId}
          type="range"
          min={R.nTarget.min}
          max={R.nTarget.max}
          step={5}
          value={n}
          disabled={disabled}
          data-testid="transfer-n"
          aria-valuetext={tr('image.examplesValue', { n })}
          onChange={(e) => setImage({ nTarget: Number(e.target.value) })}
        />
        <span className="field-hint">{tr('image.examplesHint', { val: TARGET_VAL })}</span>
      </div>
      <div className="row sweep-controls">
        <TransferNumber
          label={tr('image.targetAcc')}
          value={Math.round(s.targetAcc * 1000) / 10}
          min={R.targetAcc.min * 100}
          max={R.targetAcc.max * 100}
          onCommit={(v) => setImage({ targetAcc: v / 100 })}
          testId="transfer-target-acc"
          disabled={disabled}
          hint={tr('image.targetAccHint')}
        />
        <TransferNumber label={tr('image.epochs')} value={s.epochs} {...R.epochs} int onCommit={(v) => setImage({ epochs: v })} testId="transfer-epochs" disabled={disabled} />
        <TransferNumber
          label={tr('lrFactor')}
          value={s.lrFactor}
          {...R.lrFactor}
          onCommit={(v) => setImage({ lrFactor: v })}
          testId="transfer-lr-factor"
          disabled={disabled}
          hint={tr('image.lrFactorHint', { factor: s.lrFactor, lr: formatSig(s.lr * s.lrFactor), div: formatSig(1 / s.lrFactor, 3) })}
        />
      </div>
    </>
  );
}
