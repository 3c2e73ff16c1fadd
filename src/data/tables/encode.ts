// Turns a table and a task into network inputs and labels: drops rows with missing values,
// splits, standardizes numeric inputs with the training split's statistics only, one-hot encodes
// categories. Also lays out the decision-boundary slice over two numeric inputs.
import { DOMAIN } from '../../shared/datasets';
import type { CategoricalColumn, Column, NumericColumn, Table, TableTask } from '../../shared/table';
import { gridCoordinates } from '../features';
import { splitDataset, type Split } from '../split';
import { findColumn } from './columns';
import { MSG } from './messages';
import { selectRows, targetClasses, usableInputs } from './validate';

/** What an encoding fitted on its training rows; pass it back to encode another table the same way. */
export interface EncodingStats {
  /** Encoded input names: numeric columns by name, one-hot columns as 'Island = Biscoe'. */
  inputNames: string[];
  /**
   * Per encoded input: for numeric inputs the training mean and standard deviation in the
   * column's units (std 0 is stored as 1); for one-hot inputs the training frequency of the
   * level and 1 (one-hot inputs are not standardized).
   */
  mean: number[];
  std: number[];
  /** One-hot levels per categorical input column, in encoded order. */
  levels: Record<string, string[]>;
  /** Regression: the target's training mean and std (std 0 stored as 1); null for classification. */
  target: { mean: number; std: number } | null;
  /** Classification: the class of each output; [] for regression. */
  classNames: string[];
}

export interface EncodedTable {
  /** Encoded column names: numeric columns by name, one-hot as 'Island = Biscoe'. */
  inputNames: string[];
  /** Indices into inputNames of the (standardized) numeric columns. */
  numericInputs: number[];
  /** The table columns used as inputs, in order. */
  sourceColumns: string[];
  /** 1 for regression, K ≥ 2 for classification. */
  classes: number;
  /** [] for regression. */
  classNames: string[];
  n: number;
  /** n × inputNames.length, row-major. */
  x: Float32Array;
  /** Class index, or the standardized target for regression. */
  y: Float32Array;
  /** Indices into the n kept rows. */
  split: Split;
  /** The table row of each kept row. */
  rowIndex: Int32Array;
  /** Rows dropped because a used column (an input or the target) had no value. */
  dropped: number;
  /** Rows left out by `where`. */
  filtered: number;
  /** What was fitted (or the given stats, reused as-is). */
  stats: EncodingStats;
}

export interface EncodeOptions {
  trainPct: number;
  valPct: number;
  seed: number;
  /** Reuse a trained model's encoding instead of fitting one. */
  stats?: EncodingStats;
}

/** The boundary slice spans this many standard deviations either side of the training mean. */
export const SLICE_Z = 3;

/** 'Island = Biscoe' */
export function oneHotName(column: string, level: string): string {
  return `${column} = ${level}`;
}

interface Plan {
  column: Column;
  /** First encoded input of this column. */
  offset: number;
  /** Categorical: encoded position of each table level (-1: no input, all zeros). */
  slots?: Int32Array;
}

/** Reads the source columns back out of stats.inputNames (one-hot runs match levels[column]). */
function sourcesOfStats(stats: EncodingStats): string[] {
  const out: string[] = [];
  const categorical = Object.entries(stats.levels);
  let j = 0;
  while (j < stats.inputNames.length) {
    const run = categorical.find(([col, lv]) => lv.length > 0 && lv.every((l, k) => stats.inputNames[j + k] === oneHotName(col, l)));
    if (run) {
      out.push(run[0]);
      j += run[1].length;
    } else {
      out.push(stats.inputNames[j]);
      j++;
    }
  }
  return out;
}

