// The lab worker (optimizer race, learning-rate finder, loss-surface paths) behind one bridge,
// on the main run's backend, ended after two minutes without a call. raceClient.ts and
// lrLabClient.ts call it.
import type { EngineKey } from '../shared/config';
import type { LabApi } from '../shared/protocol';
import { useStore } from '../store/store';
import { helperBackend } from './helperBackend';
import { ensureUpload } from './uploads';
import { WorkerBridge } from './workerBridge';
import { startWorker } from './workers';

export const labBridge = new WorkerBridge<LabApi>({
  role: 'lab',
  start: () => startWorker('lab', 'lab'),
  key: () => helperBackend(useStore.getState().config.backend),
  init: (api, backend) => api.init(backend as EngineKey),
  idleMs: 120_000,
});

/** Hands the lab worker the uploaded file, when the config trains on one (before a race or the finder). */
export function labUpload(): Promise<void> {
  return labBridge.call((api) => ensureUpload(api));
}
