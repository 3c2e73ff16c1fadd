// The sweep role: learning curves, capacity sweeps and the diagnosis's reference fit, beside the
// main run. State (the cancel flag) lives in the closure, so a test can run the real API in-process.
import type { SweepApi } from '../shared/protocol';
import { setUploadTable } from './dataSource';
import { runReferenceFit } from './referenceFit';
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
    async referenceFit(config) {
      // Not stopped by cancel(): that is the sweep's Cancel button, and the fit is short.
      return runReferenceFit(config);
    },
    async cancel() {
      cancelled = true;
    },
  };
}
