// The search runner's scheduling, with the pool workers' real API (createSearchApi, cpu
// backend) running in-process behind the real bridges: batched by default, one trial at a time
// on request, Bayesian rounds, the workers option, trial order and reproducibility.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import type { SearchSpec, TrialSpec } from '../search/types';
import { useStore } from '../store/store';

/** Every call a pool worker got: its name, the method and how many trials. */
const { calls } = vi.hoisted(() => ({ calls: [] as { worker: string; method: 'runTrial' | 'runTrials'; trials: number }[] }));

vi.mock('./workers', async () => {
  const { createSearchApi } = await import('../worker/searchApi');
  const { inProcessWorker } = await import('./inProcessWorker');
  return {
    startWorker: (_role: string, name: string) => {
      const api = createSearchApi();
      const { runTrial, runTrials } = api;
      api.runTrial = (spec) => {
        calls.push({ worker: name, method: 'runTrial', trials: 1 });
        return runTrial(spec);
      };
      api.runTrials = (specs, progress) => {
        calls.push({ worker: name, method: 'runTrials', trials: specs.length });
        return runTrials(specs, progress);
      };
      return inProcessWorker(api);
    },
  };
});

beforeAll(() => {
  vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
});

const initial = useStore.getState();
beforeEach(() => {
  useStore.setState(initial, true);
  useStore.getState().applyConfig({ ...DEFAULT_CONFIG, backend: 'cpu', samples: 120 });
  calls.length = 0;
});

const GRID: SearchSpec = {
  strategy: 'grid',
  space: { lr: { kind: 'list', values: [0.01, 0.1] }, batch: { kind: 'list', values: [10, 30] }, units: { kind: 'list', values: [2, 6] } },
  budget: 10,
  folds: 2,
  epochs: 4,
  seed: 1,
  objective: 'loss',
};

describe('runSearch', async () => {
  const { runSearch } = await import('./searchRunner');

  it('batched by default: each worker gets its share in one call; the same scores as one trial at a time', async () => {
    const fast = await runSearch(GRID);
    // dealTrials: the batch-10 trials (three times the steps) split over both workers, the
    // batch-30 ones go whole to the less loaded one.
    expect(calls.map((c) => [c.worker, c.method, c.trials])).toEqual([
      ['search-0', 'runTrials', 6],
      ['search-1', 'runTrials', 2],
    ]);
    expect(fast.map((t) => t.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(useStore.getState().search.trials.map((t) => t.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(useStore.getState().search.status).toBe('done');

    calls.length = 0;
    const slow = await runSearch({ ...GRID, batched: false, workers: 1 });
    expect(calls.every((c) => c.worker === 'search-0' && c.method === 'runTrial')).toBe(true);
    expect(calls).toHaveLength(8);
    slow.forEach((t, i) => {
      expect(t.trial).toEqual(fast[i].trial);
      t.folds.forEach((f, k) => expect(Math.abs(f - fast[i].folds[k]) / f).toBeLessThan(1e-5));
    });
  });

  it('a batched Bayesian search goes in rounds of four and reproduces from its seed', async () => {
    const spec: SearchSpec = { ...GRID, strategy: 'bayes', budget: 6, space: { lr: { kind: 'range', min: 0.001, max: 1, scale: 'log' } }, folds: 1 };
    const a = await runSearch(spec);
    // Two rounds (4 + 2 trials), each dealt over both workers.
    expect(calls.map((c) => c.trials)).toEqual([2, 2, 1, 1]);
    const b = await runSearch({ ...spec, workers: 1 });
    expect(b.map((t) => t.trial)).toEqual(a.map((t) => t.trial));
    expect(b.map((t) => t.mean)).toEqual(a.map((t) => t.mean));
  });

  it('refuses a bad workers count', async () => {
    await expect(runSearch({ ...GRID, workers: 0 })).rejects.toThrow(/workers/);
  });
});

describe('dealTrials', () => {
  const spec = (batch: number, units: number): TrialSpec => ({ config: { ...DEFAULT_CONFIG, batch, layers: [units, units] }, folds: 1, epochs: 20, objective: 'loss' });

  it('keeps trials that can share a batched model together and balances the steps', async () => {
    const { dealTrials } = await import('./searchRunner');
    const specs = [10, 20, 50].flatMap((b) => [2, 4, 8].flatMap((u) => [0, 1, 2].map(() => spec(b, u))));
    const [a, b] = dealTrials(specs, 2);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(specs.map((_, i) => i));
    const batches = (share: number[]) => new Set(share.map((i) => specs[i].config.batch));
    // Batch 10 (the most steps) fills one worker; 20 and 50 share the other.
    expect([...batches(a)].sort()).toEqual([10]);
    expect([...batches(b)].sort((x, y) => x - y)).toEqual([20, 50]);
  });

  it('splits one bundle over the workers rather than leave one idle', async () => {
    const { dealTrials } = await import('./searchRunner');
    const specs = Array.from({ length: 8 }, () => spec(10, 4));
    const shares = dealTrials(specs, 2);
    expect(shares.map((s) => s.length)).toEqual([4, 4]);
  });
});
