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
