// Keeps every run and search in the browser (storage/db.ts) and mirrors them in memory for the
// saved-runs panel and `playground.runs`.
//
// - A run is saved when training pauses or stops (and updated each time after), every 30 s while
//   it trains, when the page is left, and when a new run replaces it; a finished search is saved
//   with its spec, trials and best trial.
// - When IndexedDB cannot be opened (blocked, private window) or a write fails (storage full),
//   the page says so once and goes on with the records in memory for this session; nothing
//   already saved is touched (each write is its own transaction).
import { t } from '../i18n/i18n';
import { create } from 'zustand';
import type { ExperimentConfig } from '../shared/config';
import { PlaygroundDb } from '../storage/db';
import { buildRun, buildSearch, exportFile, parseImport, type SavedRun, type SavedSearch } from '../storage/records';
import { useStore, type Store } from '../store/store';
import { bestTrial } from './searchRunner';
import { errorText } from '../shared/errorText';
import type { TrainingClient } from './trainingClient';

export interface SavedState {
  /** Newest first. */
  runs: SavedRun[];
  searches: SavedSearch[];
  /** Whether records outlive the page: null while the database opens, false when kept in memory only. */
  persistent: boolean | null;
}

export const useSaved = create<SavedState>()(() => ({ runs: [], searches: [], persistent: null }));

const TOPIC = 'storage';
let db: PlaygroundDb | null = null;
let warned = false;
let loaded: Promise<void> = Promise.resolve();
/** The saved record of each run of this page (store runId → record id), so later saves update it. */
const savedIds = new Map<number, Promise<number>>();

