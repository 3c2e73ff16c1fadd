import { describe, expect, it } from 'vitest';
import { BLOW_UP, finderRates, LossSmoother, smoothLosses, suggestRate } from './lrFinder';

/** A range test's typical curve against the rate: flat, a fall centred on `fallAt`, lowest near `lowAt`, then a blow-up. */
function curve(lrs: number[], fallAt: number, lowAt: number): number[] {
  return lrs.map((r) => {
    const u = Math.log10(r);
    const fall = 0.5 / (1 + Math.exp(-(u - Math.log10(fallAt)) * 4));
    const rise = Math.max(0, u - Math.log10(lowAt)) ** 2;
    return 1 - fall + rise;
  });
}

describe('finderRates', () => {
  it('grows exponentially from the first rate to the last', () => {
    const r = finderRates(1e-6, 10, 100);
    expect(r).toHaveLength(100);
    expect(r[0]).toBeCloseTo(1e-6, 12);
    expect(r[99]).toBeCloseTo(10, 9);
    const ratio = r[1] / r[0];
    r.slice(1).forEach((v, i) => expect(v / r[i]).toBeCloseTo(ratio, 9));
  });

  it('refuses rates out of order', () => {
    expect(() => finderRates(1, 0.1, 10)).toThrow(RangeError);
    expect(() => finderRates(0, 1, 10)).toThrow(RangeError);
  });
});

describe('LossSmoother', () => {
  it('is bias-corrected: a constant series stays constant from the first value', () => {
    expect(smoothLosses([0.7, 0.7, 0.7, 0.7])).toEqual([0.7, 0.7, 0.7, 0.7].map((v) => expect.closeTo(v, 12)));
  });

  it('averages recent values exponentially', () => {
    const s = smoothLosses([1, 0], 0.5);
    // avg₂ = 0.5·(0.5·1) + 0 = 0.25, corrected by 1 − 0.5² = 0.75.
    expect(s[1]).toBeCloseTo(0.25 / 0.75, 12);
  });

  it(`says the test blew up past ${BLOW_UP}× the lowest value so far, or on a non-finite value`, () => {
    const s = new LossSmoother();
    expect(s.blewUp(1)).toBe(false);
    expect(s.blewUp(0.5)).toBe(false);
    expect(s.blewUp(1.9)).toBe(false);
    expect(s.blewUp(2.1)).toBe(true);
    expect(new LossSmoother().blewUp(NaN)).toBe(true);
    expect(new LossSmoother().blewUp(Infinity)).toBe(true);
  });
});

describe('suggestRate', () => {
  const lrs = finderRates(1e-6, 10, 100);

  it.each([
    [1e-3, 1e-1],
    [1e-2, 1],
    [1e-4, 1e-2],
  ])('on a curve falling at %s and lowest near %s: a tenth of the minimum’s rate, and the fastest fall where it falls', (fallAt, lowAt) => {
    const losses = smoothLosses(curve(lrs, fallAt, lowAt));
    const s = suggestRate(lrs, losses);
    const minAt = losses.indexOf(Math.min(...losses));
    expect(s.minimum).toBe(lrs[minAt]);
    expect(s.lr).toBeCloseTo(lrs[minAt] / 10, 15);
    // The minimum lies between the fall and the blow-up; the fastest fall within half a decade
    // of the fall's centre (the smoothing lags a little).
    expect(s.minimum!).toBeGreaterThan(fallAt);
    expect(s.minimum!).toBeLessThan(lowAt * 3);
    expect(Math.abs(Math.log10(s.steepest!) - Math.log10(fallAt))).toBeLessThan(0.5);
  });

  it('suggests nothing when the loss never falls', () => {
    const rising = lrs.map((_, i) => 0.7 + i * 0.001);
    expect(suggestRate(lrs, rising)).toEqual({ lr: null, minimum: null, steepest: null });
    expect(suggestRate(lrs, lrs.map(() => 0.7)).lr).toBeNull();
    expect(suggestRate([], []).lr).toBeNull();
  });

  it('ignores the first points and survives a curve cut short by a blow-up', () => {
    // A low first value (the start says little) and a blow-up after 30 steps.
    const losses = [0.1, ...smoothLosses(curve(lrs, 1e-5, 1e-4)).slice(1, 30)];
    const s = suggestRate(lrs.slice(0, 30), losses);
    expect(s.lr).not.toBeNull();
    expect(s.minimum!).toBeGreaterThan(lrs[3]);
  });
});
