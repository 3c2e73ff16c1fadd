// Checks a task (target, problem, inputs, filter) against a table before anything is trained, and
// picks the rows and input columns a task uses. Shared by the CSV worker, the encoder and the page.
import { TABLE_LIMITS, type Column, type Table, type TableTask } from '../../shared/table';
import { findColumn, hasValue } from './columns';
import { MIN_TASK_ROWS, MSG } from './messages';

/** Whether a column can serve as an input on its own merits (categorical: 2..maxClasses levels). */
function inputWorthy(c: Column): boolean {
  return c.kind === 'numeric' || (c.levels.length >= 2 && c.levels.length <= TABLE_LIMITS.maxClasses);
}

/**
 * The input columns of a task, in table order: `task.inputs` when given (those that exist and are
 * not the target), else every numeric column and every categorical one with 2..maxClasses levels,
 * bar the target.
 */
export function usableInputs(table: Table, task: TableTask): string[] {
  if (task.inputs) {
    const wanted = new Set(task.inputs);
    return table.columns.filter((c) => wanted.has(c.name) && c.name !== task.target).map((c) => c.name);
  }
  return table.columns.filter((c) => c.name !== task.target && inputWorthy(c)).map((c) => c.name);
}

export interface RowSelection {
  /** Table rows kept: passing the filter with a value in every used column, ascending. */
  rows: Int32Array;
  /** Rows left out by `where` (including rows with no value in the filter column). */
  filtered: number;
  /** Rows passing the filter but missing a value in a used column. */
  dropped: number;
}

/** The rows a task keeps, given the columns it uses (inputs and target). */
export function selectRows(table: Table, where: TableTask['where'], used: readonly Column[]): RowSelection {
  let pass: (i: number) => boolean = () => true;
  if (where) {
    const col = findColumn(table, where.column);
    if (!col) throw new Error(MSG.noSuchColumn(where.column));
    if (col.kind !== 'categorical') throw new Error(MSG.filterNotCategorical(where.column));
    const keep = new Uint8Array(col.levels.length);
    for (const l of where.levels) {
      const k = col.levels.indexOf(l);
      if (k >= 0) keep[k] = 1;
    }
    pass = (i) => col.codes[i] >= 0 && keep[col.codes[i]] === 1;
  }
  const rows: number[] = [];
  let filtered = 0;
  let dropped = 0;
  for (let i = 0; i < table.rows; i++) {
    if (!pass(i)) filtered++;
    else if (used.every((c) => hasValue(c, i))) rows.push(i);
    else dropped++;
  }
  return { rows: Int32Array.from(rows), filtered, dropped };
}

/** The class names of a classification target over some rows: levels present, or distinct numbers ascending. */
export function targetClasses(col: Column, rows: Int32Array): string[] {
  if (col.kind === 'categorical') {
    const seen = new Uint8Array(col.levels.length);
    for (const i of rows) if (col.codes[i] >= 0) seen[col.codes[i]] = 1;
    return col.levels.filter((_, k) => seen[k] === 1);
  }
  const values = new Set<number>();
  for (const i of rows) if (!Number.isNaN(col.values[i])) values.add(col.values[i]);
  return [...values].sort((a, b) => a - b).map(String);
}

/**
 * Why a column the table lacks cannot play `role`: the loader left it out (no values, or an
 * identifier), or else `missing`, the plain "no such column" sentence. Saying the column is not
 * there when the file plainly has it would send a person looking for a typo.
 */
function absentColumn(table: Table, name: string, role: string, missing: string): string {
  const left = table.leftOut?.find((c) => c.name === name);
  if (!left) return missing;
  return left.reason === 'empty' ? MSG.columnEmpty(name, role) : MSG.columnIdentifier(name, left.distinct, left.rows, role);
}

/** What is wrong with a task on a table, as one sentence; null when it can be trained. */
export function validateTask(table: Table, task: TableTask): string | null {
  const target = findColumn(table, task.target);
  if (!target) return absentColumn(table, task.target, 'predicted', MSG.noSuchColumn(task.target));
  for (const name of task.inputs ?? []) {
    if (name === task.target) return MSG.targetAsInput(name);
    if (!findColumn(table, name)) return absentColumn(table, name, 'an input', MSG.noSuchInput(name));
  }
  if (task.where) {
    const col = findColumn(table, task.where.column);
    if (!col) return absentColumn(table, task.where.column, 'filtered on', MSG.noSuchColumn(task.where.column));
    if (col.kind !== 'categorical') return MSG.filterNotCategorical(task.where.column);
    const unknown = task.where.levels.find((l) => !col.levels.includes(l));
    if (unknown !== undefined) return MSG.filterUnknownLevel(task.where.column, unknown);
  }
  if (task.problem === 'regression' && target.kind !== 'numeric') return MSG.regressionNotNumeric(task.target);

  const inputs = usableInputs(table, task).map((n) => findColumn(table, n) as Column);
  if (!inputs.some((c) => c.kind === 'numeric')) return MSG.noNumericInput(task.target);

  const sel = selectRows(table, task.where, [target, ...inputs]);
  if (task.where && table.rows - sel.filtered < MIN_TASK_ROWS) return MSG.filterLeavesTooFew(table.rows - sel.filtered);
  if (sel.rows.length < MIN_TASK_ROWS) return MSG.tooFewCompleteRows(sel.rows.length);

  if (task.problem === 'classification') {
    const classes = targetClasses(target, sel.rows);
    if (classes.length === 1) return MSG.singleClass(task.target, classes[0]);
    if (classes.length > TABLE_LIMITS.maxClasses) return MSG.tooManyClasses(task.target, classes.length, TABLE_LIMITS.maxClasses, target.kind === 'numeric');
  }
  return null;
}

