// Learning curves and capacity sweeps run in a worker of their own, so the main run and the
// page carry on; progress and results go to the store's sweep slice.
import * as Comlink from 'comlink';
import type { TrainingWorkerApi } from '../shared/protocol';
import type { SweepKind } from '../shared/sweep';
import { useStore } from '../store/store';
import { spawnTrainingWorker } from './spawnWorker';
import { ensureUpload } from './uploads';
import { helperBackend } from './helperBackend';

let worker: Worker | null = null;
let api: Comlink.Remote<TrainingWorkerApi> | null = null;
let backend: string | null = null;

async function ready(): Promise<Comlink.Remote<TrainingWorkerApi>> {
  const wanted = helperBackend(useStore.getState().config.backend);
  if (api && backend === wanted) return api;
  worker?.terminate();
  ({ worker, api } = spawnTrainingWorker('sweeps'));
  await api.init(wanted);
  backend = wanted;
  return api;
}

export async function startSweep(kind: SweepKind, epochs: number): Promise<void> {
  const s = useStore.getState();
  if (s.sweep.status === 'running') return;
  const config = s.config;
  s.setSweep({ kind, status: 'running', epochs, progress: 0, points: [], config, error: null });
  try {
    const remote = await ready();
    await ensureUpload(remote);
    const points = await remote.sweep(
      config,
      kind,
      epochs,
      Comlink.proxy((p) => {
        useStore.getState().setSweep({ progress: p.epochsDone / p.epochsTotal, points: p.points });
      }),
    );
    const cancelled = useStore.getState().sweep.status === 'cancelling';
    useStore.getState().setSweep({ status: cancelled ? 'cancelled' : 'done', points, progress: cancelled ? useStore.getState().sweep.progress : 1 });
  } catch (e) {
    useStore.getState().setSweep({ status: 'error', error: e instanceof Error ? e.message : String(e) });
    worker?.terminate();
    worker = null;
    api = null;
  }
}

export async function cancelSweep(): Promise<void> {
  if (useStore.getState().sweep.status !== 'running' || !api) return;
  useStore.getState().setSweep({ status: 'cancelling' });
  await api.cancelSweep();
}