function planInputs(table: Table, sources: string[], stats: EncodingStats | undefined): { plans: Plan[]; inputNames: string[]; numericInputs: number[]; levels: Record<string, string[]> } {
  const plans: Plan[] = [];
  const inputNames: string[] = [];
  const numericInputs: number[] = [];
  const levels: Record<string, string[]> = {};
  for (const name of sources) {
    const column = findColumn(table, name);
    if (!column) throw new Error(stats ? MSG.missingInputColumn(name) : MSG.noSuchInput(name));
    const wantKind = stats ? (name in stats.levels ? 'categorical' : 'numeric') : column.kind;
    if (column.kind !== wantKind) throw new Error(MSG.wrongInputKind(name, wantKind));
    const offset = inputNames.length;
    if (column.kind === 'numeric') {
      numericInputs.push(offset);
      inputNames.push(name);
      plans.push({ column, offset });
    } else {
      const lv = stats ? stats.levels[name] : column.levels;
      const pos = new Map(lv.map((l, k) => [l, k]));
      const slots = Int32Array.from(column.levels, (l) => pos.get(l) ?? -1);
      levels[name] = [...lv];
      for (const l of lv) inputNames.push(oneHotName(name, l));
      plans.push({ column, offset, slots });
    }
  }
  return { plans, inputNames, numericInputs, levels };
}

function meanStd(values: ArrayLike<number>, idx: Int32Array): { mean: number; std: number } {
  if (idx.length === 0) return { mean: 0, std: 1 };
  let sum = 0;
  for (const i of idx) sum += values[i];
  const mean = sum / idx.length;
  let ss = 0;
  for (const i of idx) ss += (values[i] - mean) ** 2;
  const std = Math.sqrt(ss / idx.length);
  return { mean, std: std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1 };
}

/** Encodes the rows a task keeps; see EncodedTable. Throws (with a readable message) on a task validateTask would refuse. */
export function encodeTable(table: Table, task: TableTask, opts: EncodeOptions): EncodedTable {
  const given = opts.stats;
  const target = findColumn(table, task.target);
  if (!target) throw new Error(MSG.noSuchColumn(task.target));
  if (task.problem === 'regression' && target.kind !== 'numeric') throw new Error(MSG.regressionNotNumeric(task.target));

  const sourceColumns = given ? sourcesOfStats(given) : usableInputs(table, task);
  if (!given) {
    for (const name of task.inputs ?? []) if (name === task.target) throw new Error(MSG.targetAsInput(name));
  }
  const { plans, inputNames, numericInputs, levels } = planInputs(table, sourceColumns, given);
  const width = inputNames.length;

  const sel = selectRows(table, task.where, [target, ...plans.map((p) => p.column)]);
  const rows = sel.rows;
  const n = rows.length;

  // Labels.
  const y = new Float32Array(n);
  let classNames: string[] = [];
  if (task.problem === 'classification') {
    classNames = given ? [...given.classNames] : targetClasses(target, rows);
    const index = new Map(classNames.map((c, k) => [c, k]));
    for (let r = 0; r < n; r++) {
      const i = rows[r];
      const name = target.kind === 'categorical' ? target.levels[target.codes[i]] : String(target.values[i]);
      const k = index.get(name);
      if (k === undefined) throw new Error(MSG.unknownClass(task.target, name));
      y[r] = k;
    }
  } else {
    const values = (target as NumericColumn).values;
    for (let r = 0; r < n; r++) y[r] = values[rows[r]];
  }
  const classes = task.problem === 'classification' ? classNames.length : 1;
  const split = splitDataset(y, { problem: task.problem, trainPct: opts.trainPct, valPct: opts.valPct, seed: opts.seed, classes });

  // Fit on the training rows (table row numbers), unless given.
  const trainRows = Int32Array.from(split.train, (r) => rows[r]);
  let stats: EncodingStats;
  if (given) {
    stats = given;
  } else {
    const mean = new Array<number>(width).fill(0);
    const std = new Array<number>(width).fill(1);
    for (const p of plans) {
      if (p.column.kind === 'numeric') {
        const m = meanStd(p.column.values, trainRows);
        mean[p.offset] = m.mean;
        std[p.offset] = m.std;
      } else {
        const codes = (p.column as CategoricalColumn).codes;
        const slots = p.slots as Int32Array;
        for (const i of trainRows) {
          const s = slots[codes[i]];
          if (s >= 0) mean[p.offset + s] += 1;
        }
        const lv = levels[p.column.name].length;
        for (let k = 0; k < lv; k++) mean[p.offset + k] = trainRows.length ? mean[p.offset + k] / trainRows.length : 0;
      }
    }
    const targetStats = task.problem === 'regression' ? meanStd((target as NumericColumn).values, trainRows) : null;
    stats = { inputNames, mean, std, levels, target: targetStats, classNames };
  }
  if (task.problem === 'regression') {
    const t = stats.target ?? { mean: 0, std: 1 };
    for (let r = 0; r < n; r++) y[r] = (y[r] - t.mean) / t.std;
  }

  // Inputs.
  const x = new Float32Array(n * width);
  for (const p of plans) {
    if (p.column.kind === 'numeric') {
      const values = p.column.values;
      const m = stats.mean[p.offset];
      const s = stats.std[p.offset] || 1;
      for (let r = 0; r < n; r++) x[r * width + p.offset] = (values[rows[r]] - m) / s;
    } else {
      const codes = p.column.codes;
      const slots = p.slots as Int32Array;
      for (let r = 0; r < n; r++) {
        const s = slots[codes[rows[r]]];
        if (s >= 0) x[r * width + p.offset + s] = 1;
      }
    }
  }

  return {
    inputNames,
    numericInputs,
    sourceColumns,
    classes,
    classNames,
    n,
    x,
    y,
    split,
    rowIndex: rows,
    dropped: sel.dropped,
    filtered: sel.filtered,
    stats,
  };
}

