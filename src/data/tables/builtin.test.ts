import { describe, expect, it } from 'vitest';
import { BUILTIN_TABLE_KEYS, BUILTIN_TABLES } from '../../shared/builtinTables';
import type { CategoricalColumn, NumericColumn, Table } from '../../shared/table';
import { loadBuiltinTable } from './builtin';
import { encodeTable } from './encode';
import { validateTask } from './validate';

const OPTS = { trainPct: 70, valPct: 15, seed: 1 };

function col(t: Table, name: string) {
  const c = t.columns.find((k) => k.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
}

function missing(t: Table, name: string): number {
  const c = col(t, name);
  return c.kind === 'numeric' ? c.values.filter(Number.isNaN).length : c.codes.filter((k) => k < 0).length;
}

describe('built-in tables', () => {
  it('iris: 150 rows, 4 measurements and the species', async () => {
    const t = await loadBuiltinTable('iris');
    expect(t.rows).toBe(150);
    expect(t.columns.map((c) => c.kind)).toEqual(['numeric', 'numeric', 'numeric', 'numeric', 'categorical']);
    expect((col(t, 'Species') as CategoricalColumn).levels).toEqual(['setosa', 'versicolor', 'virginica']);
    expect((t.columns[0] as NumericColumn).values[0]).toBeCloseTo(5.1, 9);
    expect(t.columns.every((c) => missing(t, c.name) === 0)).toBe(true);
  });

  it('penguins: 344 rows, some with missing values', async () => {
    const t = await loadBuiltinTable('penguins');
    expect(t.rows).toBe(344);
    expect(t.columns.map((c) => `${c.name}:${c.kind}`)).toEqual([
      'Species:categorical',
      'Island:categorical',
      'Beak Length (mm):numeric',
      'Beak Depth (mm):numeric',
      'Flipper Length (mm):numeric',
      'Body Mass (g):numeric',
      'Sex:categorical',
    ]);
    expect((col(t, 'Species') as CategoricalColumn).levels).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect((col(t, 'Island') as CategoricalColumn).levels).toEqual(['Biscoe', 'Dream', 'Torgersen']);
    // Missing sex is null or "." in the source: neither becomes a level.
    expect((col(t, 'Sex') as CategoricalColumn).levels).toEqual(['FEMALE', 'MALE']);
    expect(missing(t, 'Sex')).toBeGreaterThan(0);
    expect(missing(t, 'Beak Length (mm)')).toBeGreaterThan(0);
  });

  it('cars: 406 rows, Name left out with a note, Year as a number', async () => {
    const t = await loadBuiltinTable('cars');
    expect(t.rows).toBe(406);
    expect(t.columns.map((c) => c.name)).toEqual(['Miles_per_Gallon', 'Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Year', 'Origin']);
    expect(t.notes.join(' ')).toContain('"Name"');
    const year = (col(t, 'Year') as NumericColumn).values;
    expect(year[0]).toBe(1970);
    expect(Math.min(...year)).toBe(1970);
    expect(Math.max(...year)).toBe(1982);
    expect((col(t, 'Origin') as CategoricalColumn).levels).toEqual(['Europe', 'Japan', 'USA']);
    expect(missing(t, 'Miles_per_Gallon')).toBeGreaterThan(0);
  });

  it.each(BUILTIN_TABLE_KEYS)('%s: its default task is valid and encodes', async (key) => {
    const t = await loadBuiltinTable(key);
    const info = BUILTIN_TABLES[key];
    const task = { target: info.target, problem: info.problem };
    expect(validateTask(t, task)).toBeNull();
    const enc = encodeTable(t, task, OPTS);
    expect(enc.n + enc.dropped).toBe(t.rows);
    expect(enc.x.length).toBe(enc.n * enc.inputNames.length);
    expect([...enc.x].every(Number.isFinite)).toBe(true);
    expect(enc.split.train.length + enc.split.val.length + enc.split.test.length).toBe(enc.n);
    if (info.problem === 'regression') expect(enc.classes).toBe(1);
  });

  it('penguins species: 3 classes, incomplete rows dropped and reported', async () => {
    const t = await loadBuiltinTable('penguins');
    const enc = encodeTable(t, { target: 'Species', problem: 'classification' }, OPTS);
    expect(enc.classes).toBe(3);
    expect(enc.classNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(enc.dropped).toBeGreaterThan(0);
    expect(enc.n).toBe(344 - enc.dropped);
    expect(enc.inputNames).toContain('Island = Biscoe');
    expect(enc.inputNames).toContain('Sex = MALE');
  });

  it('cars: miles per gallon comes back in its own units', async () => {
    const t = await loadBuiltinTable('cars');
    const enc = encodeTable(t, { target: 'Miles_per_Gallon', problem: 'regression' }, OPTS);
    expect(enc.sourceColumns).not.toContain('Name');
    expect(enc.stats.target?.mean).toBeGreaterThan(15);
    expect(enc.stats.target?.mean).toBeLessThan(35);
  });

  it('loads a fresh copy each time', async () => {
    const [a, b] = await Promise.all([loadBuiltinTable('iris'), loadBuiltinTable('iris')]);
    expect(a.columns[0]).not.toBe(b.columns[0]);
    expect((a.columns[0] as NumericColumn).values.buffer).not.toBe((b.columns[0] as NumericColumn).values.buffer);
  });
});
