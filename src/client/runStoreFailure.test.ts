// No IndexedDB at all (as in some private windows): one warning, and records kept in memory.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { buildRun, exportFile } from '../storage/records';
import { useStore } from '../store/store';
import { importText, listRuns, startRunStore, useSaved } from './runStore';

describe('run store without IndexedDB', () => {
  it('says so once and keeps runs in memory', async () => {
    await startRunStore();
    expect(useSaved.getState().persistent).toBe(false);
    const warnings = useStore.getState().messages.filter((m) => m.topic === 'storage');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].text).toMatch(/kept in memory/);
    const file = JSON.stringify(exportFile([buildRun({ config: DEFAULT_CONFIG, runIndex: 0, epochs: [], test: null, diagnosis: null, backend: null })], []));
    expect(await importText(file)).toMatchObject({ ok: true, runs: 1 });
    expect((await listRuns())[0].id).toBe(1);
  });
});
