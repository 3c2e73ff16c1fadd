import { describe, expect, it } from 'vitest';
import { gridCoordinates } from '../features';
import { DOMAIN } from '../../shared/datasets';
import type { NumericColumn, Table } from '../../shared/table';
import { tableFromRows } from './columns';
import { encodeTable, SLICE_Z, sliceAxes, sliceGrid, slicePoints, toOriginalTarget, type EncodedTable } from './encode';

const OPTS = { trainPct: 60, valPct: 20, seed: 7 };

function column(enc: EncodedTable, j: number, idx: Int32Array): number[] {
  const w = enc.inputNames.length;
  return Array.from(idx, (r) => enc.x[r * w + j]);
}

function meanStd(v: number[]): { mean: number; std: number } {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return { mean, std: Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length) };
}

function regressionTable(n: number, extreme?: Set<number>): Table {
  const rows = Array.from({ length: n }, (_, i) => ({ a: extreme?.has(i) ? 1e4 + i : Math.sin(i) * 5 + 10, y: 2 * i + 1 }));
  return tableFromRows('reg', rows, [
    { name: 'a', kind: 'numeric' },
    { name: 'y', kind: 'numeric' },
  ]);
}

describe('encodeTable: standardization', () => {
  it('uses the training rows only', () => {
    const task = { target: 'y', problem: 'regression' as const };
    const first = encodeTable(regressionTable(100), task, OPTS);
    const heldOut = new Set([...first.split.val, ...first.split.test]);
    const table = regressionTable(100, heldOut);
    const enc = encodeTable(table, task, OPTS);
    // The split depends on the labels and the seed only, so held-out rows are the extreme ones.
    expect([...enc.split.train]).toEqual([...first.split.train]);

    const a = (table.columns[0] as NumericColumn).values;
    const trainRaw = meanStd(Array.from(enc.split.train, (r) => a[r]));
    expect(enc.stats.mean[0]).toBeCloseTo(trainRaw.mean, 10);
    expect(enc.stats.std[0]).toBeCloseTo(trainRaw.std, 10);
    expect(enc.stats.mean[0]).toBeCloseTo(first.stats.mean[0], 10);

    const train = meanStd(column(enc, 0, enc.split.train));
    expect(train.mean).toBeCloseTo(0, 5);
    expect(train.std).toBeCloseTo(1, 5);
    expect(meanStd(column(enc, 0, enc.split.val)).mean).toBeGreaterThan(100);

    // The regression target too, and its original units come back.
    const yTrain = Array.from(enc.split.train, (r) => 2 * r + 1);
    expect(enc.stats.target?.mean).toBeCloseTo(meanStd(yTrain).mean, 10);
    expect(meanStd(Array.from(enc.split.train, (r) => enc.y[r])).mean).toBeCloseTo(0, 5);
    for (const r of [0, 50, 99]) expect(toOriginalTarget(enc, enc.y[r])).toBeCloseTo(2 * r + 1, 3);
    expect(toOriginalTarget(enc.stats, 0)).toBeCloseTo(meanStd(yTrain).mean, 10);
  });

  it('stores std 1 for a constant column', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ c: 5, y: i }));
    const enc = encodeTable(tableFromRows('t', rows, [{ name: 'c', kind: 'numeric' }, { name: 'y', kind: 'numeric' }]), { target: 'y', problem: 'regression' }, OPTS);
    expect(enc.stats.std[0]).toBe(1);
    expect([...enc.x].every((v) => v === 0)).toBe(true);
  });
});

const animals = [
  { w: 1, where: 'Biscoe', sex: 'F', kind: 'cat' },
  { w: 2, where: 'Dream', sex: 'M', kind: 'dog' },
  { w: 3, where: 'Biscoe', sex: null, kind: 'cat' },
  { w: null, where: 'Torgersen', sex: 'M', kind: 'dog' },
  { w: 5, where: 'Dream', sex: 'F', kind: 'cat' },
  { w: 6, where: 'Torgersen', sex: 'M', kind: 'bird' },
  { w: 7, where: 'Biscoe', sex: 'F', kind: 'dog' },
  { w: 8, where: null, sex: 'M', kind: 'cat' },
  { w: 9, where: 'Dream', sex: 'F', kind: 'dog' },
  { w: 10, where: 'Biscoe', sex: 'M', kind: 'bird' },
  { w: 11, where: 'Dream', sex: 'F', kind: null },
  { w: 12, where: 'Torgersen', sex: 'F', kind: 'bird' },
];
const animalTable = tableFromRows('animals', animals, [
  { name: 'w', kind: 'numeric' },
  { name: 'where', kind: 'categorical' },
  { name: 'sex', kind: 'categorical' },
  { name: 'kind', kind: 'categorical' },
]);

