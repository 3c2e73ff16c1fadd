// Every message a person may see about a table, in one place, so the loader, the checks, the
// tests and the page agree on the wording. Rows are counted as in a spreadsheet: the header is
// row 1, so the first data row is row 2.
import { formatCount } from '../../shared/format';

/** 12345 → "12,345" (fixed grouping, whatever the locale, so tests can match it). */
export function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A cell or name cut to `max` characters, so a long one cannot flood the alert region. */
function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function quote(s: string, max = 40): string {
  return `"${clip(s, max)}"`;
}

/** Fewest rows a task may keep after filtering and dropping rows with missing values. */
export const MIN_TASK_ROWS = 10;

export const MSG = {
  // Reading a file.
  fileTooBig: (name: string, bytes: number, limitMb: number) =>
    `"${name}" is ${formatCount(bytes / 1024 / 1024)} MB; files up to ${limitMb} MB can be opened.`,
  unreadable: (name: string, why: string) => `"${name}" could not be read: ${why}.`,
  // loadCsv's arguments (checked before anything reaches a worker).
  csvTextNotString: () => 'loadCsv expects the file’s text (a string) as its first argument.',
  csvOptionsMissing: () => 'loadCsv needs { target: "column name", problem: "classification" | "regression" }.',
  csvTargetNotText: () => 'loadCsv: target must be the name of a column (non-empty text).',
  csvProblemBad: () => 'loadCsv: problem must be "classification" or "regression".',
  csvNameNotText: () => 'loadCsv: name must be text (the name shown for the file), or left out.',
  notText: (name: string) => `"${name}" is not a text file: a CSV file must be plain text (UTF-8), as saved by a spreadsheet's "CSV" option.`,
  empty: (name: string) => `"${name}" is empty: there is nothing to read.`,
  unclosedQuote: (row: number) => `Row ${row} opens a quoted field (") that is never closed.`,
  badQuote: (row: number) => `Row ${row} has a quoted field with text after its closing quote (").`,
  headerLooksLikeData: () => 'The first row holds only numbers: it should name the columns (add a header row).',
  emptyColumnName: (column: number) => `Column ${column} has no name in the header row.`,
  duplicateColumnName: (name: string, first: number, second: number) => `Columns ${first} and ${second} are both named ${quote(name)}: each column needs its own name.`,
  tooManyColumns: (found: number, limit: number) => `The file has ${count(found)} columns; at most ${count(limit)} are allowed.`,
  tooManyRows: (found: number, limit: number) => `The file has ${count(found)} data rows; at most ${count(limit)} are allowed.`,
  ragged: (row: number, fields: number, header: number) => `Row ${row} has ${plural(fields, 'field')} but the header has ${count(header)}.`,
  tooFewRows: (found: number) => `The file has ${plural(found, 'data row')}; at least 2 are needed.`,
  beyondFloat32: (column: string, row: number, value: string) =>
    `Column ${quote(column)} holds ${clip(value, 24)} in row ${row}: values beyond ±3.4e38 cannot be trained in 32-bit floats.`,
  spreadBeyondFloat32: (column: string, lowRow: number, low: string, highRow: number, high: string) =>
    `Column ${quote(column)} spans from ${clip(low, 24)} (row ${lowRow}) to ${clip(high, 24)} (row ${highRow}): ` +
    'a spread wider than 3.4e38 cannot be standardized in 32-bit floats.',
  noUsableColumns: (identifiers: string[], empty: string[]) => {
    const names = (cols: string[]) => (cols.length <= 3 ? cols.map((c) => quote(c)).join(', ') : `${cols.slice(0, 3).map((c) => quote(c)).join(', ')} and ${count(cols.length - 3)} more`);
    if (empty.length === 0) return `No column can be used: every column (${names(identifiers)}) has nearly all values different, so it names or numbers the rows rather than grouping them.`;
    if (identifiers.length === 0) return `No column can be used: every column (${names(empty)}) is empty.`;
    return `No column can be used: ${names(empty)} ${empty.length === 1 ? 'is' : 'are'} empty and ${names(identifiers)} ${identifiers.length === 1 ? 'names or numbers' : 'name or number'} the rows (nearly all values different).`;
  },
  ambiguousComma: (column: string, row: number, value: string) =>
    `Column ${quote(column)} holds the number ${quote(value)} in row ${row}, with a comma inside a comma-separated file: write decimals with a point (3.5) or save the file with ";" as the separator.`,
  // Notes (not errors).
  identifierLeftOut: (column: string, distinct: number, rows: number) =>
    `Left out ${quote(column)}: it has ${count(distinct)} different values in ${plural(rows, 'row')}, so it names or numbers the rows rather than grouping them.`,
  emptyColumnLeftOut: (column: string) => `Left out ${quote(column)}: it has no values.`,
  // Checking a task against a table.
  noSuchColumn: (name: string) => `There is no column named ${quote(name)}.`,
  columnEmpty: (name: string, role: string) => `${quote(name)} has no values, so it cannot be ${role}.`,
  columnIdentifier: (name: string, distinct: number, rows: number, role: string) =>
    `${quote(name)} was left out as an identifier (${count(distinct)} different values in ${plural(rows, 'row')}), so it cannot be ${role}.`,
  noSuchInput: (name: string) => `The input ${quote(name)} is not a column of this table.`,
  targetAsInput: (name: string) => `${quote(name)} is the target, so it cannot also be an input.`,
  filterNotCategorical: (name: string) => `The filter column ${quote(name)} is not categorical: only categories can be picked.`,
  filterUnknownLevel: (name: string, level: string) => `${quote(name)} has no value ${quote(level)} to filter on.`,
  filterLeavesTooFew: (rows: number) => `Only ${plural(rows, 'row')} ${rows === 1 ? 'is' : 'are'} left after the filter; at least ${MIN_TASK_ROWS} are needed.`,
  tooFewCompleteRows: (rows: number) => `Only ${plural(rows, 'row')} ${rows === 1 ? 'has' : 'have'} a value in every column used; at least ${MIN_TASK_ROWS} are needed.`,
  singleClass: (target: string, cls: string) => `${quote(target)} has only one class (${cls}): there is nothing to tell apart.`,
  tooManyClasses: (target: string, found: number, limit: number, numeric: boolean) =>
    `${quote(target)} has ${count(found)} classes; at most ${count(limit)} are allowed.${numeric ? ' It is numeric: try regression instead.' : ''}`,
  regressionNotNumeric: (target: string) => `${quote(target)} is not numeric, so regression cannot predict it: try classification instead.`,
  noNumericInput: (target: string) => `No numeric column is left to learn from besides the target ${quote(target)}.`,
  // Reusing a trained model's encoding.
  unknownClass: (target: string, cls: string) => `${quote(target)} has the class ${quote(cls)}, which the trained model does not know.`,
  missingInputColumn: (name: string) => `The table has no column ${quote(name)}, which the trained model uses as an input.`,
  wrongInputKind: (name: string, kind: string) => `The column ${quote(name)} is not ${kind} here, but the trained model uses it as ${kind}.`,
} as const;
