import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import type { EpochMetrics } from '../shared/protocol';
import type { SearchSpec, TrialRecord } from '../search/types';
import { PlaygroundDb } from './db';
import { buildRun, buildSearch, checkRun, epochsOf, exportFile, parseImport, SCHEMA_VERSION } from './records';

const epochs: EpochMetrics[] = [
  { epoch: 0, trainLoss: 0.7, valLoss: 0.72, trainAcc: 0.5, valAcc: 0.48 },
  { epoch: 1, trainLoss: 0.5, valLoss: 0.55, trainAcc: 0.7, valAcc: 0.66 },
  { epoch: 2, trainLoss: NaN, valLoss: Infinity, trainAcc: null, valAcc: null },
];

const spec: SearchSpec = { strategy: 'grid', space: { lr: { kind: 'list', values: [0.01, 0.1] } }, budget: 2, folds: 1, epochs: 10, seed: 1, objective: 'loss' };
const trials: TrialRecord[] = [
  { index: 0, trial: { lr: 0.01 }, folds: [0.4], mean: 0.4, std: 0, ms: 12 },
  { index: 1, trial: { lr: 0.1 }, folds: [0.3], mean: 0.3, std: 0, ms: 11 },
];

function run(extra: Partial<Parameters<typeof buildRun>[0]> = {}) {
  return buildRun({ config: { ...DEFAULT_CONFIG, lr: 0.1 }, runIndex: 0, epochs, test: null, diagnosis: { regime: 'diverged', evidence: 'loss became NaN' }, backend: 'cpu', ...extra });
}

