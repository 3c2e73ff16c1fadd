// Builds the plain-data Table columns (see src/shared/table.ts) from JavaScript values: used by
// the built-in data sets, the CSV reader and tests. No parser and no data set is imported here.
import type { CategoricalColumn, Column, NumericColumn, Table } from '../../shared/table';

/** Cell texts that mean "no value" (compared trimmed and case-insensitively). */
export const MISSING_TOKENS: readonly string[] = ['', 'na', 'n/a', 'nan', 'null', '?', '.'];
const MISSING = new Set(MISSING_TOKENS);

export function isMissingText(s: string): boolean {
  return MISSING.has(s.trim().toLowerCase());
}

/** Whether a JavaScript value (from JSON or a parsed cell) stands for a missing value. */
export function isMissingValue(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'number') return !Number.isFinite(v);
  if (typeof v === 'string') return isMissingText(v);
  return false;
}

/** Sorts level names by UTF-16 code units: stable across browsers, locales and Node. */
export function compareLevels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function numericColumn(name: string, values: ArrayLike<number>): NumericColumn {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isFinite(v) ? v : NaN;
  }
  return { name, kind: 'numeric', values: out };
}

/** A categorical column from one text per row; null (or a missing token) marks a missing value. */
export function categoricalColumn(name: string, values: ArrayLike<string | null>): CategoricalColumn {
  const n = values.length;
  const clean: (string | null)[] = new Array(n);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const s = v === null || isMissingText(v) ? null : v.trim();
    clean[i] = s;
    if (s !== null) seen.add(s);
  }
  const levels = [...seen].sort(compareLevels);
  const index = new Map(levels.map((l, k) => [l, k]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = clean[i];
    codes[i] = s === null ? -1 : (index.get(s) as number);
  }
  return { name, kind: 'categorical', levels, codes };
}

/** How to read one column out of row objects. */
export interface ColumnSpec<R> {
  name: string;
  kind: Column['kind'];
  /** The cell of a row; defaults to row[name]. */
  get?: (row: R) => unknown;
}

function toNumber(v: unknown): number {
  if (isMissingValue(v)) return NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const x = Number(v.trim());
    return Number.isFinite(x) ? x : NaN;
  }
  return NaN;
}

/** A Table from an array of row objects (e.g. a JSON data set), one spec per column, in order. */
export function tableFromRows<R>(name: string, rows: readonly R[], specs: readonly ColumnSpec<R>[], notes: string[] = []): Table {
  const read = (spec: ColumnSpec<R>) => spec.get ?? ((row: R) => (row as Record<string, unknown>)[spec.name]);
  const columns: Column[] = specs.map((spec) => {
    const get = read(spec);
    if (spec.kind === 'numeric') return numericColumn(spec.name, rows.map((r) => toNumber(get(r))));
    return categoricalColumn(
      spec.name,
      rows.map((r) => {
        const v = get(r);
        return isMissingValue(v) ? null : String(v);
      }),
    );
  });
  return { name, rows: rows.length, columns, notes: [...notes] };
}

export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/** Whether row i of a column has a value. */
export function hasValue(col: Column, i: number): boolean {
  return col.kind === 'numeric' ? !Number.isNaN(col.values[i]) : col.codes[i] >= 0;
}
