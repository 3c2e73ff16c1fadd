// The learning-rate lab's calls to the lab worker (labBridge.ts): the range test with progress
// and Cancel, "use it", and the loss surface's paths, one call in flight with the latest
// settings winning. Results go to the store's lrLab slice.
import { isImages } from '../shared/datasets';
import { t } from '../i18n/i18n';
import { change } from '../components/change';
import { RANGES } from '../shared/config';
import { errorText } from '../shared/errorText';
import type { FinderResult } from '../shared/lrLab';
import { useStore } from '../store/store';
import type { SurfaceSettings } from '../store/lrLabSlice';
import { labBridge, labUpload } from './labBridge';

/** Aborts the finder under way (Cancel). */
let abort: AbortController | null = null;

/**
 * Runs the range test on a copy of the current setup in the lab worker (the main run is not
 * touched). Resolves with the curve (also when cancelled: the curve so far); rejects on failure.
 */
export async function findLearningRate(): Promise<FinderResult> {
  const s = useStore.getState();
  if (abort) throw new Error('the learning-rate finder is already running');
  if (isImages(s.config.dataset)) throw new Error(t('lab:finderImages'));
  const config = s.config;
  s.setFinder({ status: 'running', progress: 0, error: null });
  const controller = new AbortController();
  abort = controller;
  try {
    // An uploaded CSV file reaches the lab worker first (a no-op for the built-in data sets).
    await labUpload();
    const result = await labBridge.call(
      (api) =>
        api.findLearningRate(
          { config },
          labBridge.proxy((done: number, total: number) => {
            useStore.getState().setFinder({ progress: done / total });
          }),
        ),
      // Cancel keeps the curve so far: the worker stops between steps and resolves with it.
      { signal: controller.signal, cancel: (api) => api.cancelFinder() },
    );
    useStore.getState().setFinder({ status: result.cancelled ? 'cancelled' : 'done', result, progress: result.cancelled ? useStore.getState().finder.progress : 1 });
    return result;
  } catch (e) {
    useStore.getState().setFinder({ status: 'error', error: errorText(e) });
    throw e;
  } finally {
    if (abort === controller) abort = null;
  }
}

export function cancelFinder(): void {
  if (!abort) return;
  useStore.getState().setFinder({ status: 'cancelling' });
  abort.abort();
}

/** A rate as the finder offers it: two significant digits, within the learning rate's range. */
export function roundRate(lr: number): number {
  return Math.min(RANGES.lr.max, Math.max(RANGES.lr.min, Number(lr.toPrecision(2))));
}

/** "Use it": the suggested rate becomes the config's learning rate (live: a running model takes it at once). */
export function applySuggestedRate(): void {
  const lr = useStore.getState().finder.result?.suggested;
  if (lr != null) change({ lr: roundRate(lr) });
}

/** The settings waiting for the call in flight to finish (only the latest is kept). */
let queued: SurfaceSettings | null = null;
let inFlight = false;

/**
 * Asks the lab worker for the paths of `settings`. One call at a time: settings that arrive
 * meanwhile wait, and only the latest of them is sent once it returns.
 */
export function requestSurfacePaths(settings: SurfaceSettings = useStore.getState().surface.settings): void {
  queued = settings;
  if (!inFlight) void drain();
}

async function drain(): Promise<void> {
  inFlight = true;
  try {
    while (queued) {
      const settings = queued;
      queued = null;
      try {
        const paths = await labBridge.call((api) => api.surfacePaths({ ...settings }));
        useStore.getState().setSurfacePaths({ paths, pathsFor: settings, error: null });
      } catch (e) {
        useStore.getState().setSurfacePaths({ error: errorText(e) });
      }
    }
  } finally {
    inFlight = false;
  }
}