describe('encodeTable: categories and missing values', () => {
  const enc = encodeTable(animalTable, { target: 'kind', problem: 'classification' }, { trainPct: 50, valPct: 25, seed: 3 });

  it('one-hot encodes categorical inputs over the table levels', () => {
    expect(enc.sourceColumns).toEqual(['w', 'where', 'sex']);
    expect(enc.inputNames).toEqual(['w', 'where = Biscoe', 'where = Dream', 'where = Torgersen', 'sex = F', 'sex = M']);
    expect(enc.numericInputs).toEqual([0]);
    expect(enc.stats.levels).toEqual({ where: ['Biscoe', 'Dream', 'Torgersen'], sex: ['F', 'M'] });
    expect(enc.classNames).toEqual(['bird', 'cat', 'dog']);
    expect(enc.classes).toBe(3);
    const w = enc.inputNames.length;
    for (let r = 0; r < enc.n; r++) {
      const src = animals[enc.rowIndex[r]];
      const oneHot = Array.from(enc.x.subarray(r * w + 1, r * w + w));
      expect(oneHot.every((v) => v === 0 || v === 1)).toBe(true);
      expect(oneHot.slice(0, 3)).toEqual(['Biscoe', 'Dream', 'Torgersen'].map((l) => (l === src.where ? 1 : 0)));
      expect(oneHot.slice(3)).toEqual(['F', 'M'].map((l) => (l === src.sex ? 1 : 0)));
      expect(enc.classNames[enc.y[r]]).toBe(src.kind);
    }
    // One-hot inputs are not standardized; their "mean" is the training frequency.
    const trainBiscoe = Array.from(enc.split.train, (r) => (animals[enc.rowIndex[r]].where === 'Biscoe' ? 1 : 0) as number);
    expect(enc.stats.mean[1]).toBeCloseTo(trainBiscoe.reduce((a, b) => a + b, 0) / trainBiscoe.length, 6);
  });

  it('drops rows with a missing value in any used column, from every split', () => {
    // Rows 2 (sex), 3 (w), 7 (where) and 10 (kind) miss a value.
    expect(enc.dropped).toBe(4);
    expect(enc.filtered).toBe(0);
    expect(enc.n).toBe(8);
    expect([...enc.rowIndex]).toEqual([0, 1, 4, 5, 6, 8, 9, 11]);
    const all = [...enc.split.train, ...enc.split.val, ...enc.split.test].sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(enc.x.length).toBe(8 * enc.inputNames.length);
    expect([...enc.x].every(Number.isFinite)).toBe(true);
  });

  it('keeps rows missing only an unused column', () => {
    const e = encodeTable(animalTable, { target: 'kind', problem: 'classification', inputs: ['w', 'where'] }, OPTS);
    expect(e.dropped).toBe(3);
    expect(e.n).toBe(9);
  });

  it('filters rows with `where` and counts them apart', () => {
    const e = encodeTable(animalTable, { target: 'kind', problem: 'classification', inputs: ['w'], where: { column: 'kind', levels: ['cat', 'dog'] } }, OPTS);
    expect(e.filtered).toBe(4); // 3 birds and the row with no kind
    expect(e.dropped).toBe(1); // the dog with no w
    expect(e.classNames).toEqual(['cat', 'dog']);
    expect(e.n).toBe(7);
  });

  it('reuses given stats as-is', () => {
    const other = tableFromRows('more', animals.slice(0, 10).map((r) => ({ ...r, w: r.w === null ? null : r.w * 10 })), [
      { name: 'kind', kind: 'categorical' },
      { name: 'sex', kind: 'categorical' },
      { name: 'where', kind: 'categorical' },
      { name: 'w', kind: 'numeric' },
    ]);
    const again = encodeTable(other, { target: 'kind', problem: 'classification', where: { column: 'where', levels: ['Biscoe', 'Dream'] } }, { ...OPTS, stats: enc.stats });
    expect(again.stats).toBe(enc.stats);
    expect(again.inputNames).toEqual(enc.inputNames);
    expect(again.sourceColumns).toEqual(enc.sourceColumns);
    expect(again.classNames).toEqual(['bird', 'cat', 'dog']);
    expect(again.classes).toBe(3);
    const w = again.inputNames.length;
    for (let r = 0; r < again.n; r++) {
      const raw = (other.columns[3] as NumericColumn).values[again.rowIndex[r]];
      expect(again.x[r * w]).toBeCloseTo((raw - enc.stats.mean[0]) / enc.stats.std[0], 5);
      expect(again.x[r * w + 3]).toBe(0); // Torgersen filtered out
    }
  });

  it('refuses a class the given stats do not know', () => {
    const stats = { ...enc.stats, classNames: ['cat', 'dog'] };
    expect(() => encodeTable(animalTable, { target: 'kind', problem: 'classification' }, { ...OPTS, stats })).toThrow('"kind" has the class "bird", which the trained model does not know.');
    const noW = tableFromRows('t', animals, [{ name: 'kind', kind: 'categorical' }, { name: 'where', kind: 'categorical' }, { name: 'sex', kind: 'categorical' }]);
    expect(() => encodeTable(noW, { target: 'kind', problem: 'classification' }, { ...OPTS, stats: enc.stats })).toThrow('The table has no column "w", which the trained model uses as an input.');
  });
});

