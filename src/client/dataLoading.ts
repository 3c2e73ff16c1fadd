// Loading data sets for the controls and for scripts alike: a built-in set by name, or CSV text
// or file bytes with the column to predict. A bad input leaves the current data set in place and
// says why in the page's alert region, once.
import { t } from '../i18n/i18n';
import { MSG } from '../data/tables/messages';
import { DATASET_KEYS, type DatasetKey } from '../shared/datasets';
import type { Problem } from '../shared/datasets';
import type { Table } from '../shared/table';
import { useStore } from '../store/store';
import { client } from './trainingClient';
import { adoptUpload, parseCsvOffThread } from './uploads';
import { errorText } from '../shared/errorText';

const TOPIC = 'data-file';

/** Files are read whole; bigger ones could not fit the row limit anyway. */
export const MAX_FILE_MB = 50;

/** An error whose message is already in the alert region, so catchers do not say it twice. */
class Refusal extends Error {}

function refuse(message: string): never {
  useStore.getState().say(TOPIC, 'error', message);
  throw new Refusal(message);
}

/**
 * Puts any failure of a data load in the alert region unless it is already there: a refusal was
 * said when it was thrown, anything else (a worker that failed to start, a bug) is said now.
 */
export function reportLoadFailure(e: unknown): void {
  if (e instanceof Refusal) return;
  useStore.getState().say(TOPIC, 'error', errorText(e));
}

/**
 * Data loads run one at a time, in the order they were asked. A load adopts its file, then
 * changes the config and sets up the model through the training client's queue; two loads
 * interleaving there left the page half one file, half the other (the worker kept A's rows under
 * B's problem and loss). Each load here waits for the one before to finish, success or failure.
 */
let loads: Promise<unknown> = Promise.resolve();

function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const next = loads.then(fn);
  loads = next.catch(() => {});
  return next;
}

/** A queued training operation; when it fails the training client has already said why (topic 'worker'). */
async function saidByClient(op: Promise<void>): Promise<void> {
  try {
    await op;
  } catch (e) {
    throw new Refusal(errorText(e));
  }
}

const LOADABLE = DATASET_KEYS.filter((k) => k !== 'upload');

export function loadDataset(name: unknown): Promise<void> {
  if (typeof name !== 'string' || !(LOADABLE as readonly string[]).includes(name)) {
    try {
      refuse(t('messages:unknownDataset', { name: String(name).slice(0, 40), names: LOADABLE.join(', ') }));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  return serialized(async () => {
    useStore.getState().clear(TOPIC);
    await client.changeConfig({ dataset: name as DatasetKey });
  });
}

/** Makes a parsed file the current data set, predicting `target` as a `problem` (after any load before it). */
export function trainOnTable(table: Table, target: string, problem: Problem): Promise<void> {
  return serialized(() => adoptAndTrain(table, target, problem));
}

/** trainOnTable's work; only ever run inside `serialized` (calling trainOnTable there would wait on itself). */
async function adoptAndTrain(table: Table, target: string, problem: Problem): Promise<void> {
  try {
    adoptUpload(table, { target, problem });
  } catch (e) {
    refuse(errorText(e));
  }
  useStore.getState().clear(TOPIC);
  const before = JSON.stringify(client.config());
  let applied: Promise<void>;
  try {
    applied = client.changeConfig({ dataset: 'upload', problem });
  } catch (e) {
    // A setting refused up front has not been said anywhere yet.
    refuse(errorText(e));
  }
  await saidByClient(applied);
  // A second file under the same settings changes no setting, but its rows are new.
  if (JSON.stringify(client.config()) === before) await saidByClient(client.reload());
  useStore.getState().say(TOPIC, 'info', t('messages:loaded', { name: table.name, rows: table.rows, target, problem }));
}

export async function parseCsvInput(input: string | ArrayBuffer, name: string): Promise<Table> {
  if (typeof input !== 'string' && !(input instanceof ArrayBuffer)) refuse(MSG.csvTextNotString());
  if (typeof name !== 'string') refuse(MSG.csvNameNotText());
  const r = await parseCsvOffThread(input, name);
  if (!r.ok) refuse(r.error);
  return r.table;
}

/** Reads and parses a file the person opened (for the preview; nothing is loaded yet). */
export async function readCsvFile(file: File): Promise<Table> {
  if (file.size > MAX_FILE_MB * 1024 * 1024) refuse(MSG.fileTooBig(file.name, file.size, MAX_FILE_MB));
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (e) {
    refuse(MSG.unreadable(file.name, errorText(e)));
  }
  const table = await parseCsvInput(bytes, file.name);
  // The file is good: an earlier file's refusal no longer applies.
  useStore.getState().clear(TOPIC);
  return table;
}

export interface CsvOptions {
  target: string;
  problem: Problem;
  name?: string;
}

/**
 * loadCsv's arguments as plain strings, or a refusal. Each option is read once and must be a
 * primitive string, so nothing the caller passes (a function, a Symbol, an object with a getter
 * or a toString) can reach postMessage and fail there with a raw DataCloneError.
 */
function checkCsvArgs(text: unknown, opts: unknown): { text: string } & Required<CsvOptions> {
  if (typeof text !== 'string') refuse(MSG.csvTextNotString());
  if (opts === null || typeof opts !== 'object') refuse(MSG.csvOptionsMissing());
  const o = opts as Record<string, unknown>;
  const target = o.target;
  const problem = o.problem;
  const name = o.name;
  if (typeof target !== 'string' || target.trim() === '') refuse(target === undefined ? MSG.csvOptionsMissing() : MSG.csvTargetNotText());
  if (problem !== 'classification' && problem !== 'regression') refuse(MSG.csvProblemBad());
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) refuse(MSG.csvNameNotText());
  return { text, target, problem, name: name ?? 'data.csv' };
}

/** `playground.loadCsv(text, { target, problem, name? })`: parses and trains, after any load before it. */
export function loadCsv(text: unknown, opts: unknown): Promise<void> {
  let args: ReturnType<typeof checkCsvArgs>;
  try {
    args = checkCsvArgs(text, opts);
  } catch (e) {
    // A getter on the options may throw anything: say it too.
    reportLoadFailure(e);
    return Promise.reject(e);
  }
  return serialized(async () => {
    const table = await parseCsvInput(args.text, args.name);
    await adoptAndTrain(table, args.target, args.problem);
  });
}
