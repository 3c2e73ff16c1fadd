// The CSV role: reads an uploaded file off the page's thread and hands back the table, moving
// (not copying) its typed arrays. Keeps papaparse out of the page's bundle.
import * as Comlink from 'comlink';
import { parseCsv, type CsvResult } from '../data/tables/csv';
import type { WorkerBase } from '../shared/protocol';
import type { Table } from '../shared/table';
import { workerBase } from './workerBase';

/** Each column's own buffer, once (a buffer listed twice makes postMessage throw). */
function buffersOf(table: Table): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const c of table.columns) out.add((c.kind === 'numeric' ? c.values.buffer : c.codes.buffer) as ArrayBuffer);
  return [...out];
}

export interface CsvApi extends WorkerBase {
  parse(input: ArrayBuffer | string, name: string): Promise<CsvResult>;
}

export function createCsvApi(): CsvApi {
  return {
    ...workerBase(),
    async parse(input, name): Promise<CsvResult> {
      const result = parseCsv(input, name);
      if (!result.ok) return result;
      return Comlink.transfer(result, buffersOf(result.table));
    },
  };
}
