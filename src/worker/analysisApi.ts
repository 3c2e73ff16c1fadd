// The analysis role: a search's importance (fANOVA on a random forest of the trials,
// src/search/fanova.ts) off the page's thread. Pure JavaScript, no tfjs: the forest takes about
// 0.06 s on 100 trials and 0.35 s on 400 here, which on the page would be a long task each time
// the trials table updates.
import { searchImportance } from '../search/fanova';
import type { Importance, SearchSpace, TrialRecord } from '../search/types';
import type { WorkerBase } from '../shared/protocol';
import { workerBase } from './workerBase';

export interface AnalysisApi extends WorkerBase {
  importance(space: SearchSpace, trials: readonly TrialRecord[], seed: number): Promise<Importance[]>;
}

export function createAnalysisApi(): AnalysisApi {
  return {
    ...workerBase(),
    importance: async (space, trials, seed) => searchImportance(space, trials, seed),
  };
}
