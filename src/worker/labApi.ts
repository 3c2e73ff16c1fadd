// The lab role: the optimizer race (raceApi.ts) and the learning-rate finder and loss-surface
// paths (lrLabApi.ts), beside the main run. State lives in each part's closure, so a test can
// run the real API in-process.
import type { LabApi } from '../shared/protocol';
import { setUploadTable } from './dataSource';
import { createLrLabApi } from './lrLabApi';
import { createRaceApi } from './raceApi';
import { tfWorkerBase } from './tfWorkerBase';

export function createLabApi(): LabApi {
  return {
    ...tfWorkerBase(),
    async setUpload(table, task) {
      setUploadTable(table, task);
    },
    ...createRaceApi(),
    ...createLrLabApi(),
  };
}
