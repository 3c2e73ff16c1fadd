// The uploaded CSV file: parsed off the main thread, checked, then handed to every training worker
// that needs it (each once per file). The rows stay in this browser.
import * as Comlink from 'comlink';
import { findColumn } from '../data/tables/columns';
import { selectRows, targetClasses, validateTask } from '../data/tables/validate';
import type { CsvResult } from '../data/tables/csv';
import type { UploadTaker } from '../shared/protocol';
import type { Table, TableTask } from '../shared/table';
import type { CsvApi } from '../worker/csvApi';
import { WorkerBridge } from './workerBridge';
import { startWorker } from './workers';
import { useStore } from '../store/store';

/**
 * The CSV worker, started on first use and ended after a minute without a file. Parsing is one
 * synchronous stretch (a 50 MB file takes several seconds), so it may be silent far longer than a
 * training worker before it counts as gone.
 */
const csv = new WorkerBridge<CsvApi>({ role: 'CSV', start: () => startWorker('csv'), idleMs: 60_000, silenceMs: 120_000 });

/** Parses CSV text or file bytes in the CSV worker. */
export function parseCsvOffThread(input: ArrayBuffer | string, name: string): Promise<CsvResult> {
  return csv.call<CsvResult>((api) => (input instanceof ArrayBuffer ? api.parse(Comlink.transfer(input, [input]), name) : api.parse(input, name)));
}

let current: { id: number; table: Table; task: TableTask } | null = null;
let nextId = 1;
const sent = new WeakMap<object, number>();

/** The classes a classification task would learn (used rows only). */
export function taskClasses(table: Table, task: TableTask): number {
  if (task.problem === 'regression') return 1;
  const target = findColumn(table, task.target)!;
  return targetClasses(target, selectRows(table, task.where, [target]).rows).length;
}

/** Checks a task on a parsed file and makes it the upload; throws the reason it cannot be used. */
export function adoptUpload(table: Table, task: TableTask): void {
  const why = validateTask(table, task);
  if (why) throw new Error(why);
  current = { id: nextId++, table, task };
  useStore.getState().setUpload({ label: table.name, problem: task.problem, classes: taskClasses(table, task) });
}

export function currentUpload(): { table: Table; task: TableTask } | null {
  return current;
}

/** Gives a worker the current upload unless it already has it. */
export async function ensureUpload(api: Comlink.Remote<UploadTaker>): Promise<void> {
  // Record the upload that was actually sent: `current` may change while it travels, and marking
  // the worker with the newer id would make it skip the newer file and keep training on this one.
  const upload = current;
  if (!upload || sent.get(api) === upload.id) return;
  await api.setUpload(upload.table, upload.task);
  sent.set(api, upload.id);
}
