import { describe, expect, it } from 'vitest';
import { ashaRungs, ashaStops, defaultMinEpochs, medianChecks, medianStops, PruneCoordinator, pruningProblems, rungKeeps, type Entry } from './pruners';
import type { SearchSpec } from './types';

const entries = (values: number[]): Entry[] => values.map((value, index) => ({ index, value }));
const all = (n: number) => new Set(Array.from({ length: n }, (_, i) => i));

describe('ASHA', () => {
  it('rungs at r, rη, rη² before the last epoch; the default r gives about three', () => {
    expect(ashaRungs(27, 3, 1)).toEqual([1, 3, 9]);
    expect(ashaRungs(27, 3)).toEqual([3, 9]);
    expect(defaultMinEpochs(27, 3)).toBe(3);
    expect(ashaRungs(20, 2)).toEqual([5, 10]);
    expect(ashaRungs(100, 3)).toEqual([11, 33, 99]);
    expect(ashaRungs(5, 3)).toEqual([1, 3]);
    expect(ashaRungs(1, 3)).toEqual([]);
  });

  it('keeps the best ⌈n/η⌉ (at least 1) at each rung of a scripted objective', () => {
    // Trial i's loss after e epochs: a scripted curve whose final ranking differs from epoch 1's.
    const curve = (i: number, e: number) => (1 + ((i * 7) % 9)) / e + (i === 4 ? -0.5 * e : 0);
    let alive = [...all(9)];
    const kept: number[][] = [];
    for (const rung of ashaRungs(9, 3, 1)) {
      const at = alive.map((index) => ({ index, value: curve(index, rung) }));
      const stops = ashaStops(at, new Set(alive), 3);
      alive = alive.filter((i) => !stops.has(i));
      kept.push(alive);
    }
    // Rung 1: values 1 + (7i mod 9) → 1, 8, 6, 4, 2.5(-0.5), 9, 7, 5, 3: best three are 0, 4, 8.
    expect(kept[0]).toEqual([0, 4, 8]);
    // Rung 3: 1/3, (3/3 − 1.5) = −0.5, 3/3: the best one is 4.
    expect(kept[1]).toEqual([4]);
    expect(rungKeeps(2, 3)).toBe(1);
    expect(rungKeeps(0, 3)).toBe(1);
    expect(rungKeeps(10, 3)).toBe(4);
  });

  it('breaks ties by trial index, counts NaN as the worst, and compares later rounds with earlier ones', () => {
    expect([...ashaStops(entries([1, 1, 1, 1]), all(4), 2)]).toEqual([2, 3]);
    expect([...ashaStops(entries([NaN, 5, 6]), all(3), 3)].sort()).toEqual([0, 2]);
    // A trial of a later round (index 3) that is not among the best third of all four stops.
    expect([...ashaStops(entries([1, 2, 3, 0.5]), new Set([3]), 3)]).toEqual([]);
    expect([...ashaStops(entries([1, 2, 3, 2.5]), new Set([3]), 3)]).toEqual([3]);
  });
});

