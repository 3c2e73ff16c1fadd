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
      const { runTrialsPruned } = api;
      api.runTrialsPruned = (specs, checks, decide, progress) => {
        calls.push({ worker: name, method: 'runTrials', trials: specs.length });
        return runTrialsPruned(specs, checks, decide, progress);
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

describe('runSearch with pruning', async () => {
  const { runSearch, cancelSearch } = await import('./searchRunner');
  const { ashaRungs, rungKeeps } = await import('../search/pruners');
  const NINE: SearchSpec = { ...GRID, epochs: 9, folds: 2, pruner: 'asha', eta: 3, minEpochs: 1 };

  it('ASHA over two workers: each rung keeps the best ⌈n/η⌉ of the whole search; survivors score as unpruned', async () => {
    const pruned = await runSearch(NINE);
    // One call per worker with its whole share (a rung needs every trial to reach it).
    expect(calls.map((c) => c.trials).reduce((a, b) => a + b)).toBe(8);
    expect(calls).toHaveLength(2);
    const full = await runSearch({ ...NINE, pruner: 'none' });
    expect(ashaRungs(9, 3, 1)).toEqual([1, 3]);
    expect(pruned).toHaveLength(8);
    let alive = pruned;
    for (const rung of [1, 3]) {
      const ranked = [...alive].sort((a, b) => a.intermediate![rung - 1] - b.intermediate![rung - 1] || a.index - b.index);
      const keep = ranked.slice(0, rungKeeps(alive.length, 3)).map((t) => t.index);
      expect(alive.filter((t) => t.stoppedAt === rung).map((t) => t.index).sort()).toEqual(ranked.slice(keep.length).map((t) => t.index).sort());
      alive = alive.filter((t) => keep.includes(t.index));
    }
    expect(alive.map((t) => t.stoppedAt)).toEqual([9]);
    for (const t of pruned) {
      expect(t.pruned).toBe(t.stoppedAt! < 9);
      expect(t.intermediate).toHaveLength(t.stoppedAt!);
      // The score is the objective (mean over folds) where it stopped.
      expect(t.mean).toBeCloseTo(t.intermediate![t.stoppedAt! - 1], 5);
      const f = full.find((x) => x.index === t.index)!;
      expect(f.pruned).toBeUndefined();
      if (!t.pruned) t.folds.forEach((v, k) => expect(Math.abs(v - f.folds[k]) / f.folds[k]).toBeLessThan(1e-5));
    }
  });

  it('median stopping and Hyperband record their stops; Hyperband tags each trial with its bracket', async () => {
    // Learning rates from high to low: on this short run the later trials learn less and are pruned.
    const lrs = { lr: { kind: 'list' as const, values: [0.3, 0.1, 0.05, 0.03, 0.01, 0.003, 0.001] } };
    const median = await runSearch({ ...NINE, pruner: 'median', folds: 1, epochs: 6, space: lrs });
    expect(median.some((t) => t.pruned)).toBe(true);
    for (const t of median.filter((x) => x.pruned)) {
      const e = t.stoppedAt!;
      const earlier = median.filter((x) => x.index < t.index && x.stoppedAt! >= e).map((x) => x.intermediate![e - 1]).sort((a, b) => a - b);
      const h = earlier.length >> 1;
      const med = earlier.length % 2 ? earlier[h] : (earlier[h - 1] + earlier[h]) / 2;
      expect(t.intermediate![e - 1]).toBeGreaterThan(med);
    }
    // The first four trials are never judged (the startup trials).
    expect(median.slice(0, 4).every((t) => !t.pruned)).toBe(true);
    const hb = await runSearch({ ...GRID, strategy: 'hyperband', budget: 10, epochs: 9, eta: 3, folds: 1, space: { lr: { kind: 'range', min: 0.001, max: 1, scale: 'log' } } });
    expect(hb).toHaveLength(10);
    expect(new Set(hb.map((t) => t.bracket))).toEqual(new Set([0, 1, 2]));
    expect(hb.filter((t) => t.bracket === 0).some((t) => t.pruned)).toBe(true);
    expect(hb.filter((t) => t.bracket === 2).every((t) => !t.pruned && t.stoppedAt === 9)).toBe(true);
  });

  it('a Bayesian search with ASHA observes pruned trials; cancel ends a pruned search without waiting on a rung', async () => {
    const bo = await runSearch({ ...NINE, strategy: 'bayes', budget: 6, folds: 1, space: { lr: { kind: 'range', min: 0.001, max: 1, scale: 'log' } } });
    expect(bo).toHaveLength(6);
    expect(bo.some((t) => t.pruned)).toBe(true);
    const running = runSearch({ ...NINE, epochs: 400, minEpochs: 200 });
    await new Promise((r) => setTimeout(r, 300));
    await cancelSearch();
    const out = await running;
    expect(useStore.getState().search.status).toBe('cancelled');
    expect(out.length).toBeLessThan(8);
  });

  it('names the field of a bad η', async () => {
    await expect(runSearch({ ...NINE, eta: 1 })).rejects.toThrow(/η/);
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
