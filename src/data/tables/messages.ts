// Every message a person may see about a table, in one place, so the loader, the checks, the
// tests and the page agree on the wording. Rows are counted as in a spreadsheet: the header is
// row 1, so the first data row is row 2.

/** 12345 → "12,345" (fixed grouping, whatever the locale, so tests can match it). */
export function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

function quote(s: string, max = 40): string {
  const t = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  return `"${t}"`;
}

/** Fewest rows a task may keep after filtering and dropping rows with missing values. */
export const MIN_TASK_ROWS = 10;

export const MSG = {
  // Reading a file.
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
  ambiguousComma: (column: string, row: number, value: string) =>
    `Column ${quote(column)} holds the number ${quote(value)} in row ${row}, with a comma inside a comma-separated file: write decimals with a point (3.5) or save the file with ";" as the separator.`,
  // Notes (not errors).
  identifierLeftOut: (column: string, distinct: number, rows: number) =>
    `Left out ${quote(column)}: it has ${count(distinct)} different values in ${plural(rows, 'row')}, so it names or numbers the rows rather than grouping them.`,
  emptyColumnLeftOut: (column: string) => `Left out ${quote(column)}: it has no values.`,
  // Checking a task against a table.
  noSuchColumn: (name: string) => `There is no column named ${quote(name)}.`,
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
