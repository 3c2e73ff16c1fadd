// The learning rate lab: the learning-rate finder and paths on a loss surface, both computed in
// the lab worker beside the main run. Loaded lazily (lazyCharts.tsx): it brings recharts and
// d3-contour.
import { useTranslation } from 'react-i18next';
import { LossSurface } from './LossSurface';
import { LrFinder } from './LrFinder';
import './lab.css';

export function LabPanel() {
  const { t } = useTranslation('lab');
  return (
    <section className="panel" aria-labelledby="lab-h" data-testid="lab-panel">
      <h2 id="lab-h">{t('title')}</h2>
      <p className="hint">{t('intro')}</p>
      <LrFinder />
      <LossSurface />
    </section>
  );
}
