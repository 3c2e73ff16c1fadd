// The learning rate lab: the learning-rate finder and paths on a loss surface, both computed in
// the lab worker beside the main run. Loaded lazily (lazyCharts.tsx): it brings recharts and
// d3-contour.
import { useTranslation } from 'react-i18next';
import { isImages } from '../shared/datasets';
import { useStore, type Store } from '../store/store';
import { LossSurface } from './LossSurface';
import { LrFinder } from './LrFinder';
import './lab.css';

const selectImages = (s: Store) => isImages(s.config.dataset);

export function LabPanel() {
  const { t } = useTranslation('lab');
  // The finder trains the dense network on the data; the loss surface is a toy function and works on any set.
  const images = useStore(selectImages);
  return (
    <section className="panel" aria-labelledby="lab-h" data-testid="lab-panel">
      <h2 id="lab-h">{t('title')}</h2>
      <p className="hint">{t('intro')}</p>
      {images ? (
        <p className="hint" data-testid="lr-finder-images">
          {t('finderImages')}
        </p>
      ) : (
        <LrFinder />
      )}
      <LossSurface />
    </section>
  );
}