function failText(e: unknown): string {
  const name = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? (e as Error).name : '';
  const inner = (e as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return t('saved:storageFull');
  return t('saved:storageBlocked');
}

/** Says once per page that storage failed; the page goes on in memory. */
function storageFailed(e: unknown, lost = false): void {
  useSaved.setState({ persistent: false });
  if (lost) db = null;
  if (warned) return;
  warned = true;
  useStore.getState().say(TOPIC, 'warning', failText(e));
}

function nextLocalId(list: { id?: number }[]): number {
  return list.reduce((m, r) => Math.max(m, r.id ?? 0), 0) + 1;
}

async function putRun(r: SavedRun): Promise<number> {
  let id = r.id;
  if (db) {
    try {
      id = await db.runs.put(r);
    } catch (e) {
      storageFailed(e);
    }
  }
  id ??= nextLocalId(useSaved.getState().runs);
  const rec = { ...r, id };
  useSaved.setState((s) => ({ runs: s.runs.some((x) => x.id === id) ? s.runs.map((x) => (x.id === id ? rec : x)) : [rec, ...s.runs] }));
  return id;
}

async function putSearch(r: SavedSearch): Promise<number> {
  let id = r.id;
  if (db) {
    try {
      id = await db.searches.put(r);
    } catch (e) {
      storageFailed(e);
    }
  }
  id ??= nextLocalId(useSaved.getState().searches);
  const rec = { ...r, id };
  useSaved.setState((s) => ({ searches: [rec, ...s.searches.filter((x) => x.id !== id)] }));
  return id;
}

/** Saves (or updates) the record of the page's run `runId`; saves of one run go one after another. */
function saveRunOf(runId: number, record: SavedRun): Promise<number> {
  const before = savedIds.get(runId);
  const next = (before ?? Promise.resolve(undefined as number | undefined)).then((id) => {
    const existing = id === undefined ? undefined : useSaved.getState().runs.find((r) => r.id === id);
    // A name or note given meanwhile is kept, and the date is the run's first save.
    return putRun(existing ? { ...record, id, name: existing.name, note: existing.note, savedAt: existing.savedAt } : record);
  });
  savedIds.set(runId, next);
  return next;
}

function saveCurrent(s: Store): void {
  if (!s.runConfig || s.metrics.epochs < 2) return;
  const record = buildRun({
    config: s.runStartConfig ?? s.runConfig,
    runIndex: s.runIndex,
    epochs: s.metrics.toArray(),
    test: s.test,
    diagnosis: s.diagnosis,
    backend: s.backend?.active ?? null,
  });
  saveRunOf(s.runId, record).catch(() => {});
}

/** While a run trains it is saved at most this often (ms), so a closed tab loses little. */
const SAVE_EVERY_MS = 30_000;
let lastSave = 0;

function watch(): void {
  if (typeof window !== 'undefined') window.addEventListener('pagehide', () => saveCurrent(useStore.getState()));
  useStore.subscribe((s, prev) => {
    if (s.status === 'training' && s.metrics !== prev.metrics) {
      const now = Date.now();
      if (lastSave === 0) lastSave = now;
      else if (now - lastSave >= SAVE_EVERY_MS) {
        lastSave = now;
        saveCurrent(s);
      }
    }
    // Training paused or stopped (budget, early stop, divergence): keep the run as it is now.
    if (prev.status === 'training' && s.status !== 'training' && s.runId === prev.runId) saveCurrent(s);
    // A test evaluation of the current run is part of its record.
    else if (s.test !== prev.test && s.test && s.runId === prev.runId && savedIds.has(s.runId)) saveCurrent(s);
    // A new run replaced the one before: save that one as it ended (its diagnosis and backend are prev's).
    if (s.runId !== prev.runId && prev.runConfig && prev.metrics.epochs > 1) saveCurrent(prev);
    // A search finished (or was stopped) with trials.
    const done = (st: string) => st === 'done' || st === 'cancelled';
    if (done(s.search.status) && !done(prev.search.status) && s.search.spec && s.search.trials.length) {
      const { spec, trials } = s.search;
      putSearch(buildSearch(spec, trials, bestTrial(trials, spec.objective))).catch(() => {});
    }
  });
}

/** Opens the database and loads what it holds; call once at start. */
export function startRunStore(): Promise<void> {
  watch();
  loaded = (async () => {
    try {
      db = new PlaygroundDb();
      await db.open();
      const [{ runs }, { searches }] = await Promise.all([db.listRuns(), db.listSearches()]);
      const newest = <T extends { id?: number }>(a: T, b: T) => (b.id ?? 0) - (a.id ?? 0);
      useSaved.setState((s) => ({ runs: [...s.runs, ...runs].sort(newest), searches: [...s.searches, ...searches].sort(newest), persistent: true }));
    } catch (e) {
      storageFailed(e, true);
    }
  })();
  return loaded;
}

export async function renameRun(id: number, name: string, note: string): Promise<void> {
  const r = useSaved.getState().runs.find((x) => x.id === id);
  if (r) await putRun({ ...r, name: name.trim(), note: note.trim() });
}

export async function deleteRun(id: number): Promise<void> {
  if (db) {
    try {
      await db.runs.delete(id);
    } catch (e) {
      storageFailed(e);
    }
  }
  useSaved.setState((s) => ({ runs: s.runs.filter((r) => r.id !== id) }));
}

export async function deleteSearch(id: number): Promise<void> {
  if (db) {
    try {
      await db.searches.delete(id);
    } catch (e) {
      storageFailed(e);
    }
  }
  useSaved.setState((s) => ({ searches: s.searches.filter((r) => r.id !== id) }));
}

export async function deleteAll(): Promise<void> {
  if (db) {
    try {
      await db.deleteAll();
    } catch (e) {
      storageFailed(e);
      return;
    }
  }
  savedIds.clear();
  useSaved.setState({ runs: [], searches: [] });
}

/** Restores a saved run's config as a fresh run (the run on screen is kept). */
export async function openRun(client: TrainingClient, id: number): Promise<ExperimentConfig> {
  await loaded;
  const r = useSaved.getState().runs.find((x) => x.id === id);
  if (!r) throw new Error(t('saved:noSavedRun', { id }));
  try {
    await client.changeConfig(r.config, { fresh: true });
  } catch (e) {
    useStore.getState().say('runs', 'error', t('saved:openFailed', { id, error: errorText(e) }));
    throw e;
  }
  useStore.getState().say('runs', 'info', r.name ? t('saved:openedNamed', { id, name: r.name }) : t('saved:opened', { id }));
  return structuredClone(client.config());
}

/** Shows a saved search's table and plots in the search panel. */
export function openSearch(id: number): void {
  const r = useSaved.getState().searches.find((x) => x.id === id);
  if (!r) return;
  const trials = r.trials.map((t) => ({ ...t, mean: t.mean ?? NaN, std: t.std ?? NaN }));
  useStore.getState().setSearch({ status: 'done', spec: structuredClone(r.spec), trials, total: trials.length, startedAt: 0, updatedAt: 0, finishedAt: 0, error: null, race: null });
}

export async function listRuns(): Promise<SavedRun[]> {
  await loaded;
  return structuredClone(useSaved.getState().runs);
}

export function exportText(): string {
  const { runs, searches } = useSaved.getState();
  return JSON.stringify(exportFile(runs, searches), null, 1);
}

/** Imports an export file: all its records or, with the reason, none. */
export async function importText(text: string): Promise<{ ok: true; runs: number; searches: number } | { ok: false; error: string }> {
  await loaded;
  const p = parseImport(text);
  if (!p.ok) return p;
  const { runs, searches } = p.value;
  let runIds: number[] | null = null;
  let searchIds: number[] | null = null;
  if (db) {
    try {
      ({ runIds, searchIds } = await db.importAll(runs, searches));
    } catch (e) {
      storageFailed(e);
    }
  }
  const s = useSaved.getState();
  const r0 = nextLocalId(s.runs);
  const s0 = nextLocalId(s.searches);
  const newRuns = runs.map((r, i) => ({ ...r, id: runIds?.[i] ?? r0 + i })).reverse();
  const newSearches = searches.map((r, i) => ({ ...r, id: searchIds?.[i] ?? s0 + i })).reverse();
  useSaved.setState({ runs: [...newRuns, ...s.runs], searches: [...newSearches, ...s.searches] });
  return { ok: true, runs: runs.length, searches: searches.length };
}
