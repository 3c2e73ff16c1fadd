import { describe, it, expect } from 'vitest';
import { DATASETS, POINTS_KEYS, DOMAIN, type PointsKey } from '../shared/datasets';
import { generateDataset, type Points } from './generators';

function bits(a: Float32Array): number[] {
  return Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
}

/** Share of points a hand-written rule for the clean shape labels correctly. */
function ruleAccuracy(p: Points, rule: (x1: number, x2: number) => number): number {
  let ok = 0;
  for (let i = 0; i < p.n; i++) if (rule(p.x[2 * i], p.x[2 * i + 1]) === p.y[i]) ok++;
  return ok / p.n;
}

const RULES: Partial<Record<PointsKey, (x1: number, x2: number) => number>> = {
  circle: (a, b) => (Math.hypot(a, b) < 3 ? 1 : 0),
  xor: (a, b) => (a * b > 0 ? 0 : 1),
  gaussian: (a, b) => (a + b > 0 ? 0 : 1),
  blobs: (a, b) => {
    const d = [0, 1, 2].map((k) => {
      const t = Math.PI / 2 + (k * 2 * Math.PI) / 3;
      return Math.hypot(a - 3 * Math.cos(t), b - 3 * Math.sin(t));
    });
    return d.indexOf(Math.min(...d));
  },
};

describe('generateDataset', () => {
  for (const key of POINTS_KEYS) {
    describe(key, () => {
      it('is identical bit for bit for the same seed and differs across seeds', () => {
        const a = generateDataset(key, 300, 0.2, 5);
        const b = generateDataset(key, 300, 0.2, 5);
        const c = generateDataset(key, 300, 0.2, 6);
        expect(bits(a.x)).toEqual(bits(b.x));
        expect(bits(a.y)).toEqual(bits(b.y));
        expect(bits(a.x)).not.toEqual(bits(c.x));
      });

      it('has the right sizes and stays in the domain even at full noise', () => {
        const p = generateDataset(key, 501, 1, 3);
        expect(p.n).toBe(501);
        expect(p.x.length).toBe(1002);
        expect(p.y.length).toBe(501);
        for (const v of p.x) expect(Math.abs(v)).toBeLessThanOrEqual(DOMAIN);
        expect(Array.from(p.y).every(Number.isFinite)).toBe(true);
      });

      it('moves the same points when only the noise changes', () => {
        const a = generateDataset(key, 200, 0.1, 8);
        const b = generateDataset(key, 200, 0.2, 8);
        let moved = 0;
        let far = 0;
        for (let i = 0; i < a.x.length; i++) {
          const d = Math.abs(a.x[i] - b.x[i]) + Math.abs(a.y[i >> 1] - b.y[i >> 1]);
          if (d > 0) moved++;
          if (d > 2) far++;
        }
        expect(moved).toBeGreaterThan(0);
        expect(far).toBeLessThan(a.x.length * 0.02);
      });
    });
  }

  it('balances classes within one, including three blobs', () => {
    for (const key of POINTS_KEYS.filter((k) => DATASETS[k].problem === 'classification')) {
      for (const n of [20, 101, 500]) {
        const k = DATASETS[key].classes;
        const counts = new Array<number>(k).fill(0);
        for (const v of generateDataset(key, n, 0.3, 1).y) counts[v]++;
        expect(counts.reduce((s, c) => s + c, 0)).toBe(n);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('labels are separable when clean and overlap more as noise grows', () => {
    for (const [key, rule] of Object.entries(RULES) as [PointsKey, (a: number, b: number) => number][]) {
      const clean = ruleAccuracy(generateDataset(key, 1000, 0, 2), rule);
      const mild = ruleAccuracy(generateDataset(key, 1000, 0.1, 2), rule);
      const heavy = ruleAccuracy(generateDataset(key, 1000, 0.6, 2), rule);
      expect(clean, key).toBeGreaterThan(0.97);
      expect(mild, key).toBeGreaterThan(0.93);
      expect(heavy, key).toBeLessThan(mild - 0.03);
    }
  });

  it('clean circle keeps the disc and the ring apart', () => {
    const p = generateDataset('circle', 500, 0, 4);
    for (let i = 0; i < p.n; i++) {
      const r = Math.hypot(p.x[2 * i], p.x[2 * i + 1]);
      if (p.y[i] === 1) expect(r).toBeLessThanOrEqual(2.5 + 1e-5);
      else expect(r).toBeGreaterThanOrEqual(3.5 - 1e-5);
    }
  });

  it('regression targets follow the surface, with noise only on y', () => {
    const clean = generateDataset('plane', 300, 0, 9);
    const noisy = generateDataset('plane', 300, 0.5, 9);
    expect(bits(noisy.x)).toEqual(bits(clean.x));
    let sse = 0;
    for (let i = 0; i < clean.n; i++) {
      const [a, b] = [clean.x[2 * i], clean.x[2 * i + 1]];
      expect(clean.y[i]).toBeCloseTo((2 * a + b) / (3 * DOMAIN), 5);
      sse += (noisy.y[i] - clean.y[i]) ** 2;
    }
    const sd = Math.sqrt(sse / clean.n);
    expect(sd).toBeGreaterThan(0.2);
    expect(sd).toBeLessThan(0.3);
    for (const v of generateDataset('wave', 300, 0, 9).y) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });

  it('rejects a non-integer sample count', () => {
    expect(() => generateDataset('circle', 10.5, 0, 1)).toThrow(RangeError);
  });
});
