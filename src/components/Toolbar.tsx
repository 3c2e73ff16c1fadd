// The run controls: Train/Pause, Step, Reset, Regenerate, the epoch budget and pace
// (RunControls), and what is running where.
import { client } from '../client/trainingClient';
import { useStore, type Store } from '../store/store';
import { useRate } from './useRate';
import { isTable } from '../shared/datasets';
import { change } from './change';
import { RunControls } from './RunControls';
import { formatMs, formatRate } from '../shared/format';
import { ExportMenu } from './ExportMenu';

const selectStatus = (s: Store) => s.status;
const selectEpoch = (s: Store) => s.metrics.last?.epoch ?? 0;
const selectBackend = (s: Store) => s.backend;
const selectIsTable = (s: Store) => isTable(s.config.dataset);
const selectTiming = (s: Store) => s.timing;

/**
 * While the auto backend times a new model on each backend (about 2 s): how far it has
 * got, and a way not to wait for it. Choosing a backend, here or in the Backend select, replaces
 * the timing worker at once.
 */
function BackendTiming() {
  const timing = useStore(selectTiming);
  if (!timing) return null;
  const items = timing.engines.map((b) => {
    const done = timing.done.find((t) => t.backend === b);
    if (done) return `${b} ✓ ${formatMs(done.msPerStep)}/step`;
    return b === timing.current ? `${b} …` : `${b} next`;
  });
  return (
    <div className="timing" data-testid="backend-timing">
      <label id="backend-timing-label" htmlFor="backend-timing-progress" className="hint">
        Timing your model on each backend to train on the fastest; Train is ready when done: {items.join(', ')}
      </label>
      <progress id="backend-timing-progress" max={timing.budgetMs} value={Math.min(timing.elapsedMs, timing.budgetMs)} />
      <button type="button" data-testid="skip-timing" onClick={() => change({ backend: 'cpu' })}>
        Skip timing: train on cpu
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
  const training = status === 'training';
  const rate = useRate(epoch, training);
  const timing = useStore(selectTiming) !== null;
  const busy = status === 'starting';
  return (
    <div className="toolbar" role="toolbar" aria-label="Training controls">
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
        {training ? 'Pause' : 'Train'}
      </button>
      <button type="button" onClick={() => client.step().catch(ignore)} disabled={busy || status === 'error' || status === 'diverged'}>
        Step
      </button>
      <button type="button" onClick={() => client.reset().catch(ignore)} disabled={busy}>
        Reset
      </button>
      <button
        type="button"
        onClick={() => client.regenerate().catch(ignore)}
        disabled={busy}
        title={table ? 'A new train/validation/test split from the next seed' : 'New points from the next seed'}
      >
        {table ? 'New split' : 'Regenerate data'}
      </button>
      <ExportMenu />
      <RunControls />
      <div className="stat">
        <span className="stat-label">Epoch</span>
        <span className="stat-value" data-testid="epoch">
          {epoch}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">Epochs/s</span>
        <span className="stat-value" data-testid="epochs-per-second">
          {formatRate(rate)}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">Backend</span>
        <span className="stat-value" data-testid="backend" title={backend?.note || 'the backend you chose'}>
          {backend?.active ?? '…'}
        </span>
      </div>
      <div className="stat" aria-live="polite">
        <span className="stat-label">Status</span>
        <span className="stat-value" data-testid="status">
          {timing ? 'timing backends' : status === 'ready' ? (epoch ? 'paused' : 'ready') : status}
        </span>
      </div>
      <BackendTiming />
    </div>
  );
}
