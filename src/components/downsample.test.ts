import { describe, expect, it } from 'vitest';
import { downsample } from './downsample';

describe('downsample', () => {
  it('returns short series unchanged', () => {
    expect(downsample([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });
  it('thins long series to about max points, keeping the first and last', () => {
    const xs = Array.from({ length: 1001 }, (_, i) => i);
    const out = downsample(xs, 100);
    expect(out.length).toBeLessThanOrEqual(101);
    expect(out.length).toBeGreaterThan(50);
    expect(out[0]).toBe(0);
    expect(out.at(-1)).toBe(1000);
    expect(out).toEqual([...out].sort((a, b) => a - b));
  });
});

describe('downsample keeps the shape', () => {
  const noisy = (n: number) => Array.from({ length: n }, (_, i) => 1 + 0.01 * Math.sin(i * 1.7));

  it('a single spike survives, wherever it is', () => {
    for (const at of [1, 137, 500, 998]) {
      const xs = noisy(1000);
      xs[at] = 50;
      const out = downsample(xs, 100);
      expect(out.length).toBeLessThanOrEqual(100);
      expect(Math.max(...out)).toBe(50);
    }
  });

  it('the global minimum survives, and so does every range’s extreme', () => {
    const xs = Array.from({ length: 5000 }, (_, i) => 2 + Math.sin(i / 40) + 0.1 * Math.sin(i * 3.1));
    xs[3217] = -7;
    const out = downsample(xs, 200);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(Math.min(...out)).toBe(-7);
    expect(Math.max(...out)).toBe(Math.max(...xs));
  });

  it('keeps the original order, first and last, and reads objects through `value`', () => {
    const rows = Array.from({ length: 2001 }, (_, i) => ({ epoch: i, loss: i === 1234 ? 9 : 1 / (i + 1) }));
    const out = downsample(rows, 50, (r) => r.loss);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out[0].epoch).toBe(0);
    expect(out.at(-1)!.epoch).toBe(2000);
    expect(out.map((r) => r.epoch)).toEqual([...out.map((r) => r.epoch)].sort((a, b) => a - b));
    expect(out.some((r) => r.epoch === 1234)).toBe(true);
  });

  it('non-finite values are never picked as extremes, and a range of them still shows', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => (i >= 400 && i < 420 ? NaN : 1 + i / 1000));
    const out = downsample(xs, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.filter((v) => Number.isNaN(v)).length).toBeLessThanOrEqual(2);
    expect(Math.min(...out.filter(Number.isFinite))).toBe(1);
  });
});
