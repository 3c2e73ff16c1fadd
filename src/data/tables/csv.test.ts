import { describe, expect, it } from 'vitest';
import { TABLE_LIMITS, type CategoricalColumn, type NumericColumn, type Table } from '../../shared/table';
import { MSG, parseCsv, parseNumber, usableInputs, validateTask, type CsvResult } from './csv';
import { tableFromRows } from './columns';

function ok(r: CsvResult): Extract<CsvResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected a table, got: ${r.error}`);
  return r;
}

function col(t: Table, name: string) {
  const c = t.columns.find((k) => k.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
}

const bytes = (...b: number[]) => new Uint8Array(b).buffer;
const encodeUtf8 = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('parseCsv refuses bad files with one clear sentence', () => {
  const wide = Array.from({ length: TABLE_LIMITS.maxColumns + 1 }, (_, j) => `c${j}`);
  const cases: { what: string; input: string | ArrayBuffer; message: string }[] = [
    { what: 'an empty file', input: '', message: MSG.empty('f.csv') },
    { what: 'an empty byte buffer', input: new ArrayBuffer(0), message: MSG.empty('f.csv') },
    { what: 'only whitespace', input: ' \n\r\n\t \n', message: 'is empty' },
    { what: 'no header (all numbers)', input: '1,2,3\n4,5,6\n7,8,9\n', message: MSG.headerLooksLikeData() },
    { what: 'an empty column name', input: 'a,,c\n1,2,3\n4,5,6\n', message: MSG.emptyColumnName(2) },
    { what: 'a duplicate column name', input: 'a,b,a\n1,2,3\n4,5,6\n', message: MSG.duplicateColumnName('a', 1, 3) },
    { what: 'a ragged row', input: 'a,b,c,d\n1,2,3,4\n1,2,3,4,5\n', message: 'Row 3 has 5 fields but the header has 4.' },
    { what: 'a short row', input: 'a,b,c\n1,2,3\n4,5,6\n7,8\n', message: 'Row 4 has 2 fields but the header has 3.' },
    { what: 'a ragged row after a blank line', input: 'a,b\n1,2\n\n3\n', message: 'Row 4 has 1 field but the header has 2.' },
    { what: 'too many rows', input: `a,b\n${'1,2\n'.repeat(TABLE_LIMITS.maxRows + 1)}`, message: 'The file has 100,001 data rows; at most 100,000 are allowed.' },
    { what: 'too many columns', input: `${wide.join(',')}\n${wide.map(() => '1').join(',')}\n`, message: 'The file has 201 columns; at most 200 are allowed.' },
    { what: 'NUL bytes', input: bytes(0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x0a), message: MSG.notText('f.csv') },
    { what: 'invalid UTF-8', input: bytes(0x61, 0x2c, 0x62, 0x0a, 0xc3, 0x28, 0x2c, 0x31, 0x0a), message: 'is not a text file' },
    { what: 'UTF-16 text', input: bytes(0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00), message: 'is not a text file' },
    { what: 'a NUL in a string', input: 'a,b\n1,\u0000\n', message: 'is not a text file' },
    { what: 'no data rows', input: 'a,b\n', message: 'The file has 0 data rows; at least 2 are needed.' },
    { what: 'one data row', input: 'a,b\n1,2\n\n', message: 'The file has 1 data row; at least 2 are needed.' },
    { what: 'an unclosed quote', input: 'a,b\n1,2\n3,"x\n4,5\n', message: 'Row 3 opens a quoted field (") that is never closed.' },
    {
      what: 'a quoted decimal comma in a comma-separated file',
      input: 'a,b\n1.5,x\n"3,5",y\n2,z\n',
      message: MSG.ambiguousComma('a', 3, '3,5'),
    },
  ];
  it.each(cases)('$what', ({ input, message }) => {
    const r = parseCsv(input, 'f.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('writes each message as one sentence', () => {
    for (const { input } of cases) {
      const r = parseCsv(input, 'f.csv');
      if (!r.ok) expect(r.error).toMatch(/^[A-Z"].*\.$/s);
    }
  });
});

describe('parseCsv reads good files', () => {
  it('types numeric and categorical columns and detects the separator', () => {
    const r = ok(parseCsv('x,y,kind\n1,2.5,a\n-3,1e3,b\n4,NA,a\n', 't.csv'));
    expect(r.delimiter).toBe(',');
    expect(r.table.rows).toBe(3);
    expect(r.table.name).toBe('t.csv');
    const y = col(r.table, 'y') as NumericColumn;
    expect(y.kind).toBe('numeric');
    expect([...y.values]).toEqual([2.5, 1000, NaN]);
    const kind = col(r.table, 'kind') as CategoricalColumn;
    expect(kind.levels).toEqual(['a', 'b']);
    expect([...kind.codes]).toEqual([0, 1, 0]);
  });

  it('treats missing tokens as missing, case-insensitively', () => {
    const r = ok(parseCsv('x,c\n1,a\n,b\nNA,n/a\nnan,NULL\n?,?\nN/A,a\n7,b\n', 't.csv'));
    expect([...(col(r.table, 'x') as NumericColumn).values]).toEqual([1, NaN, NaN, NaN, NaN, NaN, 7]);
    expect([...(col(r.table, 'c') as CategoricalColumn).codes]).toEqual([0, 1, -1, -1, -1, 0, 1]);
  });

  it('reads decimal commas in a ";" file', () => {
    const r = ok(parseCsv('a;b;c\n3,5;1;x\n-0,25;2;y\n1e2;3,0;z\n', 't.csv'));
    expect(r.delimiter).toBe(';');
    expect([...(col(r.table, 'a') as NumericColumn).values]).toEqual([3.5, -0.25, 100]);
    expect([...(col(r.table, 'b') as NumericColumn).values]).toEqual([1, 2, 3]);
  });

  it('does not read "1,234,5" as a number', () => {
    expect(parseNumber('1,234,5', true)).toBeNaN();
    expect(parseNumber('3,5', false)).toBeNaN();
    expect(parseNumber('3,5', true)).toBe(3.5);
    expect(parseNumber('1e999', false)).toBeNaN();
    const r = ok(parseCsv('a;b\n1,234,5;1\n2;2\n', 't.csv'));
    expect(col(r.table, 'a').kind).toBe('categorical');
  });

  it('reads tab- and pipe-separated files', () => {
    expect(ok(parseCsv('a\tb\n1\t2\n3\t4\n', 't.tsv')).delimiter).toBe('\t');
    expect(ok(parseCsv('a|b\n1|2\n3|4\n', 't.txt')).delimiter).toBe('|');
  });

  it('keeps quoted fields with embedded commas in a categorical column', () => {
    const r = ok(parseCsv('name,score\n"Smith, J",1\n"Doe, ""A""",2\nPlain,3\n', 't.csv'));
    expect((col(r.table, 'name') as CategoricalColumn).levels).toEqual(['Doe, "A"', 'Plain', 'Smith, J']);
    expect([...(col(r.table, 'score') as NumericColumn).values]).toEqual([1, 2, 3]);
  });

  it('handles CRLF, a byte order mark and a trailing empty line', () => {
    const text = '\uFEFFa,b\r\n1,x\r\n2,y\r\n';
    for (const input of [text, encodeUtf8(text)]) {
      const r = ok(parseCsv(input, 't.csv'));
      expect(r.table.columns.map((c) => c.name)).toEqual(['a', 'b']);
      expect(r.table.rows).toBe(2);
      expect((col(r.table, 'b') as CategoricalColumn).levels).toEqual(['x', 'y']);
    }
  });

  it('gives a raw preview: the header and at most 10 data rows', () => {
    const lines = Array.from({ length: 15 }, (_, i) => `${i}, v${i}`);
    const r = ok(parseCsv(`n,label\n${lines.join('\n')}\n`, 't.csv'));
    expect(r.preview).toHaveLength(11);
    expect(r.preview[0]).toEqual(['n', 'label']);
    expect(r.preview[1]).toEqual(['0', ' v0']);
  });

  it('leaves out identifier-like and empty columns with a note', () => {
    const n = 120;
    const rows = Array.from({ length: n }, (_, i) => `id${i},${i % 3},${i % 2 ? 'a' : 'b'},`);
    const r = ok(parseCsv(`id,x,c,blank\n${rows.join('\n')}\n`, 't.csv'));
    expect(r.table.columns.map((c) => c.name)).toEqual(['x', 'c']);
    expect(r.table.notes).toEqual([MSG.identifierLeftOut('id', n, n), MSG.emptyColumnLeftOut('blank')]);
  });

  it('reads 100,000 rows', () => {
    const r = ok(parseCsv(`a,b\n${'1,2\n'.repeat(TABLE_LIMITS.maxRows)}`, 'big.csv'));
    expect(r.table.rows).toBe(TABLE_LIMITS.maxRows);
  });
});

describe('validateTask', () => {
  const rows = Array.from({ length: 30 }, (_, i) => ({ x: i, z: i % 4 === 0 ? null : i * 2, kind: ['a', 'b', 'c'][i % 3], same: 'only', many: i }));
  const table = tableFromRows('t', rows, [
    { name: 'x', kind: 'numeric' },
    { name: 'z', kind: 'numeric' },
    { name: 'kind', kind: 'categorical' },
    { name: 'same', kind: 'categorical' },
    { name: 'many', kind: 'numeric' },
  ]);

  it('accepts a sound task', () => {
    expect(validateTask(table, { target: 'kind', problem: 'classification' })).toBeNull();
    expect(validateTask(table, { target: 'x', problem: 'regression' })).toBeNull();
    expect(usableInputs(table, { target: 'kind', problem: 'classification' })).toEqual(['x', 'z', 'many']);
    expect(usableInputs(table, { target: 'x', problem: 'regression' })).toEqual(['z', 'kind', 'many']);
  });

  const cases: { what: string; task: Parameters<typeof validateTask>[1]; message: string }[] = [
    { what: 'an unknown target', task: { target: 'nope', problem: 'classification' }, message: 'There is no column named "nope".' },
    { what: 'a single-class target', task: { target: 'same', problem: 'classification' }, message: '"same" has only one class (only): there is nothing to tell apart.' },
    { what: 'a filter leaving one class', task: { target: 'kind', problem: 'classification', inputs: ['x'], where: { column: 'kind', levels: ['a'] } }, message: '"kind" has only one class (a)' },
    { what: 'a categorical regression target', task: { target: 'kind', problem: 'regression' }, message: MSG.regressionNotNumeric('kind') },
    { what: 'no numeric input', task: { target: 'x', problem: 'regression', inputs: ['kind'] }, message: 'No numeric column is left to learn from besides the target "x".' },
    { what: 'an unknown input', task: { target: 'x', problem: 'regression', inputs: ['z', 'w'] }, message: MSG.noSuchInput('w') },
    { what: 'the target as an input', task: { target: 'x', problem: 'regression', inputs: ['x', 'z'] }, message: MSG.targetAsInput('x') },
    { what: 'an unknown filter column', task: { target: 'x', problem: 'regression', where: { column: 'w', levels: ['a'] } }, message: MSG.noSuchColumn('w') },
    { what: 'a numeric filter column', task: { target: 'x', problem: 'regression', where: { column: 'z', levels: ['1'] } }, message: MSG.filterNotCategorical('z') },
    { what: 'an unknown filter level', task: { target: 'x', problem: 'regression', where: { column: 'kind', levels: ['q'] } }, message: MSG.filterUnknownLevel('kind', 'q') },
    { what: 'a filter leaving too few rows', task: { target: 'x', problem: 'regression', where: { column: 'kind', levels: [] } }, message: 'Only 0 rows are left after the filter; at least 10 are needed.' },
    { what: 'too few complete rows', task: { target: 'x', problem: 'regression', where: { column: 'kind', levels: ['a'] } }, message: 'Only 7 rows have a value in every column used; at least 10 are needed.' },
  ];
  it.each(cases)('refuses $what', ({ task, message }) => {
    expect(validateTask(table, task)).toContain(message);
  });

  it('refuses too many classes, suggesting regression for a numeric target', () => {
    const big = tableFromRows('t', Array.from({ length: 120 }, (_, i) => ({ x: i, many: i % 60, cat: `c${i % 60}` })), [
      { name: 'x', kind: 'numeric' },
      { name: 'many', kind: 'numeric' },
      { name: 'cat', kind: 'categorical' },
    ]);
    expect(validateTask(big, { target: 'many', problem: 'classification' })).toBe('"many" has 60 classes; at most 50 are allowed. It is numeric: try regression instead.');
    expect(validateTask(big, { target: 'cat', problem: 'classification' })).toBe('"cat" has 60 classes; at most 50 are allowed.');
    expect(validateTask(big, { target: 'many', problem: 'regression' })).toBeNull();
  });

  it('suggests nothing about regression for a categorical target with too many classes', () => {
    expect(MSG.tooManyClasses('c', 60, 50, false)).toBe('"c" has 60 classes; at most 50 are allowed.');
  });

  it('refuses a single-class target read from a CSV file', () => {
    const r = ok(parseCsv(`x,y\n${Array.from({ length: 20 }, (_, i) => `${i},yes`).join('\n')}\n`, 't.csv'));
    expect(validateTask(r.table, { target: 'y', problem: 'classification' })).toBe('"y" has only one class (yes): there is nothing to tell apart.');
  });

  it('refuses a CSV file with no numeric feature', () => {
    const r = ok(parseCsv(`c,y\n${Array.from({ length: 20 }, (_, i) => `${'pq'[i % 2]},${i % 3}`).join('\n')}\n`, 't.csv'));
    expect(validateTask(r.table, { target: 'y', problem: 'classification' })).toBe(MSG.noNumericInput('y'));
  });
});

describe('parseCsv refuses a file with no usable column, saying why', () => {
  const ids = Array.from({ length: 60 }, (_, i) => `id${i},c${i}`);
  it('every column an identifier', () => {
    const r = parseCsv(`name,code\n${ids.join('\n')}\n`, 'ids.csv');
    expect(r).toEqual({ ok: false, error: MSG.noUsableColumns(['name', 'code'], []) });
    if (!r.ok) expect(r.error).toBe('No column can be used: every column ("name", "code") has nearly all values different, so it names or numbers the rows rather than grouping them.');
  });
  it('every column empty', () => {
    const r = parseCsv('a,b\n,\n,\n,\n', 'blank.csv');
    expect(r).toEqual({ ok: false, error: 'No column can be used: every column ("a", "b") is empty.' });
  });
  it('a mix of empty and identifier columns', () => {
    const r = parseCsv(`name,blank\n${Array.from({ length: 60 }, (_, i) => `id${i},`).join('\n')}\n`, 'mix.csv');
    expect(r).toEqual({ ok: false, error: 'No column can be used: "blank" is empty and "name" names or numbers the rows (nearly all values different).' });
  });
  it('names at most three columns', () => {
    const r = parseCsv(`a,b,c,d,e\n${',,,,\n'.repeat(3)}`, 'wide.csv');
    expect(r).toEqual({ ok: false, error: 'No column can be used: every column ("a", "b", "c" and 2 more) is empty.' });
  });
  it('keeps a file with one usable column, listing what it left out', () => {
    const r = ok(parseCsv(`name,blank,x\n${Array.from({ length: 60 }, (_, i) => `id${i},,${i % 4}`).join('\n')}\n`, 'one.csv'));
    expect(r.table.columns.map((c) => c.name)).toEqual(['x']);
    expect(r.table.leftOut).toEqual([
      { name: 'name', reason: 'identifier', distinct: 60, rows: 60 },
      { name: 'blank', reason: 'empty' },
    ]);
  });
});

describe('parseCsv refuses numbers a 32-bit float cannot hold', () => {
  const alternating = (v: string, n = 12) => Array.from({ length: n }, (_, i) => `${i},${i % 2 ? '-' : ''}${v}`).join('\n');
  it('names the column, the row and the value', () => {
    const r = parseCsv(`x,big\n${alternating('1.7e308')}\n`, 'big.csv');
    expect(r).toEqual({ ok: false, error: 'Column "big" holds 1.7e308 in row 2: values beyond ±3.4e38 cannot be trained in 32-bit floats.' });
  });
  it('refuses a target of ±1e300', () => {
    const r = parseCsv(`x,y\n${alternating('1e300')}\n`, 't.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe(MSG.beyondFloat32('y', 2, '1e300'));
    const negative = parseCsv('x,y\n1,2\n2,3\n3,-1e300\n', 't.csv');
    expect(negative).toEqual({ ok: false, error: MSG.beyondFloat32('y', 4, '-1e300') });
  });
  it('refuses a number that overflows even float64 rather than reading it as a category', () => {
    const r = parseCsv('x,y\n1,2\n3,1e400\n5,6\n', 't.csv');
    expect(r).toEqual({ ok: false, error: MSG.beyondFloat32('y', 3, '1e400') });
  });
  it('refuses a decimal-comma number beyond the range in a ";" file', () => {
    const r = parseCsv('x;y\n1;2,5\n3;4,5e39\n5;6\n', 't.csv');
    expect(r).toEqual({ ok: false, error: MSG.beyondFloat32('y', 3, '4,5e39') });
  });
  it('accepts values up to the largest 32-bit float', () => {
    const r = ok(parseCsv('x,y,z\n1,3.4e38,-3.4e38\n2,0,0\n3,1,-1\n', 't.csv'));
    expect(Array.from((col(r.table, 'y') as NumericColumn).values)).toEqual([3.4e38, 0, 1]);
    expect(Array.from((col(r.table, 'z') as NumericColumn).values)).toEqual([-3.4e38, 0, -1]);
  });
  it('refuses a spread wider than the largest 32-bit float, naming both ends', () => {
    const r = parseCsv('x,y\n1,2e38\n2,0\n3,-2e38\n4,1\n', 't.csv');
    expect(r).toEqual({ ok: false, error: MSG.spreadBeyondFloat32('y', 4, '-2e38', 2, '2e38') });
    if (!r.ok) expect(r.error).toBe('Column "y" spans from -2e38 (row 4) to 2e38 (row 2): a spread wider than 3.4e38 cannot be standardized in 32-bit floats.');
  });
  it('keeps text that merely looks huge in a categorical column', () => {
    const r = ok(parseCsv('x,y\n1,1e400\n2,abc\n3,1e400\n', 't.csv'));
    expect(col(r.table, 'y').kind).toBe('categorical');
  });
});

describe('parseCsv tells a stray text after a closing quote from an unclosed quote', () => {
  it('text after the closing quote', () => {
    expect(parseCsv('a,b,c\n1,2,"p"x\n', 't.csv')).toEqual({ ok: false, error: MSG.badQuote(2) });
    expect(parseCsv('a,b,c\n1,"x"y,3\n4,5,6\n', 't.csv')).toEqual({ ok: false, error: MSG.badQuote(2) });
    expect(parseCsv('a,b\n1,2\n3,"2"3"\n4,5\n', 't.csv')).toEqual({ ok: false, error: MSG.badQuote(3) });
  });
  it('a quote never closed', () => {
    expect(parseCsv('a,b,c\n1,2,"p\n3,4,5\n', 't.csv')).toEqual({ ok: false, error: MSG.unclosedQuote(2) });
    expect(parseCsv('a,b\n1,2\n"1,2\n', 't.csv')).toEqual({ ok: false, error: MSG.unclosedQuote(3) });
  });
  it('the first quote problem in the file wins', () => {
    expect(parseCsv('a,b\n1,"p"x\n3,"q\n', 't.csv')).toEqual({ ok: false, error: MSG.badQuote(2) });
  });
  it('accepts doubled quotes and a space after a closing quote', () => {
    const r = ok(parseCsv('a,b\n1,"ab""c"\n2,"x" \n', 't.csv'));
    expect((col(r.table, 'b') as CategoricalColumn).levels).toEqual(['ab"c', 'x']);
  });
});

describe('validateTask says why a left-out column cannot be used', () => {
  const n = 60;
  const file = `x,id,blank,y\n${Array.from({ length: n }, (_, i) => `${i % 7},row${i},,${i % 2}`).join('\n')}\n`;
  const table = ok(parseCsv(file, 't.csv')).table;
  it('an empty target', () => {
    expect(validateTask(table, { target: 'blank', problem: 'classification' })).toBe('"blank" has no values, so it cannot be predicted.');
  });
  it('an identifier target', () => {
    expect(validateTask(table, { target: 'id', problem: 'classification' })).toBe('"id" was left out as an identifier (60 different values in 60 rows), so it cannot be predicted.');
  });
  it('a left-out input or filter column', () => {
    expect(validateTask(table, { target: 'y', problem: 'classification', inputs: ['x', 'blank'] })).toBe(MSG.columnEmpty('blank', 'an input'));
    expect(validateTask(table, { target: 'y', problem: 'classification', where: { column: 'id', levels: ['row1'] } })).toBe(MSG.columnIdentifier('id', n, n, 'filtered on'));
  });
  it('a column that is really not there is still "no column named"', () => {
    expect(validateTask(table, { target: 'nope', problem: 'classification' })).toBe(MSG.noSuchColumn('nope'));
    expect(validateTask(table, { target: 'y', problem: 'classification' })).toBeNull();
  });
  it('every new message is one sentence', () => {
    for (const m of [MSG.columnEmpty('a', 'predicted'), MSG.columnIdentifier('a', 3, 3, 'predicted'), MSG.noUsableColumns(['a'], ['b']), MSG.beyondFloat32('a', 2, '1e39'), MSG.spreadBeyondFloat32('a', 2, '-2e38', 3, '2e38')]) {
      expect(m).toMatch(/^[A-Z"].*\.$/s);
    }
  });
});
