import { describe, expect, it } from 'vitest';
import { canonicalSchedule, formatSchedule, isConstant, parseSchedule, rateAt, scheduleFactor } from './schedule';

const sched = (t: string) => {
  const p = parseSchedule(t);
  if (!p.ok) throw new Error(p.error);
  return p.value;
};

describe('learning-rate schedules', () => {
  it('constant keeps the base rate every epoch', () => {
    for (const e of [0, 1, 10, 1000]) expect(rateAt(0.1, 'constant', e)).toBe(0.1);
    expect(isConstant('constant')).toBe(true);
    expect(isConstant('cosine:10')).toBe(false);
  });

  it('step decay multiplies by the factor every E epochs', () => {
    const s = sched('step:100:0.5');
    expect(scheduleFactor(s, 0)).toBe(1);
    expect(scheduleFactor(s, 99)).toBe(1);
    expect(scheduleFactor(s, 100)).toBe(0.5);
    expect(scheduleFactor(s, 250)).toBe(0.25);
  });

  it('exponential decay multiplies by the factor each epoch', () => {
    expect(rateAt(1, 'exp:0.9', 0)).toBe(1);
    expect(rateAt(1, 'exp:0.9', 1)).toBeCloseTo(0.9, 12);
    expect(rateAt(1, 'exp:0.9', 10)).toBeCloseTo(0.9 ** 10, 12);
  });

  it('cosine falls from the base rate to 0 over T epochs and stays there', () => {
    expect(rateAt(0.2, 'cosine:100', 0)).toBe(0.2);
    expect(rateAt(0.2, 'cosine:100', 50)).toBeCloseTo(0.1, 12);
    expect(rateAt(0.2, 'cosine:100', 100)).toBe(0);
    expect(rateAt(0.2, 'cosine:100', 500)).toBe(0);
    // Monotone on the way down.
    for (let e = 1; e <= 100; e++) expect(rateAt(1, 'cosine:100', e)).toBeLessThanOrEqual(rateAt(1, 'cosine:100', e - 1));
  });

  it('warm-up rises linearly to the base rate, then the schedule counts from its end', () => {
    expect(rateAt(1, 'warmup:4+cosine:10', 0)).toBe(0.25);
    expect(rateAt(1, 'warmup:4+cosine:10', 3)).toBe(1);
    expect(rateAt(1, 'warmup:4+cosine:10', 4)).toBe(1);
    expect(rateAt(1, 'warmup:4+cosine:10', 9)).toBeCloseTo(0.5, 12);
    expect(rateAt(1, 'warmup:4', 1)).toBe(0.5);
    expect(rateAt(1, 'warmup:4', 40)).toBe(1);
    expect(rateAt(1, 'warmup:2+step:3:0.1', 5)).toBeCloseTo(0.1, 12);
  });

  it('reads what it writes, and refuses nonsense with a reason', () => {
    for (const t of ['constant', 'step:100:0.5', 'exp:0.99', 'cosine:500', 'warmup:20+cosine:500', 'warmup:5', 'warmup:3+step:10:0.1']) {
      expect(formatSchedule(sched(t))).toBe(t);
    }
    expect(canonicalSchedule(' Cosine:500 ')).toBe('cosine:500');
    expect(canonicalSchedule('warmup:5+constant')).toBe('warmup:5');
    expect(canonicalSchedule('')).toBe('constant');
    const bad: [string, string][] = [
      ['cosine', 'form'],
      ['cosine:0', 'epochs'],
      ['cosine:1.5', 'epochs'],
      ['step:10', 'form'],
      ['step:0:0.5', 'every'],
      ['step:10:2', 'factor'],
      ['step:10:0', 'factor'],
      ['exp:1.1', 'gamma'],
      ['warmup:0+cosine:10', 'warmup'],
      ['cosine:10+warmup:5', 'form'],
      ['warmup:5+cosine:10+exp:0.9', 'form'],
      ['linear:5', 'form'],
    ];
    for (const [t, why] of bad) expect(parseSchedule(t)).toEqual({ ok: false, error: why });
  });
});
