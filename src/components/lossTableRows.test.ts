import { describe, expect, it } from 'vitest';
import { MetricsHistory } from '../diagnosis/metricsHistory';
import { lossTableRows } from './lossTableRows';

const epochs = (n: number) => Array.from({ length: n }, (_, i) => ({ epoch: i + 1, trainLoss: 1 / (i + 1), valLoss: 1.1 / (i + 1), trainAcc: null, valAcc: null }));

describe('lossTableRows', () => {
  it('is empty before the first epoch', () => {
    expect(lossTableRows(MetricsHistory.empty())).toEqual([]);
  });
  it('keeps every epoch of a short run', () => {
    expect(lossTableRows(MetricsHistory.from(epochs(5))).map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
  });
  it('picks evenly, first and latest included, at most max rows', () => {
    const rows = lossTableRows(MetricsHistory.from(epochs(1000)), 12);
    expect(rows).toHaveLength(12);
    expect(rows[0].epoch).toBe(1);
    expect(rows[11].epoch).toBe(1000);
    for (let i = 1; i < rows.length; i++) expect(rows[i].epoch).toBeGreaterThan(rows[i - 1].epoch);
  });
});
