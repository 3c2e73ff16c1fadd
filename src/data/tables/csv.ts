// Reads an uploaded CSV file into a Table: decodes the bytes, detects the separator, checks the
// header and the shape, and types each column (numeric or categorical). Runs in the CSV worker;
// this is the only module that imports papaparse.
import Papa from 'papaparse';
import { TABLE_LIMITS, type Column, type Table } from '../../shared/table';
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

type Typed = { column: Column } | { note: string } | { error: string };

/** Types one column from its cell texts; `rowNo[i]` is the spreadsheet row of data row i. */
function typeColumn(name: string, cells: string[], rowNo: Int32Array, delimiter: string): Typed {
  const commaFile = delimiter === ',';
  let present = 0;
  let numeric = true;
  let firstComma = -1;
  for (let i = 0; i < cells.length; i++) {
    const s = cells[i];
    if (isMissingText(s)) continue;
    present++;
    if (!numeric) continue;
    const t = s.trim();
    if (PLAIN_NUMBER.test(t) && Number.isFinite(Number(t))) continue;
    if (COMMA_NUMBER.test(t) && Number.isFinite(Number(t.replace(',', '.')))) {
      if (firstComma < 0) firstComma = i;
      continue;
    }
    numeric = false;
  }
  if (present === 0) return { note: MSG.emptyColumnLeftOut(name) };
  if (numeric) {
    if (commaFile && firstComma >= 0) return { error: MSG.ambiguousComma(name, rowNo[firstComma], cells[firstComma].trim()) };
    return { column: numericColumn(name, cells.map((s) => (isMissingText(s) ? NaN : parseNumber(s, !commaFile)))) };
  }
  const column = categoricalColumn(name, cells);
  if (column.levels.length > TABLE_LIMITS.maxClasses && column.levels.length >= IDENTIFIER_DISTINCT_SHARE * present) {
    return { note: MSG.identifierLeftOut(name, column.levels.length, present) };
  }
  return { column };
}

/** Reads a CSV file (its bytes or its text); `name` is the file name, shown in messages and as the table's name. */
export function parseCsv(input: string | ArrayBuffer, name: string): CsvResult {
  const text = decode(input);
  if (text === null) return fail(MSG.notText(name));
  if (text.trim() === '') return fail(MSG.empty(name));

  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes') ?? parsed.errors.find((e) => e.code === 'InvalidQuotes');
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
  const notes: string[] = [];
  for (let j = 0; j < header.length; j++) {
    const typed = typeColumn(header[j], dataIdx.map((k) => records[k][j]), rowNo, delimiter);
    if ('error' in typed) return fail(typed.error);
    if ('note' in typed) notes.push(typed.note);
    else columns.push(typed.column);
  }

  const preview = [rawHeader, ...dataIdx.slice(0, PREVIEW_ROWS).map((k) => records[k])];
  return { ok: true, table: { name, rows: dataIdx.length, columns, notes }, preview, delimiter };
}
