import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import { CHUNK, MAX_BUCKETS, MetricsHistory, RECENT, SERIES, safeLog, seriesValue } from './metricsHistory';
import type { EpochMetrics } from '../shared/protocol';

const BOUND = RECENT + CHUNK + MAX_BUCKETS;

/** A noisy falling curve with rare large spikes (the shape the summary must not lose). */
function epochs(n: number, seed: number, from = 0): EpochMetrics[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const t = from + i;
    const spike = rand() < 0.001 ? 50 : 1;
    return {
      epoch: t,
      trainLoss: (0.05 + Math.exp(-t / 3000)) * (1 + 0.2 * rand()) * spike,
      valLoss: (0.06 + Math.exp(-t / 3000)) * (1 + 0.3 * rand()),
      trainAcc: rand(),
      valAcc: rand(),
      penalty: t > 100 ? 0.01 * rand() : 0,
    };
  });
}

describe('MetricsHistory', () => {
  it('keeps every epoch of a run shorter than RECENT, exactly', () => {
    const e = epochs(RECENT, 1);
    const h = MetricsHistory.from(e);
    expect(h.summarized).toBe(0);
    expect(h.length).toBe(RECENT);
    expect(h.epochs).toBe(RECENT);
    expect(h.toArray()).toEqual(e);
    expect(h.at(-1)).toBe(e.at(-1));
    expect(h.last).toBe(e.at(-1));
    expect(h.at(0)).toBe(e[0]);
  });

  it('returns a new reference per non-empty append, sharing the record', () => {
    const a = MetricsHistory.from(epochs(3, 2));
    const b = a.appended(epochs(2, 3, 3));
    expect(b).not.toBe(a);
    expect(b.epochs).toBe(5);
    expect(b.appended([])).toBe(b);
  });

  it('stays bounded after a million epochs, the latest RECENT exact', () => {
    let h = MetricsHistory.empty();
    let tail: EpochMetrics[] = [];
    const N = 1_000_000;
    for (let from = 0; from < N; from += 1000) {
      tail = epochs(1000, from, from);
      h = h.appended(tail);
      expect(h.length).toBeLessThanOrEqual(BOUND);
    }
    expect(h.epochs).toBe(N);
    expect(h.summarized).toBeGreaterThanOrEqual(MAX_BUCKETS / 2);
    expect(h.summarized).toBeLessThanOrEqual(MAX_BUCKETS);
    const rows = h.rows();
    expect(rows[0].first).toBe(0);
    expect(rows.at(-1)!.last).toBe(N - 1);
    expect(rows.reduce((a, r) => a + r.count, 0)).toBe(N);
    // The last 1,000 epochs are the very objects appended, in order.
    const arr = h.toArray();
    expect(arr.slice(-1000)).toEqual(tail);
    expect(arr.at(-1)).toBe(tail.at(-1));
    expect(h.length - h.summarized).toBeGreaterThanOrEqual(RECENT);
  });

  it('summarizes older epochs in contiguous buckets that keep each series’ min, max and last value', () => {
    const n = 40_000;
    const e = epochs(n, 7);
    let h = MetricsHistory.empty();
    for (let i = 0; i < n; i += 7) h = h.appended(e.slice(i, i + 7));
    expect(h.summarized).toBeGreaterThan(0);
    expect(h.bucketWidth).toBeGreaterThan(1);
    const rows = h.rows();
    let next = 0;
    for (const r of rows) {
      expect(r.first).toBe(next);
      expect(r.count).toBe(r.last - r.first + 1);
      next = r.last + 1;
      const span = e.slice(r.first, r.last + 1);
      expect(r.end).toEqual(e[r.last]);
      for (const k of SERIES) {
        const vs = span.map((m) => seriesValue(m, k));
        expect(r.min[k], `${k} min of ${r.first}..${r.last}`).toBe(Math.min(...vs));
        expect(r.max[k], `${k} max of ${r.first}..${r.last}`).toBe(Math.max(...vs));
      }
    }
    expect(next).toBe(n);
    // So the run's extremes (spikes included) survive whatever the summary did.
    for (const k of SERIES) {
      const all = e.map((m) => seriesValue(m, k));
      expect(Math.max(...rows.map((r) => r.max[k]))).toBe(Math.max(...all));
      expect(Math.min(...rows.map((r) => r.min[k]))).toBe(Math.min(...all));
    }
  });

  it('bins mean log losses over whole buckets, matching the raw epochs', () => {
    const n = 30_000;
    const e = epochs(n, 11);
    const h = MetricsHistory.from(e);
    const { bin, epoch, lt, lv } = h.binnedLogs(2000);
    expect(bin % h.bucketWidth).toBe(0);
    expect(bin).toBeGreaterThanOrEqual(Math.ceil(n / 2000));
    expect(lt.length).toBe(Math.ceil(n / bin));
    for (let j = 0; j < lt.length; j++) {
      const span = e.slice(j * bin, (j + 1) * bin);
      const mean = (f: (m: EpochMetrics) => number) => span.reduce((a, m) => a + safeLog(f(m)), 0) / span.length;
      expect(lt[j]).toBeCloseTo(mean((m) => m.trainLoss), 9);
      expect(lv[j]).toBeCloseTo(mean((m) => m.valLoss), 9);
      expect(epoch[j]).toBe(span[(span.length - 1) >> 1].epoch);
    }
  });

  it('remembers the first non-finite loss and whether any penalty applied', () => {
    const e = epochs(10_000, 5).map((m) => ({ ...m, penalty: 0 }));
    e[30] = { ...e[30], trainLoss: NaN };
    e[40] = { ...e[40], valLoss: Infinity };
    const h = MetricsHistory.from(e);
    expect(h.summarized).toBeGreaterThan(0);
    expect(h.firstNonFinite).toEqual({ epoch: 30, nan: true });
    expect(h.hasPenalty).toBe(false);
    expect(h.appended([{ ...e[0], epoch: 10_000, penalty: 0.1 }]).hasPenalty).toBe(true);
    // Non-finite losses never become a bucket's extreme.
    for (const r of h.rows()) for (const k of SERIES) if (!Number.isNaN(r.min[k])) expect(Number.isFinite(r.min[k]) && Number.isFinite(r.max[k])).toBe(true);
  });
});
