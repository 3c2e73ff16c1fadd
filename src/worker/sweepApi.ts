// The sweep role: learning curves and capacity sweeps, beside the main run. State (the cancel
// flag) lives in the closure, so a test can run the real API in-process.
import type { SweepApi } from '../shared/protocol';
import { setUploadTable } from './dataSource';
import { runSweep } from './sweeps';
import { tfWorkerBase } from './tfWorkerBase';

export function createSweepApi(): SweepApi {
  let cancelled = false;
  return {
    ...tfWorkerBase(),
    async setUpload(table, task) {
      setUploadTable(table, task);
    },
    async sweep(config, kind, epochs, progress) {
      cancelled = false;
      return runSweep(config, kind, epochs, progress, () => cancelled);
    },
    async cancel() {
      cancelled = true;
    },
  };
}