describe('median stopping', () => {
  it('stops exactly the trials worse than the median of the earlier trials at that epoch', () => {
    const values = [5, 3, 8, 1, 6, 2, 9, 4, 4.5];
    const stops = medianStops(entries(values), all(values.length), 4);
    // Trial 4: earlier 5, 3, 8, 1 → median 4 < 6: stops. 5: median of 5,3,8,1,6 = 5 > 2: goes on.
    // 6: median of 5,3,8,1,6,2 = 4 < 9: stops. 7: median 5 > 4. 8: median of 5,3,8,1,6,2,9,4 = 4.5, not worse.
    expect([...stops].sort()).toEqual([4, 6]);
    // Recomputed by brute force: every trial with ≥ 4 earlier values and a value above their median.
    const brute = values
      .map((v, i) => {
        const e = values.slice(0, i).sort((a, b) => a - b);
        const m = e.length % 2 ? e[e.length >> 1] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2;
        return i >= 4 && v > m ? i : -1;
      })
      .filter((i) => i >= 0);
    expect([...stops].sort()).toEqual(brute);
  });

  it('never judges the startup trials, and only the candidates', () => {
    expect(medianStops(entries([1, 9, 9, 9]), all(4), 4).size).toBe(0);
    expect([...medianStops(entries([1, 2, 3, 4, 9, 9]), new Set([5]), 4)]).toEqual([5]);
  });

  it('checks every ⌈epochs/10⌉ epochs after a warm-up epoch, before the end', () => {
    expect(medianChecks(10)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(medianChecks(40)).toEqual([4, 8, 12, 16, 20, 24, 28, 32, 36]);
    expect(medianChecks(1)).toEqual([]);
  });
});

describe('PruneCoordinator', () => {
  it('waits until every live trial checked at an epoch has reported, then decides for all', async () => {
    const c = new PruneCoordinator(1, 3);
    for (let i = 0; i < 6; i++) c.add(i, { checks: [1, 3], rule: 'asha', cohort: 0 });
    let heardA: Set<number> | null = null;
    const a = c.report(1, [0, 1, 2].map((index) => ({ index, value: index }))).then((s) => (heardA = s));
    await Promise.resolve();
    expect(heardA).toBeNull();
    const b = await c.report(1, [3, 4, 5].map((index) => ({ index, value: 10 - index })));
    await a;
    // Values 0, 1, 2, 7, 6, 5: the best two (0 and 1) go on.
    expect([...heardA!]).toEqual([2]);
    expect([...b].sort()).toEqual([3, 4, 5]);
    // Rung 3: only 0 and 1 are expected; one keeps going.
    const r = await Promise.all([c.report(3, [{ index: 0, value: 4 }]), c.report(3, [{ index: 1, value: 3 }])]);
    expect(r.map((s) => [...s])).toEqual([[0], []]);
  });

  it('maximizes accuracy, keeps cohorts (Hyperband brackets) apart, and never waits on trials that left', async () => {
    const c = new PruneCoordinator(-1, 2);
    c.add(0, { checks: [2], rule: 'asha', cohort: 0 });
    c.add(1, { checks: [2], rule: 'asha', cohort: 0 });
    c.add(2, { checks: [2], rule: 'asha', cohort: 1 });
    c.add(3, { checks: [2], rule: 'asha', cohort: 1 });
    c.leave([3]);
    const [x, y] = await Promise.all([
      c.report(2, [
        { index: 0, value: 0.9 },
        { index: 1, value: 0.6 },
      ]),
      c.report(2, [{ index: 2, value: 0.1 }]),
    ]);
    expect([...x]).toEqual([1]);
    expect([...y]).toEqual([]);
  });

  it('a worker that fails releases the barrier; abort answers every waiting report', async () => {
    const c = new PruneCoordinator(1, 3);
    c.add(0, { checks: [1], rule: 'asha', cohort: 0 });
    c.add(1, { checks: [1], rule: 'asha', cohort: 0 });
    const p = c.report(1, [{ index: 0, value: 1 }]);
    c.leave([1]);
    expect([...(await p)]).toEqual([]);
    const d = new PruneCoordinator(1, 3);
    d.add(0, { checks: [1], rule: 'median', cohort: 0 });
    d.add(1, { checks: [1], rule: 'median', cohort: 0 });
    const q = d.report(1, [{ index: 0, value: 1 }]);
    d.abort();
    expect((await q).size).toBe(0);
  });
});

describe('pruningProblems', () => {
  const spec: SearchSpec = { strategy: 'grid', space: {}, budget: 8, folds: 1, epochs: 9, seed: 1, objective: 'loss', pruner: 'asha', eta: 3 };
  it('names the field of a bad η or first rung', () => {
    expect(pruningProblems(spec)).toEqual([]);
    expect(pruningProblems({ ...spec, eta: 1 }).map((p) => p.field)).toEqual(['eta']);
    expect(pruningProblems({ ...spec, eta: NaN }).map((p) => p.field)).toEqual(['eta']);
    expect(pruningProblems({ ...spec, pruner: 'median', eta: 1 })).toEqual([]);
    expect(pruningProblems({ ...spec, strategy: 'hyperband', pruner: 'none', eta: 20 }).map((p) => p.field)).toEqual(['eta']);
    expect(pruningProblems({ ...spec, minEpochs: 9 }).map((p) => p.field)).toEqual(['minEpochs']);
    expect(pruningProblems({ ...spec, pruner: 'bogus' as never }).map((p) => p.field)).toEqual(['pruner']);
  });
});
