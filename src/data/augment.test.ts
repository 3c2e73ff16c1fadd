import { describe, expect, it } from 'vitest';
import { generateDataset } from './generators';
import { augmentPoints, isAugmenting, SYMMETRIES } from './augment';
import { mulberry32 } from './random';
import type { PointsKey } from '../shared/datasets';

describe('augmentPoints', () => {
  it('is the identity when off, and returns a new array (the input is never touched)', () => {
    const p = generateDataset('circle', 50, 0.1, 3);
    const before = p.x.slice();
    const out = augmentPoints(p.x, { jitter: 0, symmetry: false }, 'circle', mulberry32(1));
    expect(out).not.toBe(p.x);
    expect(Array.from(out)).toEqual(Array.from(p.x));
    augmentPoints(p.x, { jitter: 0.5, symmetry: true }, 'circle', mulberry32(1));
    expect(Array.from(p.x)).toEqual(Array.from(before));
  });

  it('jitters with about the asked σ, freshly for each draw', () => {
    const p = generateDataset('gaussian', 2000, 0, 3);
    const rand = mulberry32(7);
    const a = augmentPoints(p.x, { jitter: 0.3, symmetry: false }, 'gaussian', rand);
    const b = augmentPoints(p.x, { jitter: 0.3, symmetry: false }, 'gaussian', rand);
    let sq = 0;
    for (let i = 0; i < a.length; i++) sq += (a[i] - p.x[i]) ** 2;
    expect(Math.sqrt(sq / a.length)).toBeGreaterThan(0.25);
    expect(Math.sqrt(sq / a.length)).toBeLessThan(0.35);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  const labelOf: Record<string, (x: number, y: number) => number> = {
    circle: (x, y) => (Math.hypot(x, y) < 3 ? 1 : 0),
    xor: (x, y) => (x * y > 0 ? 0 : 1),
    gaussian: (x, y) => (x + y > 0 ? 0 : 1),
  };
  for (const key of Object.keys(labelOf) as PointsKey[]) {
    it(`${key}: its symmetry (${SYMMETRIES[key]!.label}) keeps every clean point's label`, () => {
      const p = generateDataset(key, 400, 0, 5);
      const out = augmentPoints(p.x, { jitter: 0, symmetry: true }, key, mulberry32(2));
      let moved = 0;
      for (let i = 0; i < p.n; i++) {
        expect(labelOf[key](out[2 * i], out[2 * i + 1])).toBe(labelOf[key](p.x[2 * i], p.x[2 * i + 1]));
        if (out[2 * i] !== p.x[2 * i] || out[2 * i + 1] !== p.x[2 * i + 1]) moved++;
      }
      expect(moved).toBeGreaterThan(p.n / 4);
    });
  }

  it('sets without a symmetry only jitter', () => {
    expect(SYMMETRIES.spiral).toBeUndefined();
    expect(isAugmenting({ jitter: 0, symmetry: true }, 'spiral')).toBe(false);
    expect(isAugmenting({ jitter: 0, symmetry: true }, 'circle')).toBe(true);
    expect(isAugmenting({ jitter: 0.1, symmetry: false }, 'spiral')).toBe(true);
  });
});
