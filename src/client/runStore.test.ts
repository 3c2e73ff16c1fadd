import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { buildRun, exportFile } from '../storage/records';
import { useStore } from '../store/store';
import { deleteRun, exportText, importText, listRuns, openSearch, renameRun, startRunStore, useSaved } from './runStore';

describe('run store', () => {
  it('imports, renames, exports and deletes through IndexedDB', async () => {
    await startRunStore();
    expect(useSaved.getState().persistent).toBe(true);
    const file = JSON.stringify(exportFile([buildRun({ config: { ...DEFAULT_CONFIG, lr: 0.3 }, runIndex: 0, epochs: [{ epoch: 0, trainLoss: 1, valLoss: 1, trainAcc: null, valAcc: null }], test: null, diagnosis: null, backend: 'cpu' })], []));
    expect(await importText(file)).toEqual({ ok: true, runs: 1, searches: 0 });
    const [r] = await listRuns();
    expect(r.config.lr).toBe(0.3);
    await renameRun(r.id!, ' mine ', 'a note');
    expect((await listRuns())[0]).toMatchObject({ name: 'mine', note: 'a note' });
    expect(JSON.parse(exportText()).runs[0].name).toBe('mine');

    // A bad file changes nothing and says why.
    const bad = await importText(JSON.stringify({ ...JSON.parse(file), runs: [{ schemaVersion: 2 }] }));
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^run 1: config is missing/) });
    expect(await listRuns()).toHaveLength(1);

    await deleteRun(r.id!);
    expect(await listRuns()).toHaveLength(0);
    expect(useStore.getState().messages.filter((m) => m.topic === 'storage')).toEqual([]);
  });

  it('saves a search when it finishes, and reopens it', async () => {
    const spec = { strategy: 'grid' as const, space: { lr: { kind: 'list' as const, values: [0.01, 0.1] } }, budget: 2, folds: 1, epochs: 5, seed: 1, objective: 'loss' as const };
    const trials = [
      { index: 0, trial: { lr: 0.01 }, folds: [0.5], mean: 0.5, std: 0, ms: 3 },
      { index: 1, trial: { lr: 0.1 }, folds: [0.2], mean: 0.2, std: 0, ms: 3 },
    ];
    useStore.getState().setSearch({ status: 'running', spec, trials: [], total: 2 });
    useStore.getState().setSearch({ status: 'done', trials });
    await expect.poll(() => useSaved.getState().searches.length).toBe(1);
    const saved = useSaved.getState().searches[0];
    expect(saved.best?.trial).toEqual({ lr: 0.1 });
    useStore.getState().setSearch({ status: 'idle', spec: null, trials: [], total: 0 });
    openSearch(saved.id!);
    expect(useStore.getState().search).toMatchObject({ status: 'done', total: 2, spec });
    expect(useStore.getState().search.trials).toHaveLength(2);
  });
});
