// Learning curves, capacity sweeps and the diagnosis's reference fit run in a worker of their
// own, so the main run and the page carry on; sweep progress and results go to the store's sweep slice.
import { isImages } from '../shared/datasets';
import { t } from '../i18n/i18n';
import type { EngineKey, ExperimentConfig } from '../shared/config';
import type { ReferenceFit, SweepApi } from '../shared/protocol';
import type { SweepKind } from '../shared/sweep';
import { useStore } from '../store/store';
import { ensureUpload } from './uploads';
import { helperBackend } from './helperBackend';
import { errorText } from '../shared/errorText';
import { WorkerBridge } from './workerBridge';
import { startWorker } from './workers';

/** The sweep worker: on the main run's backend, ended after two minutes without a sweep. */
const bridge = new WorkerBridge<SweepApi>({
  role: 'sweep',
  start: () => startWorker('sweep', 'sweeps'),
  key: () => helperBackend(useStore.getState().config.backend),
  init: (api, backend) => api.init(backend as EngineKey),
  idleMs: 120_000,
});

/** Aborts the sweep under way (Cancel). */
let abort: AbortController | null = null;

export async function startSweep(kind: SweepKind, epochs: number): Promise<void> {
  const s = useStore.getState();
  if (s.sweep.status === 'running') return;
  if (isImages(s.config.dataset)) {
    s.setSweep({ kind, status: 'error', error: t('sweeps:images') });
    return;
  }
  const config = s.config;
  s.setSweep({ kind, status: 'running', epochs, progress: 0, points: [], config, error: null });
  const controller = new AbortController();
  abort = controller;
  try {
    await bridge.call((api) => ensureUpload(api));
    const points = await bridge.call(
      (api) =>
        api.sweep(
          config,
          kind,
          epochs,
          bridge.proxy((p) => {
            useStore.getState().setSweep({ progress: p.epochsDone / p.epochsTotal, points: p.points });
          }),
        ),
      // Cancel keeps the finished models: the worker stops between epochs and resolves with them.
      { signal: controller.signal, cancel: (api) => api.cancel() },
    );
    const cancelled = controller.signal.aborted;
    useStore.getState().setSweep({ status: cancelled ? 'cancelled' : 'done', points, progress: cancelled ? useStore.getState().sweep.progress : 1 });
  } catch (e) {
    useStore.getState().setSweep({ status: 'error', error: errorText(e) });
  } finally {
    if (abort === controller) abort = null;
  }
}

export async function cancelSweep(): Promise<void> {
  if (useStore.getState().sweep.status !== 'running' || !abort) return;
  useStore.getState().setSweep({ status: 'cancelling' });
  abort.abort();
}

/**
 * Fits the diagnosis's reference network on `config`'s data in the sweep worker, beside the main
 * run and any sweep (referenceClient.ts caches the answers); null when it did not finish.
 */
export function fitReference(config: ExperimentConfig): Promise<ReferenceFit | null> {
  return bridge.call((api) => api.referenceFit(config));
}
