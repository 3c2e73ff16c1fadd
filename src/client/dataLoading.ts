// Loading data sets for the controls and for scripts alike: a built-in set by name, or CSV text
// or file bytes with the column to predict. A bad input leaves the current data set in place and
// says why in the page's alert region.
import { DATASET_KEYS, type DatasetKey } from '../shared/datasets';
import type { Problem } from '../shared/datasets';
import type { Table } from '../shared/table';
import { useStore } from '../store/store';
import { client } from './trainingClient';
import { adoptUpload, parseCsvOffThread } from './uploads';

const TOPIC = 'data-file';

function refuse(message: string): never {
  useStore.getState().say(TOPIC, 'error', message);
  throw new Error(message);
}

const LOADABLE = DATASET_KEYS.filter((k) => k !== 'upload');

export async function loadDataset(name: unknown): Promise<void> {
  if (typeof name !== 'string' || !(LOADABLE as readonly string[]).includes(name)) {
    refuse(`Unknown data set "${String(name).slice(0, 40)}": choose one of ${LOADABLE.join(', ')} (or load a CSV file).`);
  }
  useStore.getState().clear(TOPIC);
  await client.changeConfig({ dataset: name as DatasetKey });
}

/** Makes a parsed file the current data set, predicting `target` as a `problem`. */
export async function trainOnTable(table: Table, target: string, problem: Problem): Promise<void> {
  try {
    adoptUpload(table, { target, problem });
  } catch (e) {
    refuse(e instanceof Error ? e.message : String(e));
  }
  useStore.getState().clear(TOPIC);
  const before = JSON.stringify(client.config());
  await client.changeConfig({ dataset: 'upload', problem });
  // A second file under the same settings changes no setting, but its rows are new.
  if (JSON.stringify(client.config()) === before) await client.reload();
  useStore.getState().say(TOPIC, 'info', `Loaded ${table.name}: ${table.rows} rows; predicting "${target}" (${problem}).`);
}

export async function parseCsvInput(input: string | ArrayBuffer, name: string): Promise<Table> {
  if (typeof input !== 'string' && !(input instanceof ArrayBuffer)) refuse('loadCsv expects the file’s text (a string).');
  const r = await parseCsvOffThread(input, name);
  if (!r.ok) refuse(r.error);
  return r.table;
}

export interface CsvOptions {
  target: string;
  problem: Problem;
  name?: string;
}

/** `playground.loadCsv(text, { target, problem })`. */
export async function loadCsv(text: unknown, opts: unknown): Promise<void> {
  const o = (opts ?? {}) as Partial<CsvOptions>;
  if (typeof o.target !== 'string' || o.target === '') refuse('loadCsv needs { target: "column name", problem: "classification" | "regression" }.');
  if (o.problem !== 'classification' && o.problem !== 'regression') refuse('problem must be "classification" or "regression".');
  const table = await parseCsvInput(text as string, o.name ?? 'data.csv');
  await trainOnTable(table, o.target, o.problem);
}