describe('the decision-boundary slice', () => {
  const rows = Array.from({ length: 40 }, (_, i) => ({ p: i, q: (i * 7) % 13, r: Math.cos(i), c: ['u', 'v', 'v', 'w'][i % 4], y: i % 2 ? 'yes' : 'no' }));
  const table = tableFromRows('s', rows, [
    { name: 'p', kind: 'numeric' },
    { name: 'c', kind: 'categorical' },
    { name: 'q', kind: 'numeric' },
    { name: 'r', kind: 'numeric' },
    { name: 'y', kind: 'categorical' },
  ]);
  const enc = encodeTable(table, { target: 'y', problem: 'classification' }, OPTS);
  const a = enc.inputNames.indexOf('q');
  const b = enc.inputNames.indexOf('p');
  const w = enc.inputNames.length;

  it('lays cells out like gridCoordinates, other inputs at their training mean', () => {
    expect(enc.inputNames).toEqual(['p', 'c = u', 'c = v', 'c = w', 'q', 'r']);
    const res = 5;
    const grid = sliceGrid(enc, a, b, res);
    expect(grid.length).toBe(res * res * w);
    const coords = gridCoordinates(res);
    for (let i = 0; i < res * res; i++) {
      const cell = grid.subarray(i * w, (i + 1) * w);
      expect(cell[a]).toBeCloseTo((coords[2 * i] * SLICE_Z) / DOMAIN, 6);
      expect(cell[b]).toBeCloseTo((coords[2 * i + 1] * SLICE_Z) / DOMAIN, 6);
      expect(cell[5]).toBe(0); // r: standardized, so its training mean is 0
      for (const j of [1, 2, 3]) expect(cell[j]).toBeCloseTo(enc.stats.mean[j], 6);
    }
    // Row 0 is the top (largest b), columns run left to right (a ascending), cell centres.
    const first = grid.subarray(0, w);
    expect(first[a]).toBeCloseTo(-SLICE_Z + SLICE_Z / res, 6);
    expect(first[b]).toBeCloseTo(SLICE_Z - SLICE_Z / res, 6);
    expect(grid[(res - 1) * w + a]).toBeGreaterThan(0);
    expect(grid[res * w + b]).toBeLessThan(first[b]);
    // The one-hot "means" are training frequencies of u, v and w, summing to 1.
    expect(enc.stats.mean[1] + enc.stats.mean[2] + enc.stats.mean[3]).toBeCloseTo(1, 6);
    expect(enc.stats.mean[2]).toBeGreaterThan(enc.stats.mean[1]);
  });

  it('places the rows in plot units and gives the axes in column units', () => {
    const pts = slicePoints(enc, a, b);
    expect(pts.length).toBe(2 * enc.n);
    for (const r of [0, 13, 39]) {
      expect(pts[2 * r]).toBeCloseTo((enc.x[r * w + a] * DOMAIN) / SLICE_Z, 5);
      expect(pts[2 * r + 1]).toBeCloseTo((enc.x[r * w + b] * DOMAIN) / SLICE_Z, 5);
    }
    const axes = sliceAxes(enc, a, b);
    expect(axes.x.name).toBe('q');
    expect(axes.y.name).toBe('p');
    expect(axes.y.min).toBeCloseTo(enc.stats.mean[b] - SLICE_Z * enc.stats.std[b], 9);
    expect(axes.y.max).toBeCloseTo(enc.stats.mean[b] + SLICE_Z * enc.stats.std[b], 9);
    // A row's raw value sits where the axis says it should.
    const r = 13;
    const frac = (pts[2 * r + 1] + DOMAIN) / (2 * DOMAIN);
    expect(axes.y.min + frac * (axes.y.max - axes.y.min)).toBeCloseTo(rows[enc.rowIndex[r]].p, 4);
  });

  it('refuses a one-hot input as an axis', () => {
    expect(() => sliceGrid(enc, 1, b, 4)).toThrow(RangeError);
    expect(() => slicePoints(enc, a, a)).toThrow(RangeError);
  });
});
