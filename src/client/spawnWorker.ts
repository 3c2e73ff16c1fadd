// Starts a training worker and wraps it with comlink; the one place that names the worker script.
import * as Comlink from 'comlink';
import type { TrainingWorkerApi } from '../shared/protocol';

export interface WorkerHandle {
  worker: Worker;
  api: Comlink.Remote<TrainingWorkerApi>;
}

export function spawnTrainingWorker(name: string): WorkerHandle {
  const worker = new Worker(new URL('../worker/trainingWorker.ts', import.meta.url), { type: 'module', name });
  return { worker, api: Comlink.wrap<TrainingWorkerApi>(worker) };
}
