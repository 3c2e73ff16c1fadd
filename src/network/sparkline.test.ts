import { describe, expect, it } from 'vitest';
import { lastValue, logY, sharedLogRange, sparkPath } from './sparkline';

describe('sharedLogRange', () => {
  it('spans every row, so a small layer sits below a large one', () => {
    const r = sharedLogRange([
      [1e-6, 2e-6],
      [0.1, 1],
    ])!;
    expect(r[0]).toBeLessThan(1e-6);
    expect(r[1]).toBeGreaterThan(1);
    expect(logY(1e-6, r, 20)).toBeGreaterThan(logY(1, r, 20));
  });

  it('ignores nulls, zeros and non-finite values; null when nothing is left', () => {
    expect(sharedLogRange([[null, 0, NaN, Infinity]])).toBeNull();
    const r = sharedLogRange([[null, 0.01, 0.1]])!;
    expect(r[0]).toBeGreaterThan(0.005);
    expect(r[1]).toBeLessThan(0.2);
  });

  it('widens a flat range to a decade and takes in a guide value', () => {
    const [lo, hi] = sharedLogRange([[2, 2]])!;
    expect(Math.log10(hi) - Math.log10(lo)).toBeGreaterThanOrEqual(1);
    const g = sharedLogRange([[0.1, 0.2]], 1e-3)!;
    expect(g[0]).toBeLessThan(1e-3);
  });
});

describe('sparkPath', () => {
  it('runs from left to right over the epochs and breaks at missing values', () => {
    const d = sparkPath([0, 5, 10], [null, 1, 10], [1, 10], 100, 20);
    expect(d).toBe('M50.0 20.0L100.0 0.0');
    expect(sparkPath([0, 1, 2, 3], [1, null, 1, 1], [0.1, 10], 30, 20).match(/M/g)).toHaveLength(2);
  });

  it('puts a single point at the right edge', () => {
    expect(sparkPath([4], [1], [0.1, 10], 50, 20)).toBe('M50.0 10.0');
  });

  it('finds the latest value', () => {
    expect(lastValue([1, 2, null])).toBe(2);
    expect(lastValue([])).toBeNull();
  });
});
