// The learning-rate finder and loss-surface paths (stub: filled in by the lab work).
import type { LrLabApi } from '../shared/lrLab';

export function createLrLabApi(): LrLabApi {
  return {
    async findLearningRate() {
      throw new Error('the learning-rate finder is not built yet');
    },
    async cancelFinder() {},
    async surfacePaths() {
      throw new Error('the loss surface is not built yet');
    },
  };
}
