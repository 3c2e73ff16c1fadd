// The run controls: Train/Pause, Step, Reset, Regenerate, the epoch budget and pace
// (RunControls), and what is running where.
import { client } from '../client/trainingClient';
import { useStore, type Store } from '../store/store';
import { useRate } from './useRate';
import { isImages, isTable } from '../shared/datasets';
import { change } from './change';
import { RunControls } from './RunControls';
import { formatMs, formatRate } from '../shared/format';
import { ExportMenu } from './ExportMenu';
import { useTranslation } from 'react-i18next';

const selectStatus = (s: Store) => s.status;
const selectEpoch = (s: Store) => s.metrics.last?.epoch ?? 0;
const selectBackend = (s: Store) => s.backend;
const selectIsTable = (s: Store) => isTable(s.config.dataset);
const selectIsImages = (s: Store) => isImages(s.config.dataset);
const selectTiming = (s: Store) => s.timing;

/**
 * While the auto backend times a new model on each backend (about 2 s): how far it has
 * got, and a way not to wait for it. Choosing a backend, here or in the Backend select, replaces
 * the timing worker at once.
 */
function BackendTiming() {
  const timing = useStore(selectTiming);
  const { t } = useTranslation('run');
  if (!timing) return null;
  const items = timing.engines.map((b) => {
    const done = timing.done.find((d) => d.backend === b);
    if (done) return t('timing.done', { backend: b, ms: formatMs(done.msPerStep) });
    return b === timing.current ? t('timing.current', { backend: b }) : t('timing.next', { backend: b });
  });
  return (
    <div className="timing" data-testid="backend-timing">
      <label id="backend-timing-label" htmlFor="backend-timing-progress" className="hint">
        {t('timing.label', { items: items.join(', ') })}
      </label>
      <progress id="backend-timing-progress" max={timing.budgetMs} value={Math.min(timing.elapsedMs, timing.budgetMs)} />
      <button type="button" data-testid="skip-timing" onClick={() => change({ backend: 'cpu' })}>
        {t('timing.skip')}
      </button>
    </div>
  );
}

const ignore = () => {};

export function Toolbar() {
  const status = useStore(selectStatus);
  const epoch = useStore(selectEpoch);
  const backend = useStore(selectBackend);
  const table = useStore(selectIsTable);
  const images = useStore(selectIsImages);
  const training = status === 'training';
  const rate = useRate(epoch, training);
  const timing = useStore(selectTiming) !== null;
  const busy = status === 'starting';
  const { t } = useTranslation('run');
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button
        type="button"
        className="primary"
        onClick={() => (training ? client.pause() : client.train()).catch(ignore)}
        disabled={busy || status === 'error' || status === 'diverged'}
        aria-describedby={timing ? 'backend-timing-label' : undefined}
      >
        <span aria-hidden="true" className="glyph">
          {training ? '❚❚' : '▶'}
        </span>
        {training ? t('toolbar.pause') : t('toolbar.train')}
      </button>
      <button type="button" onClick={() => client.step().catch(ignore)} disabled={busy || status === 'error' || status === 'diverged'}>
        {t('toolbar.step')}
      </button>
      <button type="button" onClick={() => client.reset().catch(ignore)} disabled={busy}>
        {t('toolbar.reset')}
      </button>
      <button
        type="button"
        onClick={() => client.regenerate().catch(ignore)}
        disabled={busy}
        title={images ? t('toolbar.newImagesTitle') : table ? t('toolbar.newSplitTitle') : t('toolbar.regenerateTitle')}
      >
        {table || images ? t('toolbar.newSplit') : t('toolbar.regenerate')}
      </button>
      <ExportMenu />
      <RunControls />
      <div className="stat">
        <span className="stat-label">{t('toolbar.epoch')}</span>
        <span className="stat-value" data-testid="epoch">
          {epoch}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">{t('toolbar.epochsPerSecond')}</span>
        <span className="stat-value" data-testid="epochs-per-second">
          {formatRate(rate)}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">{t('toolbar.backend')}</span>
        <span className="stat-value" data-testid="backend" title={backend?.note || t('toolbar.backendChosen')}>
          {backend?.active ?? '…'}
        </span>
      </div>
      <div className="stat" aria-live="polite">
        <span className="stat-label">{t('toolbar.status')}</span>
        <span className="stat-value" data-testid="status">
          {timing ? t('status.timing') : status === 'ready' ? (epoch ? t('status.paused') : t('status.ready')) : t(`status.${status}`)}
        </span>
      </div>
      <BackendTiming />
    </div>
  );
}
