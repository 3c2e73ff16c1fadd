import { describe, it, expect } from 'vitest';
import { gaussian, hashSeed, mulberry32, shuffleInPlace } from './random';

function take(rand: () => number, k: number): number[] {
  return Array.from({ length: k }, () => rand());
}

describe('mulberry32', () => {
  it('repeats bit for bit for the same seed and differs across seeds', () => {
    expect(take(mulberry32(42), 50)).toEqual(take(mulberry32(42), 50));
    expect(take(mulberry32(42), 50)).not.toEqual(take(mulberry32(43), 50));
  });

  it('stays in [0, 1) and looks uniform', () => {
    const xs = take(mulberry32(7), 20000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });
});

describe('hashSeed', () => {
  it('is a deterministic uint32', () => {
    const h = hashSeed(1, 'circle');
    expect(h).toBe(hashSeed(1, 'circle'));
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
  });

  it('separates salts, seeds, types and part boundaries', () => {
    const hs = [
      hashSeed(1, 'circle'),
      hashSeed(1, 'xor'),
      hashSeed(2, 'circle'),
      hashSeed(1),
      hashSeed('1'),
      hashSeed('ab'),
      hashSeed('a', 'b'),
      hashSeed(1.5),
    ];
    expect(new Set(hs).size).toBe(hs.length);
  });

  it('gives streams that do not correlate for neighbouring seeds', () => {
    const a = take(mulberry32(hashSeed(1, 's')), 2000);
    const b = take(mulberry32(hashSeed(2, 's')), 2000);
    let cov = 0;
    for (let i = 0; i < a.length; i++) cov += (a[i] - 0.5) * (b[i] - 0.5);
    const corr = cov / a.length / (1 / 12);
    expect(Math.abs(corr)).toBeLessThan(0.1);
  });
});

describe('gaussian', () => {
  it('has mean ~0 and variance ~1', () => {
    const rand = mulberry32(3);
    const xs = Array.from({ length: 20000 }, () => gaussian(rand));
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(xs.every(Number.isFinite)).toBe(true);
  });
});

describe('shuffleInPlace', () => {
  it('permutes arrays and Int32Arrays deterministically', () => {
    const a = Array.from({ length: 30 }, (_, i) => i);
    const b = Int32Array.from(a);
    shuffleInPlace(a, mulberry32(9));
    shuffleInPlace(b, mulberry32(9));
    expect(Array.from(b)).toEqual(a);
    expect(a).not.toEqual([...a].sort((x, y) => x - y));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('reaches every position for the first element', () => {
    const seen = new Set<number>();
    const rand = mulberry32(11);
    for (let t = 0; t < 500; t++) {
      const a = [0, 1, 2, 3, 4];
      shuffleInPlace(a, rand);
      seen.add(a.indexOf(0));
    }
    expect(seen.size).toBe(5);
  });
});