function checkSlice(enc: EncodedTable, a: number, b: number): void {
  for (const j of [a, b]) {
    if (!enc.numericInputs.includes(j)) throw new RangeError(`slice input ${j} is not a numeric input (numeric: ${enc.numericInputs.join(', ')})`);
  }
  if (a === b) throw new RangeError('a slice needs two different inputs');
}

/**
 * Encoded inputs (resolution² × inputs, row-major) of the cells of a slice through inputs a
 * (horizontal) and b (vertical) over z ∈ [-SLICE_Z, SLICE_Z], laid out like gridCoordinates:
 * row 0 at the top (largest b), columns left to right (a ascending), cell centres. Every other
 * input is held at its training mean: 0 for standardized numbers, the training frequency for a
 * one-hot input.
 */
export function sliceGrid(enc: EncodedTable, a: number, b: number, resolution: number): Float32Array {
  checkSlice(enc, a, b);
  const width = enc.inputNames.length;
  const base = new Float32Array(width);
  const numeric = new Set(enc.numericInputs);
  for (let j = 0; j < width; j++) base[j] = numeric.has(j) ? 0 : enc.stats.mean[j];
  const coords = gridCoordinates(resolution);
  const cells = resolution * resolution;
  const out = new Float32Array(cells * width);
  const scale = SLICE_Z / DOMAIN;
  for (let i = 0; i < cells; i++) {
    out.set(base, i * width);
    out[i * width + a] = coords[2 * i] * scale;
    out[i * width + b] = coords[2 * i + 1] * scale;
  }
  return out;
}

/** 2n interleaved plot coordinates of every kept row on the slice, in the units of DOMAIN (z · DOMAIN / SLICE_Z). */
export function slicePoints(enc: EncodedTable, a: number, b: number): Float32Array {
  checkSlice(enc, a, b);
  const width = enc.inputNames.length;
  const out = new Float32Array(2 * enc.n);
  const scale = DOMAIN / SLICE_Z;
  for (let r = 0; r < enc.n; r++) {
    out[2 * r] = enc.x[r * width + a] * scale;
    out[2 * r + 1] = enc.x[r * width + b] * scale;
  }
  return out;
}

export interface SliceAxis {
  name: string;
  /** The column's value at the slice's left (bottom) edge and right (top) edge, in its own units. */
  min: number;
  max: number;
}

/** The slice's axes in the columns' own units: training mean ± SLICE_Z standard deviations. */
export function sliceAxes(enc: EncodedTable, a: number, b: number): { x: SliceAxis; y: SliceAxis } {
  checkSlice(enc, a, b);
  const axis = (j: number): SliceAxis => {
    const m = enc.stats.mean[j];
    const s = enc.stats.std[j];
    return { name: enc.inputNames[j], min: m - SLICE_Z * s, max: m + SLICE_Z * s };
  };
  return { x: axis(a), y: axis(b) };
}

/** A regression output (standardized) in the target's own units; unchanged for classification. */
export function toOriginalTarget(from: EncodedTable | EncodingStats, z: number): number {
  const stats = 'stats' in from ? from.stats : from;
  return stats.target ? z * stats.target.std + stats.target.mean : z;
}
