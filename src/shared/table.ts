// Plain-data tables: the built-in real data sets and uploaded CSV files, as they travel between
// the page and the workers (typed arrays, transferable; no tensors, no parser objects).
import type { Problem } from './datasets';

export interface NumericColumn {
  name: string;
  kind: 'numeric';
  /** One value per row; NaN marks a missing value. */
  values: Float64Array;
}

export interface CategoricalColumn {
  name: string;
  kind: 'categorical';
  /** The distinct values, sorted. */
  levels: string[];
  /** Index into `levels` per row; -1 marks a missing value. */
  codes: Int32Array;
}

export type Column = NumericColumn | CategoricalColumn;

export interface Table {
  /** A display name: the data set's title or the file name. */
  name: string;
  rows: number;
  columns: Column[];
  /** Things the loader did that a person should know (e.g. an identifier column left out). */
  notes: string[];
  /**
   * Columns of the file the loader left out, and why, so a task naming one can say why it cannot
   * be used instead of "there is no such column" (`notes` holds the same facts as display text).
   * Absent for tables built in code (nothing left out).
   */
  leftOut?: LeftOutColumn[];
}

/** A file column the loader did not keep: it had no values, or it looked like row names or numbers. */
export type LeftOutColumn =
  | { name: string; reason: 'empty' }
  | { name: string; reason: 'identifier'; /** Distinct values. */ distinct: number; /** Rows with a value. */ rows: number };

/** What to learn from a table. */
export interface TableTask {
  target: string;
  problem: Problem;
  /** The input columns; all other usable columns when omitted. */
  inputs?: string[];
  /** Keep only rows whose categorical `column` takes one of `levels` (e.g. two penguin species). */
  where?: { column: string; levels: string[] };
}

/** Limits on uploaded files. */
export const TABLE_LIMITS = { maxRows: 100_000, maxColumns: 200, maxClasses: 50 } as const;

/** What the page shows about a loaded table (no row data). */
export interface TableSummary {
  name: string;
  rows: number;
  columns: { name: string; kind: Column['kind']; levels?: number }[];
  notes: string[];
}

export function summarize(t: Table): TableSummary {
  return {
    name: t.name,
    rows: t.rows,
    columns: t.columns.map((c) => (c.kind === 'numeric' ? { name: c.name, kind: c.kind } : { name: c.name, kind: c.kind, levels: c.levels.length })),
    notes: [...t.notes],
  };
}
