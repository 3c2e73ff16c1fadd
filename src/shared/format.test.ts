import { describe, expect, it } from 'vitest';
import { formatCount, formatFixed, formatLoss, formatMs, formatPercent, formatRate, formatSeconds, formatSig } from './format';

describe('format', () => {
  it('never shows NaN or Infinity', () => {
    for (const f of [formatLoss, formatPercent, formatSig, formatCount, formatMs, formatSeconds, formatRate]) {
      expect(f(NaN)).toBe('—');
      expect(f(Infinity)).toBe('—');
      expect(f(null)).toBe('—');
      expect(f(undefined)).toBe('—');
    }
  });
  it('losses: four decimals, scientific when tiny, readable by Number()', () => {
    expect(formatLoss(0.693147)).toBe('0.6931');
    expect(formatLoss(0)).toBe('0.0000');
    expect(formatLoss(12345.6789)).toBe('12345.6789');
    expect(formatLoss(0.000123456)).toBe('1.23e-4');
    expect(Number(formatLoss(0.000123456))).toBeCloseTo(0.000123, 6);
  });
  it('percentages', () => {
    expect(formatPercent(0.8125)).toBe('81.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.5, 0)).toBe('50%');
  });
  it('significant digits without trailing zeros', () => {
    expect(formatSig(0.03)).toBe('0.03');
    expect(formatSig(0.012345)).toBe('0.0123');
    expect(formatSig(1234.5)).toBe('1,230');
    expect(formatSig(0.5, 2)).toBe('0.5');
  });
  it('counts, fixed, durations and rates', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatFixed(1.25, 1)).toBe('1.3');
    expect(formatMs(3.456)).toBe('3.5 ms');
    expect(formatSeconds(1234)).toBe('1.2 s');
    expect(formatRate(4.26)).toBe('4.3');
    expect(formatRate(42.6)).toBe('43');
  });
});
