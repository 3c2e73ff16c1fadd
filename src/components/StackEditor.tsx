// The image model's layer stack, edited two ways: a list of layers (add, remove, reorder, each
// layer's numbers) and the stack's text for power users. Both edit one draft; the Model panel
// applies it when it fits and otherwise keeps it, refused with the reason, for the user to fix.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activation, ImageLayer, Padding } from '../engine/imageLayers';
import { BIG_CNN, DENSE_BASELINE, parseStack, SMALL_CNN } from '../shared/imageStack';
import { addLayer, LAYER_KINDS, moveLayer, removeLayer, setLayer, type LayerKind } from './stackEdits';

const ACTS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];
const PADDINGS: readonly Padding[] = ['same', 'valid'];
export const STACK_PRESETS = { small: SMALL_CNN, dense: DENSE_BASELINE, big: BIG_CNN } as const;

/** A number of a layer, committed on Enter or leaving the field (each keystroke would start a new model). */
function LayerNumber({ label, value, min, max, step = 1, onCommit, testId }: { label: string; value: number; min: number; max: number; step?: number; onCommit: (v: number) => void; testId: string }) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const v = Number(text);
    setText(null);
    if (text.trim() !== '' && Number.isFinite(v) && v !== value) onCommit(v);
  };
  return (
    <label className="field layer-num" htmlFor={id}>
      <span className="field-label">{label}</span>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={step}
        value={text ?? String(value)}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(null);
        }}
        data-testid={testId}
      />
    </label>
  );
}

function Choice<K extends string>({ label, value, options, onChange, testId }: { label: string; value: K; options: readonly K[]; onChange: (v: K) => void; testId: string }) {
  const id = useId();
  return (
    <label className="field layer-num" htmlFor={id}>
      <span className="field-label">{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as K)} data-testid={testId}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One layer's own numbers. */
function LayerFields({ layer, i, set }: { layer: ImageLayer; i: number; set: (patch: Record<string, unknown>) => void }) {
  const { t } = useTranslation('images');
  switch (layer.kind) {
    case 'conv':
      return (
        <>
          <LayerNumber label={t('stack.filters')} value={layer.filters} min={1} max={256} onCommit={(filters) => set({ filters })} testId={`layer-filters-${i}`} />
          <LayerNumber label={t('stack.kernel')} value={layer.kernel} min={1} max={11} onCommit={(kernel) => set({ kernel })} testId={`layer-kernel-${i}`} />
          <LayerNumber label={t('stack.stride')} value={layer.stride} min={1} max={4} onCommit={(stride) => set({ stride })} testId={`layer-stride-${i}`} />
          <Choice label={t('stack.padding')} value={layer.padding} options={PADDINGS} onChange={(padding) => set({ padding })} testId={`layer-padding-${i}`} />
          <Choice label={t('stack.activation')} value={layer.activation} options={ACTS} onChange={(activation) => set({ activation })} testId={`layer-activation-${i}`} />
        </>
      );
    case 'pool':
      return (
        <>
          <LayerNumber label={t('stack.size')} value={layer.size} min={2} max={8} onCommit={(size) => set({ size, stride: size })} testId={`layer-size-${i}`} />
          <LayerNumber label={t('stack.stride')} value={layer.stride} min={1} max={8} onCommit={(stride) => set({ stride })} testId={`layer-stride-${i}`} />
        </>
      );
    case 'dense':
      return (
        <>
          <LayerNumber label={t('stack.units')} value={layer.units} min={1} max={1024} onCommit={(units) => set({ units })} testId={`layer-units-${i}`} />
          <Choice label={t('stack.activation')} value={layer.activation} options={ACTS} onChange={(activation) => set({ activation })} testId={`layer-activation-${i}`} />
        </>
      );
    case 'dropout':
      return <LayerNumber label={t('stack.rate')} value={layer.rate} min={0} max={0.95} step={0.05} onCommit={(rate) => set({ rate })} testId={`layer-rate-${i}`} />;
    default:
      return <span className="hint">{t(`stack.about.${layer.kind}`)}</span>;
  }
}

/**
 * The list of layers. `layers` is null while the text does not read as layers: the list is then
 * disabled (an edit here would throw the typed text away).
 */
export function StackList({ layers, onEdit }: { layers: ImageLayer[] | null; onEdit: (layers: ImageLayer[]) => void }) {
  const { t } = useTranslation('images');
  const [kind, setKind] = useState<LayerKind>('conv');
  const list = layers ?? [];
  return (
    <fieldset className="group image-layers" disabled={!layers}>
      <legend>{t('stack.legend')}</legend>
      {!layers && <p className="hint">{t('stack.fixText')}</p>}
      <ol className="stack-list">
        {list.map((l, i) => (
          <li key={i} className="stack-layer" data-testid={`image-layer-${i}`}>
            <span className="layer-name">{i + 1}</span>
            <Choice label={t('stack.kind')} value={l.kind} options={LAYER_KINDS} onChange={(k) => onEdit(setLayer(list, i, { kind: k }))} testId={`layer-kind-${i}`} />
            <LayerFields layer={l} i={i} set={(patch) => onEdit(setLayer(list, i, patch))} />
            <span className="stack-buttons">
              <button type="button" className="icon" aria-label={t('stack.up', { n: i + 1 })} disabled={i === 0} onClick={() => onEdit(moveLayer(list, i, -1))} data-testid={`layer-up-${i}`}>
                ↑
              </button>
              <button type="button" className="icon" aria-label={t('stack.down', { n: i + 1 })} disabled={i === list.length - 1} onClick={() => onEdit(moveLayer(list, i, 1))} data-testid={`layer-down-${i}`}>
                ↓
              </button>
              <button type="button" className="icon" aria-label={t('stack.remove', { n: i + 1 })} onClick={() => onEdit(removeLayer(list, i))} data-testid={`layer-remove-${i}`}>
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="row stack-add">
        <Choice label={t('stack.newKind')} value={kind} options={LAYER_KINDS} onChange={setKind} testId="add-image-layer-kind" />
        <button type="button" onClick={() => onEdit(addLayer(list, kind))} data-testid="add-image-layer">
          {t('stack.add')}
        </button>
      </div>
      <div className="row stack-presets" role="group" aria-label={t('stack.presets')}>
        <span className="field-label">{t('stack.presets')}</span>
        {(Object.keys(STACK_PRESETS) as (keyof typeof STACK_PRESETS)[]).map((k) => (
          <button key={k} type="button" className="link-button" title={STACK_PRESETS[k]} onClick={() => onEdit(presetLayers(k))} data-testid={`stack-preset-${k}`}>
            {t(`stack.preset.${k}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function presetLayers(k: keyof typeof STACK_PRESETS): ImageLayer[] {
  const p = parseStack(STACK_PRESETS[k]);
  return p.ok ? p.layers : [];
}

/** The stack as text: typed freely, applied on Enter or leaving the field. */
export function StackText({ text, onType, onApply }: { text: string; onType: (text: string) => void; onApply: () => void }) {
  const id = useId();
  const { t } = useTranslation('images');
  return (
    <label className="field stack-text" htmlFor={id}>
      <span className="field-label">{t('stack.text')}</span>
      <input
        id={id}
        type="text"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        value={text}
        onChange={(e) => onType(e.target.value)}
        onBlur={onApply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onApply();
        }}
        aria-describedby={`${id}-hint`}
        data-testid="image-stack"
      />
      <span id={`${id}-hint`} className="field-hint">
        {t('stack.textHint')}
      </span>
    </label>
  );
}
