// On a phone the live view cannot sit beside the settings, so a compact strip stays stuck under
// the toolbar instead: epoch, both losses, the verdict and a small boundary, enough to see what a
// change does while editing it. Only rendered on narrow screens, so a desktop paints no second canvas.
import { useRef } from 'react';
import { useStore, type Store } from '../store/store';
import { useBoundaryPainter, BOUNDARY_SIZE } from './BoundaryCanvas';
import { useRegimeTitle } from './DiagnosisPanel';
import { formatLoss } from '../shared/format';
import { NARROW, useMediaQuery } from './useMediaQuery';
import { useTranslation } from 'react-i18next';
import { isImages } from '../shared/datasets';

const selectLast = (s: Store) => s.metrics.last;
const selectRegime = (s: Store) => s.diagnosis.regime;
// Image sets have no boundary to show in small (the draw pad below stands in for it).
const selectIsImages = (s: Store) => isImages(s.config.dataset);

function Thumb() {
  const ref = useRef<HTMLCanvasElement>(null);
  useBoundaryPainter(ref);
  // Decorative: the full-size boundary below carries the description.
  return <canvas ref={ref} width={BOUNDARY_SIZE} height={BOUNDARY_SIZE} className="strip-boundary" data-testid="strip-boundary" aria-hidden="true" />;
}

export function LiveStrip() {
  const narrow = useMediaQuery(NARROW);
  const last = useStore(selectLast);
  const regime = useStore(selectRegime);
  const regimeTitle = useRegimeTitle(regime);
  const images = useStore(selectIsImages);
  const { t } = useTranslation('run');
  if (!narrow) return null;
  return (
    <div className="live-strip" data-testid="live-strip">
      {images ? null : <Thumb />}
      <dl className="strip-stats">
        <div>
          <dt>{t('strip.epoch')}</dt>
          <dd>{last?.epoch ?? 0}</dd>
        </div>
        <div>
          <dt>{t('strip.train')}</dt>
          <dd className="train">{formatLoss(last?.trainLoss)}</dd>
        </div>
        <div>
          <dt>{t('strip.val')}</dt>
          <dd className="val">{formatLoss(last?.valLoss)}</dd>
        </div>
        <div className={`strip-verdict regime-${regime.replace(/ /g, '-')}`}>
          <dt>{t('strip.verdict')}</dt>
          <dd data-testid="strip-verdict">{regimeTitle}</dd>
        </div>
      </dl>
    </div>
  );
}
