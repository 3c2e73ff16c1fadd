// The one place that names the worker scripts. Each role has its own script; the bridges
// (workerBridge.ts) start them through this function, and tests replace it with in-process
// stand-ins running the same API factories.
import type { WorkerLike } from './workerBridge';

export type Role = 'training' | 'sweep' | 'search' | 'transfer' | 'csv' | 'lab' | 'analysis';

/** Starts a worker of `role`; `name` is its self.name (e.g. 'search-2'), which tools show. */
export function startWorker(role: Role, name: string = role): WorkerLike {
  // Each URL is written out in full: that is how the bundler finds and builds the worker scripts.
  switch (role) {
    case 'training':
      return new Worker(new URL('../worker/trainingWorker.ts', import.meta.url), { type: 'module', name });
    case 'sweep':
      return new Worker(new URL('../worker/sweepWorker.ts', import.meta.url), { type: 'module', name });
    case 'search':
      return new Worker(new URL('../worker/searchWorker.ts', import.meta.url), { type: 'module', name });
    case 'transfer':
      return new Worker(new URL('../worker/transferWorker.ts', import.meta.url), { type: 'module', name });
    case 'lab':
      return new Worker(new URL('../worker/labWorker.ts', import.meta.url), { type: 'module', name });
    case 'csv':
      return new Worker(new URL('../worker/csvWorker.ts', import.meta.url), { type: 'module', name });
    case 'analysis':
      return new Worker(new URL('../worker/analysisWorker.ts', import.meta.url), { type: 'module', name });
  }
}