let n = 0;
const names: string[] = [];
function dbName(): string {
  const name = `test-db-${++n}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  while (names.length) await Dexie.delete(names.pop()!);
});

describe('records', () => {
  it('keep non-finite values as null and read them back as NaN', () => {
    const r = run();
    expect(r.schemaVersion).toBe(SCHEMA_VERSION);
    expect(r.curves.trainLoss).toEqual([0.7, 0.5, null]);
    expect(r.final).toEqual({ epoch: 2, trainLoss: null, valLoss: null, trainAcc: null, valAcc: null });
    expect(Number.isNaN(epochsOf(r.curves)[2].valLoss)).toBe(true);
    expect(checkRun(JSON.parse(JSON.stringify(r)))).toMatchObject({ ok: true });
  });

  it('refuse a record with a bad config, naming the field', () => {
    const r = { ...run(), config: { ...DEFAULT_CONFIG, lr: -1 } };
    const c = checkRun(r);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error).toMatch(/config: lr/);
  });

  it('refuse a record from a newer schema', () => {
    const c = checkRun({ ...run(), schemaVersion: SCHEMA_VERSION + 1 });
    expect(c.ok).toBe(false);
  });

  it('upgrade a version 1 run (epoch objects, no name or note)', () => {
    const v1 = { schemaVersion: 1, savedAt: new Date().toISOString(), config: DEFAULT_CONFIG, runIndex: 2, epochs: epochs.slice(0, 2), test: null, backend: 'cpu' };
    const c = checkRun(v1);
    expect(c.ok).toBe(true);
    if (c.ok) {
      expect(c.value.schemaVersion).toBe(2);
      expect(c.value.curves.valLoss).toEqual([0.72, 0.55]);
      expect(c.value.final?.epoch).toBe(1);
      expect(c.value.name).toBe('');
      expect(c.value.runIndex).toBe(2);
    }
  });
});

describe('export and import', () => {
  it('round-trip runs and searches through one JSON file', () => {
    const file = JSON.stringify(exportFile([{ ...run(), id: 4 }], [buildSearch(spec, trials, trials[1])]));
    const p = parseImport(file);
    expect(p.ok).toBe(true);
    if (p.ok) {
      expect(p.value.runs).toHaveLength(1);
      expect(p.value.runs[0].id).toBeUndefined();
      expect(p.value.runs[0].config.lr).toBe(0.1);
      expect(p.value.searches[0].best?.mean).toBe(0.3);
    }
  });

  it('a Hyperband search keeps its pruned trials, their stop and curves', () => {
    const pruned = trials.map((t, i) => ({ ...t, pruned: i === 0, stoppedAt: i === 0 ? 3 : 9, intermediate: [0.7, 0.6, 0.5], bracket: 1 }));
    const p = parseImport(JSON.stringify(exportFile([], [buildSearch({ ...spec, strategy: 'hyperband', eta: 3 }, pruned, pruned[1])])));
    expect(p.ok).toBe(true);
    if (p.ok) {
      expect(p.value.searches[0].spec.strategy).toBe('hyperband');
      expect(p.value.searches[0].trials[0]).toMatchObject({ pruned: true, stoppedAt: 3, intermediate: [0.7, 0.6, 0.5], bracket: 1 });
    }
  });

  it('refuse a bad file with the reason', () => {
    expect(parseImport('not json')).toEqual({ ok: false, error: 'the file is not JSON' });
    expect(parseImport('{"a":1}')).toMatchObject({ ok: false, error: expect.stringMatching(/not a Tuning Playground export/) });
    const broken = exportFile([run(), { ...run(), curves: { ...run().curves, valLoss: [1] } }], []);
    expect(parseImport(JSON.stringify(broken))).toEqual({ ok: false, error: 'run 2: curves.valLoss must be 3 numbers or nulls' });
  });
});

describe('the database', () => {
  it('saves, lists, updates and deletes runs', async () => {
    const db = new PlaygroundDb(dbName());
    const id = await db.runs.add(run());
    await db.runs.update(id, { name: 'first', note: 'lr 0.1 diverges' });
    const { runs } = await db.listRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id, name: 'first', note: 'lr 0.1 diverges' });
    await db.runs.delete(id);
    expect((await db.listRuns()).runs).toHaveLength(0);
    db.close();
  });

  it('upgrades version 1 records written by the first database version', async () => {
    const name = dbName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ runs: '++id, savedAt', searches: '++id, savedAt' });
    await v1.table('runs').add({ schemaVersion: 1, savedAt: '2026-01-02T03:04:05.000Z', config: DEFAULT_CONFIG, runIndex: 0, epochs: epochs.slice(0, 2), test: null, diagnosis: null, backend: 'cpu' });
    await v1.table('searches').add({ schemaVersion: 1, savedAt: '2026-01-02T03:04:05.000Z', spec, trials, best: trials[1] });
    v1.close();

    const db = new PlaygroundDb(name);
    const { runs, skipped } = await db.listRuns();
    expect(skipped).toBe(0);
    expect(runs[0]).toMatchObject({ schemaVersion: 2, name: '', note: '', curves: { epoch: [0, 1] } });
    // Stored upgraded, not only upgraded on read.
    const raw = (await db.runs.toArray())[0] as unknown as Record<string, unknown>;
    expect(raw.schemaVersion).toBe(2);
    expect(raw.epochs).toBeUndefined();
    const { searches } = await db.listSearches();
    expect(searches[0]).toMatchObject({ schemaVersion: 2, note: '', best: { mean: 0.3 } });
    db.close();
  });

  it('skips a damaged record instead of failing the list', async () => {
    const db = new PlaygroundDb(dbName());
    await db.runs.add(run());
    await db.runs.add({ schemaVersion: 2 } as never);
    const { runs, skipped } = await db.listRuns();
    expect(runs).toHaveLength(1);
    expect(skipped).toBe(1);
    db.close();
  });

  it('imports all or nothing', async () => {
    const db = new PlaygroundDb(dbName());
    await db.runs.add(run({ name: 'kept' }));
    const { runIds } = await db.importAll([run(), run()], [buildSearch(spec, trials, null)]);
    expect(runIds).toHaveLength(2);
    expect(await db.runs.count()).toBe(3);
    // A failure in the middle (a duplicate key) leaves the database as it was.
    const dup = { ...run(), id: undefined };
    await expect(db.transaction('rw', db.runs, async () => {
      await db.runs.add(dup);
      throw new Error('disk full');
    })).rejects.toThrow('disk full');
    expect(await db.runs.count()).toBe(3);
    await db.deleteAll();
    expect(await db.runs.count()).toBe(0);
    expect(await db.searches.count()).toBe(0);
    db.close();
  });
});
