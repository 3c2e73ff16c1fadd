// The CSV worker: reads an uploaded file off the page's thread and hands back the table, moving
// (not copying) its typed arrays. Keeps papaparse out of the page's bundle.
import * as Comlink from 'comlink';
import { parseCsv, type CsvResult } from '../data/tables/csv';
import type { Table } from '../shared/table';

/** Each column's own buffer, once (a buffer listed twice makes postMessage throw). */
function buffersOf(table: Table): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const c of table.columns) out.add((c.kind === 'numeric' ? c.values.buffer : c.codes.buffer) as ArrayBuffer);
  return [...out];
}

const api = {
  async parse(input: ArrayBuffer | string, name: string): Promise<CsvResult> {
    const result = parseCsv(input, name);
    return result.ok ? Comlink.transfer(result, buffersOf(result.table)) : result;
  },
};

export type CsvWorkerApi = typeof api;

Comlink.expose(api);
