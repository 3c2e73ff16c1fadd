// The optimizer race's part of the lab worker (race.ts does the work). The cancel flag lives in
// the closure, so a test can run the real API in-process.
import type { RaceApi } from '../shared/race';
import { runRace, timeOneRun } from './race';

export function createRaceApi(): RaceApi {
  let cancelled = false;
  return {
    async race(request, progress) {
      cancelled = false;
      return runRace(request, progress, () => cancelled);
    },
    async cancelRace() {
      cancelled = true;
    },
    timeOneRun: (config, epochs) => timeOneRun(config, epochs),
  };
}
