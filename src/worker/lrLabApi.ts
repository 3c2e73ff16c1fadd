// The learning-rate finder (lrFinderRun.ts) and the loss-surface paths (engine/surfacePaths.ts)
// of the lab worker. The cancel flag lives in the closure, so a test can run the real API in-process.
import { surfacePaths } from '../engine/surfacePaths';
import type { LrLabApi } from '../shared/lrLab';
import { runFinder } from './lrFinderRun';

export function createLrLabApi(): LrLabApi {
  let cancelled = false;
  return {
    async findLearningRate(request, progress) {
      cancelled = false;
      return runFinder(request, progress, () => cancelled);
    },
    async cancelFinder() {
      cancelled = true;
    },
    async surfacePaths(request) {
      return surfacePaths(request);
    },
  };
}
