// A preview of image augmentation: training samples as the worker will augment them, drawn on the
// page with the same pure function (augmentImages), re-drawn when a setting changes; "new draw"
// shows another epoch's draw.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { augmentImages, isAugmenting, type ImageAugment } from '../data/imageAugment';
import { useStore, type Store } from '../store/store';
import { ImageThumb } from './ImageThumb';

const selectImageSet = (s: Store) => s.imageSet;
const selectSeed = (s: Store) => s.config.seed;
/** Samples shown: each once as it is and once augmented. */
const SHOWN = 12;

export function AugmentPreview({ augment }: { augment: ImageAugment }) {
  const set = useStore(selectImageSet);
  const seed = useStore(selectSeed);
  const [draw, setDraw] = useState(0);
  const { t } = useTranslation('images');
  const side = set?.side ?? 28;
  const pairs = useMemo(() => {
    if (!set) return [];
    const px = side * side;
    const n = Math.min(SHOWN, set.sample.n);
    const x = new Float32Array(n * px);
    for (let i = 0; i < n * px; i++) x[i] = set.sample.pixels[i] / 255;
    const out = augmentImages(x, side, augment, seed, draw);
    return Array.from({ length: n }, (_, i) => ({ before: x.subarray(i * px, (i + 1) * px), after: out.subarray(i * px, (i + 1) * px), label: set.sample.labels[i] }));
  }, [set, side, augment, seed, draw]);
  if (!set) return null;
  const on = isAugmenting(augment);
  return (
    <figure className="image-figure">
      <figcaption>{on ? t('augment.previewCaption') : t('augment.previewOff')}</figcaption>
      <ul className="image-grid augment-grid" data-testid="augment-preview" data-draw={draw}>
        {pairs.map((p, i) => (
          <li key={i} className="augment-pair">
            <ImageThumb values={p.before} width={side} height={side} max={1} size={30} label={t('augment.original', { label: p.label })} />
            <ImageThumb values={p.after} width={side} height={side} max={1} size={30} label={t('augment.augmented', { label: p.label })} testId="augmented-image" />
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setDraw((d) => d + 1)} disabled={!on} data-testid="augment-redraw">
        {t('augment.redraw')}
      </button>
    </figure>
  );
}
