// The IndexedDB database (through Dexie) that keeps saved runs and searches across reloads.
// Database version 1 held schema-1 records; version 2 upgrades every record in place
// (records.ts upgradeRun / upgradeSearch). Records are validated again when read, so a damaged
// one is skipped (and counted), never shown half-read.
import Dexie, { type Table } from 'dexie';
import { checkRun, checkSearch, upgradeRun, upgradeSearch, type SavedRun, type SavedSearch } from './records';

export const DB_NAME = 'tuning-playground';

const STORES = { runs: '++id, savedAt', searches: '++id, savedAt' };

export class PlaygroundDb extends Dexie {
  runs!: Table<SavedRun, number>;
  searches!: Table<SavedSearch, number>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(STORES);
    this.version(2)
      .stores(STORES)
      .upgrade(async (tx) => {
        await tx
          .table('runs')
          .toCollection()
          .modify((r, ref) => {
            ref.value = upgradeRun(r) as unknown as SavedRun;
          });
        await tx
          .table('searches')
          .toCollection()
          .modify((r, ref) => {
            ref.value = upgradeSearch(r) as unknown as SavedSearch;
          });
      });
  }

  async listRuns(): Promise<{ runs: SavedRun[]; skipped: number }> {
    const raw = await this.runs.toArray();
    const runs: SavedRun[] = [];
    for (const r of raw) {
      const c = checkRun(r);
      if (c.ok) runs.push(c.value);
    }
    return { runs, skipped: raw.length - runs.length };
  }

  async listSearches(): Promise<{ searches: SavedSearch[]; skipped: number }> {
    const raw = await this.searches.toArray();
    const searches: SavedSearch[] = [];
    for (const r of raw) {
      const c = checkSearch(r);
      if (c.ok) searches.push(c.value);
    }
    return { searches, skipped: raw.length - searches.length };
  }

  /** Adds every record in one transaction: all are saved, or (on any failure) none. Returns the new ids. */
  async importAll(runs: SavedRun[], searches: SavedSearch[]): Promise<{ runIds: number[]; searchIds: number[] }> {
    return this.transaction('rw', this.runs, this.searches, async () => {
      const runIds = (await this.runs.bulkAdd(runs.map(stripId), { allKeys: true })) as number[];
      const searchIds = (await this.searches.bulkAdd(searches.map(stripId), { allKeys: true })) as number[];
      return { runIds, searchIds };
    });
  }

  async deleteAll(): Promise<void> {
    await this.transaction('rw', this.runs, this.searches, async () => {
      await this.runs.clear();
      await this.searches.clear();
    });
  }
}

function stripId<T extends { id?: number }>(r: T): T {
  const copy = { ...r };
  delete copy.id;
  return copy;
}
