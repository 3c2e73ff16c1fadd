// The optimizer race (stub: filled in by the race work).
import type { RaceApi } from '../shared/race';

export function createRaceApi(): RaceApi {
  return {
    async race() {
      throw new Error('the optimizer race is not built yet');
    },
    async cancelRace() {},
    async timeOneRun() {
      throw new Error('not built yet');
    },
  };
}
