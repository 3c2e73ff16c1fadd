import { describe, it, expect } from 'vitest';
import { FEATURES } from '../shared/config';
import { DOMAIN } from '../shared/datasets';
import { featurize, FEATURE_SCALE, gatherRows, gatherValues, gridCoordinates, gridInputs } from './features';

describe('featurize', () => {
  it('computes every feature on a hand-worked point', () => {
    // Point (3, -1.5): scaled (1, -0.5).
    const out = featurize(Float32Array.from([3, -1.5]), 1, FEATURES);
    const want = [1, -0.5, 1, 0.25, -0.5, Math.sin(3), Math.sin(-1.5)];
    expect(FEATURE_SCALE).toBe(3);
    expect(out.length).toBe(7);
    want.forEach((v, j) => expect(out[j]).toBeCloseTo(v, 6));
  });

  it('lays rows out row-major in the requested feature order', () => {
    const x = Float32Array.from([6, 0, -6, 3]);
    expect(Array.from(featurize(x, 2, ['x2', 'x1sq']))).toEqual([0, 4, 1, 4]);
    expect(Array.from(featurize(x, 2, ['x1x2', 'x1']))).toEqual([0, 2, -2, -2]);
  });

  it('rejects too few coordinates', () => {
    expect(() => featurize(new Float32Array(3), 2, ['x1'])).toThrow(RangeError);
  });
});

describe('gather', () => {
  it('picks rows and values by index, in index order', () => {
    const m = Float32Array.from([0, 1, 10, 11, 20, 21, 30, 31]);
    const idx = Int32Array.from([3, 0, 2]);
    expect(Array.from(gatherRows(m, 2, idx))).toEqual([30, 31, 0, 1, 20, 21]);
    expect(Array.from(gatherValues(Float32Array.from([5, 6, 7, 8]), idx))).toEqual([8, 5, 7]);
  });
});

describe('grid', () => {
  it('puts row 0 at the top and x1 ascending along a row, at cell centres', () => {
    const res = 4;
    const g = gridCoordinates(res);
    const half = DOMAIN / res; // half a cell
    const at = (r: number, c: number) => [g[2 * (r * res + c)], g[2 * (r * res + c) + 1]];
    expect(at(0, 0)).toEqual([-DOMAIN + half, DOMAIN - half]);
    expect(at(0, res - 1)).toEqual([DOMAIN - half, DOMAIN - half]);
    expect(at(res - 1, 0)).toEqual([-DOMAIN + half, -DOMAIN + half]);
    expect(at(res - 1, res - 1)).toEqual([DOMAIN - half, -DOMAIN + half]);
  });

  it('featurizes the grid with the same transformation as the points', () => {
    const res = 3;
    const inputs = gridInputs(res, ['x1', 'x2', 'x1x2']);
    expect(inputs.length).toBe(res * res * 3);
    // Top-left cell centre is (-4, 4); the middle cell is the origin.
    expect(Array.from(inputs.subarray(0, 3)).map((v) => +v.toFixed(5))).toEqual([-4 / 3, 4 / 3, -16 / 9].map((v) => +v.toFixed(5)));
    expect(Array.from(inputs.subarray(12, 15))).toEqual([0, 0, 0]);
    expect(inputs).toEqual(featurize(gridCoordinates(res), res * res, ['x1', 'x2', 'x1x2']));
  });
});
