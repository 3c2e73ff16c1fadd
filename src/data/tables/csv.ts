// Reads an uploaded CSV file into a Table: decodes the bytes, detects the separator, checks the
// header and the shape, and types each column (numeric or categorical). Runs in the CSV worker;
// this is the only module that imports papaparse.
import Papa from 'papaparse';
import { TABLE_LIMITS, type Column, type LeftOutColumn, type Table } from '../../shared/table';
import { categoricalColumn, isMissingText, numericColumn } from './columns';
import { MSG } from './messages';

export { validateTask, usableInputs } from './validate';
export { MSG } from './messages';

export type CsvResult =
  | {
      ok: true;
      table: Table;
      /** The header row and the first ≤ 10 data rows, as raw cell texts. */
      preview: string[][];
      delimiter: string;
    }
  | { ok: false; error: string };

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export const PREVIEW_ROWS = 10;
/** A categorical column with more than maxClasses levels, at least this share of them distinct, is left out as an identifier. */
export const IDENTIFIER_DISTINCT_SHARE = 0.5;

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$/;

/** A cell's number: plain ("3.5", "-2e3"), or with a decimal comma ("3,5") where allowed; NaN otherwise. */
export function parseNumber(text: string, decimalComma: boolean): number {
  const s = text.trim();
  let x = NaN;
  if (PLAIN_NUMBER.test(s)) x = Number(s);
  else if (decimalComma && COMMA_NUMBER.test(s)) x = Number(s.replace(',', '.'));
  return Number.isFinite(x) ? x : NaN;
}

/** The text of a file, or null when it is not UTF-8 text. */
function decode(input: string | ArrayBuffer): string | null {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const bytes = new Uint8Array(input);
    if (bytes.includes(0)) return null;
    try {
      // Drops a leading byte order mark itself.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
  if (text.includes('\0')) return null;
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isBlank(row: string[]): boolean {
  return row.length === 1 && row[0].trim() === '';
}

/**
 * The separator whose first rows have the same number of fields as their header, most fields
 * first; ties go to the earlier of , ; tab |. Papaparse's own guess gives up on small files
 * (a trailing empty line, two columns), so it only does the splitting here.
 */
function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best: string = ',';
  let bestScore = -Infinity;
  for (const d of CSV_DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter: d, preview: 21, skipEmptyLines: 'greedy' }).data;
    // The sample may cut the last row short.
    const body = sample.length < text.length ? rows.slice(0, -1) : rows;
    if (body.length === 0) continue;
    const width = body[0].length;
    if (width < 2) continue;
    const agree = body.filter((r) => r.length === width).length / body.length;
    // Consistency first (a decimal comma splits rows unevenly), then more columns.
    const score = agree * 1000 + Math.min(width, 999);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function fail(error: string): CsvResult {
  return { ok: false, error };
}

/**
 * The largest finite 32-bit float. Models train in float32, so a value beyond it would become
 * Infinity in the network's input or target (and its mean and spread with it).
 */
export const FLOAT32_MAX = 3.4028234663852886e38;

type Typed = { column: Column } | { leftOut: LeftOutColumn } | { error: string };

/** Types one column from its cell texts; `rowNo[i]` is the spreadsheet row of data row i. */
function typeColumn(name: string, cells: string[], rowNo: Int32Array, delimiter: string): Typed {
  const commaFile = delimiter === ',';
  let present = 0;
  let numeric = true;
  let firstComma = -1;
  let firstHuge = -1;
  for (let i = 0; i < cells.length; i++) {
    const s = cells[i];
    if (isMissingText(s)) continue;
    present++;
    if (!numeric) continue;
    const t = s.trim();
    let x: number;
    if (PLAIN_NUMBER.test(t)) x = Number(t);
    else if (COMMA_NUMBER.test(t)) {
      x = Number(t.replace(',', '.'));
      if (firstComma < 0) firstComma = i;
    } else {
      numeric = false;
      continue;
    }
    // "1e400" is written as a number even though it overflows to Infinity: it is a number too
    // large, not a category, so it counts here and the column is refused below.
    if (!(Math.abs(x) <= FLOAT32_MAX) && firstHuge < 0) firstHuge = i;
  }
  if (present === 0) return { leftOut: { name, reason: 'empty' } };
  if (numeric) {
    if (commaFile && firstComma >= 0) return { error: MSG.ambiguousComma(name, rowNo[firstComma], cells[firstComma].trim()) };
    if (firstHuge >= 0) return { error: MSG.beyondFloat32(name, rowNo[firstHuge], cells[firstHuge].trim()) };
    const column = numericColumn(name, cells.map((s) => (isMissingText(s) ? NaN : parseNumber(s, !commaFile))));
    const spread = checkSpread(column.values);
    if (spread) return { error: MSG.spreadBeyondFloat32(name, rowNo[spread.low], cells[spread.low].trim(), rowNo[spread.high], cells[spread.high].trim()) };
    return { column };
  }
  const column = categoricalColumn(name, cells);
  if (column.levels.length > TABLE_LIMITS.maxClasses && column.levels.length >= IDENTIFIER_DISTINCT_SHARE * present) {
    return { leftOut: { name, reason: 'identifier', distinct: column.levels.length, rows: present } };
  }
  return { column };
}

/**
 * The rows of a column's smallest and largest values when they lie more than FLOAT32_MAX apart;
 * null otherwise. Every value is already within ±FLOAT32_MAX. Standardizing subtracts the mean
 * and divides by the standard deviation; with max − min ≤ FLOAT32_MAX every centred value
 * x − mean and the deviation itself (≤ half the spread) fit in a 32-bit float, and the sum of
 * squares in encode.ts (float64) stays below n · FLOAT32_MAX² ≈ 1e5 · 1.2e77, far from float64's
 * 1.8e308, so the variance cannot overflow. A wider spread (e.g. ±2e38) is refused: its centred
 * values, and predictions turned back into the column's units, can overflow float32 to Infinity.
 */
function checkSpread(values: Float64Array): { low: number; high: number } | null {
  let low = -1;
  let high = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (low < 0 || v < values[low]) low = i;
    if (high < 0 || v > values[high]) high = i;
  }
  if (low < 0 || values[high] - values[low] <= FLOAT32_MAX) return null;
  return { low, high };
}

