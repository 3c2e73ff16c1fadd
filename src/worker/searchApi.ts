// The search role: one worker of the search pool. It scores trials (one at a time or batched),
// and the first pool worker also hosts the searcher. State (the cancel flag, the searcher) lives
// in the closure, so a test can run the real API in-process.
import type { SearchApi } from '../shared/protocol';
import { createSearcher, type Searcher } from '../search/strategies';
import { runTrialsBatched } from './batchedTrials';
import { crossValidate } from './crossValidate';
import { runTrialsPruned } from './prunedTrials';
import { imageSpecs, runImageTrials, runImageTrialsPruned } from './imageTrials';
import { setUploadTable } from './dataSource';
import { tfWorkerBase } from './tfWorkerBase';

export function createSearchApi(): SearchApi {
  let cancelled = false;
  let searcher: Searcher | null = null;
  const isCancelled = () => cancelled;
  return {
    ...tfWorkerBase(),
    async setUpload(table, task) {
      setUploadTable(table, task);
    },
    async runTrial(spec) {
      cancelled = false;
      if (imageSpecs([spec])) return (await runImageTrials([spec], isCancelled))[0];
      return crossValidate(spec, isCancelled);
    },
    async runTrials(specs, progress) {
      cancelled = false;
      // Image trials train one CNN at a time (no batched engine for them).
      if (imageSpecs(specs)) return runImageTrials(specs, isCancelled, progress);
      return runTrialsBatched(specs, isCancelled, progress);
    },
    async runTrialsPruned(specs, checks, decide, progress) {
      cancelled = false;
      if (imageSpecs(specs)) return runImageTrialsPruned(specs, checks, decide, isCancelled, progress);
      return runTrialsPruned(specs, checks, decide, isCancelled, progress);
    },
    async cancel() {
      cancelled = true;
    },
    async searchBegin(strategy, space, budget, seed) {
      searcher = createSearcher(strategy, space, budget, seed);
      return searcher.total;
    },
    async searchNext() {
      return searcher?.next() ?? null;
    },
    async searchObserve(trial, objective, second) {
      searcher?.observe(trial, objective, second);
    },
  };
}
