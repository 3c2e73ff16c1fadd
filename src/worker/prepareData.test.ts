import { describe, expect, it } from 'vitest';
import { FEATURE_SCALE } from '../data/features';
import { DEFAULT_CONFIG, FEATURES, type FeatureKey } from '../shared/config';
import { DATASETS, GRID_RESOLUTION, type DatasetKey } from '../shared/datasets';
import { prepareData, type DataSettings } from './prepareData';

const base: DataSettings = { ...DEFAULT_CONFIG, samples: 200 };

describe('prepareData', () => {
  it('splits the points by the requested shares', () => {
    for (const [n, tr, va] of [
      [200, 50, 25],
      [333, 60, 25],
      [50, 90, 5],
      [1000, 10, 80],
    ]) {
      for (const dataset of ['circle', 'blobs', 'wave'] as DatasetKey[]) {
        const { data, points, split } = prepareData({ ...base, dataset, samples: n, trainPct: tr, valPct: va });
        const label = `${dataset} n=${n} ${tr}/${va}`;
        expect(points.n, label).toBe(n);
        expect(data.train.n, label).toBe(Math.round((n * tr) / 100));
        expect(data.val.n, label).toBe(Math.round((n * va) / 100));
        expect(data.train.n + data.val.n + data.test.n, label).toBe(n);
        expect(split.train.length).toBe(data.train.n);
        expect(split.val.length).toBe(data.val.n);
        expect(split.test.length).toBe(data.test.n);
        for (const part of [data.train, data.val, data.test]) {
          expect(part.x).toHaveLength(part.n * data.inputs);
          expect(part.y).toHaveLength(part.n);
        }
        expect(data.classes, label).toBe(DATASETS[dataset].classes);
      }
    }
  });

  it('has one input per feature and a grid of GRID_RESOLUTION² rows', () => {
    const subsets: FeatureKey[][] = [['x1'], ['x1', 'x2'], ['x1sq', 'x2sq', 'x1x2'], [...FEATURES]];
    for (const features of subsets) {
      const { data } = prepareData({ ...base, features });
      expect(data.inputs).toBe(features.length);
      expect(data.grid).toHaveLength(GRID_RESOLUTION * GRID_RESOLUTION * features.length);
      expect(data.train.x).toHaveLength(data.train.n * features.length);
      expect(data.grid.every(Number.isFinite)).toBe(true);
    }
  });

  it('rows of each split are the featurized points of that split, with their labels', () => {
    const features: FeatureKey[] = ['x1', 'x2', 'x1x2', 'sinx1'];
    const { data, points, split } = prepareData({ ...base, features });
    const w = features.length;
    for (const [part, idx] of [
      [data.train, split.train],
      [data.val, split.val],
      [data.test, split.test],
    ] as const) {
      idx.forEach((p, row) => {
        const r1 = points.x[2 * p];
        const r2 = points.x[2 * p + 1];
        const s1 = r1 / FEATURE_SCALE;
        const s2 = r2 / FEATURE_SCALE;
        const expected = [s1, s2, s1 * s2, Math.sin(r1)];
        expected.forEach((e, j) => expect(part.x[row * w + j]).toBeCloseTo(e, 5));
        expect(part.y[row]).toBe(points.y[p]);
      });
    }
  });

  it('the grid rows match the training featurization: first cell top-left, last bottom-right', () => {
    const { data } = prepareData({ ...base, features: ['x1', 'x2'] });
    const cell = 12 / GRID_RESOLUTION;
    const first = [(-6 + cell / 2) / FEATURE_SCALE, (6 - cell / 2) / FEATURE_SCALE];
    const last = [(6 - cell / 2) / FEATURE_SCALE, (-6 + cell / 2) / FEATURE_SCALE];
    expect(data.grid[0]).toBeCloseTo(first[0], 5);
    expect(data.grid[1]).toBeCloseTo(first[1], 5);
    expect(data.grid.at(-2)!).toBeCloseTo(last[0], 5);
    expect(data.grid.at(-1)!).toBeCloseTo(last[1], 5);
  });

  it('is reproducible from the seed and changes with it', () => {
    const a = prepareData(base);
    const b = prepareData(base);
    expect(b.data.train.x).toEqual(a.data.train.x);
    expect(b.data.val.y).toEqual(a.data.val.y);
    const c = prepareData({ ...base, seed: base.seed + 1 });
    expect(c.data.train.x).not.toEqual(a.data.train.x);
  });
});