/**
 * The quote error papaparse reports first in the file. Text after a closing quote ("p"x) makes it
 * report InvalidQuotes and then, because it reads on looking for the field's end, MissingQuotes
 * at the same place: the root cause is the stray text, so at equal positions InvalidQuotes wins.
 * A quote that is really never closed gives MissingQuotes alone.
 */
function firstQuoteError(errors: Papa.ParseError[]): Papa.ParseError | undefined {
  const quoteErrors = errors.filter((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  quoteErrors.sort((a, b) => (a.index ?? 0) - (b.index ?? 0) || (a.code === 'InvalidQuotes' ? -1 : 0) - (b.code === 'InvalidQuotes' ? -1 : 0));
  return quoteErrors[0];
}

/** Reads a CSV file (its bytes or its text); `name` is the file name, shown in messages and as the table's name. */
export function parseCsv(input: string | ArrayBuffer, name: string): CsvResult {
  const text = decode(input);
  if (text === null) return fail(MSG.notText(name));
  if (text.trim() === '') return fail(MSG.empty(name));

  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const quoteError = firstQuoteError(parsed.errors);
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    return fail(quoteError.code === 'MissingQuotes' ? MSG.unclosedQuote(row) : MSG.badQuote(row));
  }

  // Spreadsheet row numbers: record k of the file (blank lines included) is row k + 1.
  const records = parsed.data;
  let h = 0;
  while (h < records.length && isBlank(records[h])) h++;
  if (h === records.length) return fail(MSG.empty(name));
  const rawHeader = records[h];
  const header = rawHeader.map((s) => s.trim());

  if (header.every((s) => !isMissingText(s) && !Number.isNaN(parseNumber(s, delimiter !== ',')))) return fail(MSG.headerLooksLikeData());
  const firstSeen = new Map<string, number>();
  for (let j = 0; j < header.length; j++) {
    if (header[j] === '') return fail(MSG.emptyColumnName(j + 1));
    const prev = firstSeen.get(header[j]);
    if (prev !== undefined) return fail(MSG.duplicateColumnName(header[j], prev + 1, j + 1));
    firstSeen.set(header[j], j);
  }
  if (header.length > TABLE_LIMITS.maxColumns) return fail(MSG.tooManyColumns(header.length, TABLE_LIMITS.maxColumns));

  const dataIdx: number[] = [];
  for (let k = h + 1; k < records.length; k++) if (!isBlank(records[k])) dataIdx.push(k);
  if (dataIdx.length > TABLE_LIMITS.maxRows) return fail(MSG.tooManyRows(dataIdx.length, TABLE_LIMITS.maxRows));
  for (const k of dataIdx) {
    if (records[k].length !== header.length) return fail(MSG.ragged(k + 1, records[k].length, header.length));
  }
  if (dataIdx.length < 2) return fail(MSG.tooFewRows(dataIdx.length));

  const rowNo = Int32Array.from(dataIdx, (k) => k + 1);
  const columns: Column[] = [];
  const leftOut: LeftOutColumn[] = [];
  for (let j = 0; j < header.length; j++) {
    const typed = typeColumn(header[j], dataIdx.map((k) => records[k][j]), rowNo, delimiter);
    if ('error' in typed) return fail(typed.error);
    if ('leftOut' in typed) leftOut.push(typed.leftOut);
    else columns.push(typed.column);
  }
  if (columns.length === 0) {
    return fail(MSG.noUsableColumns(leftOut.filter((c) => c.reason === 'identifier').map((c) => c.name), leftOut.filter((c) => c.reason === 'empty').map((c) => c.name)));
  }
  const notes = leftOut.map((c) => (c.reason === 'empty' ? MSG.emptyColumnLeftOut(c.name) : MSG.identifierLeftOut(c.name, c.distinct, c.rows)));

  const preview = [rawHeader, ...dataIdx.slice(0, PREVIEW_ROWS).map((k) => records[k])];
  return { ok: true, table: { name, rows: dataIdx.length, columns, notes, leftOut }, preview, delimiter };
}
