// The Data panel's preview of the training images with their labels. Clicking one picks it for
// the feature maps (the live view's image views).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore, type Store } from '../store/store';
import { imageAt } from './imagePixels';
import { ImageThumb } from './ImageThumb';

const selectImageSet = (s: Store) => s.imageSet;
/** How many of the sample the grid shows (the sample holds up to 64). */
const SHOWN = 40;

export function ImageGrid() {
  const set = useStore(selectImageSet);
  const { t } = useTranslation('images');
  const images = useMemo(() => {
    if (!set) return [];
    const px = set.side * set.side;
    const n = Math.min(SHOWN, set.sample.n);
    return Array.from({ length: n }, (_, i) => ({ values: imageAt(set.sample.pixels, i, px), label: set.sample.labels[i] }));
  }, [set]);
  if (!set) return <p className="hint" data-testid="image-grid-loading">{t('grid.loading')}</p>;
  const side = set.side;
  return (
    <figure className="image-figure">
      <figcaption>{t('grid.caption', { n: images.length, train: set.counts.train })}</figcaption>
      <ul className="image-grid" data-testid="image-grid">
        {images.map((im, i) => (
          <li key={i}>
            <button
              type="button"
              className="image-cell"
              title={t('grid.pick', { label: im.label })}
              aria-label={t('grid.pick', { label: im.label })}
              onClick={() => useStore.getState().setFeatureImage(im.values, 'sample')}
            >
              <ImageThumb values={im.values} width={side} height={side} max={1} size={36} />
              <span className="image-label">{im.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </figure>
  );
}
