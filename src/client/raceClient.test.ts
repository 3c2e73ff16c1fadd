import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../shared/config';
import { useStore } from '../store/store';
import { startRace } from './raceClient';

describe('startRace', () => {
  it('refuses a bad request before the panel changes: ticks, rates and epochs stay, the reason shows', async () => {
    const before = useStore.getState().race;
    expect(OPTIMIZERS.every((k) => before.chosen[k])).toBe(true);
    await expect(startRace({ optimizers: [] })).rejects.toThrow(/at least one optimizer/);
    await expect(startRace({ epochs: 5, lrs: { adam: 0 } })).rejects.toThrow(/learning rate of adam/);
    await expect(startRace({ epochs: 0 })).rejects.toThrow(/epochs/);
    const after = useStore.getState().race;
    expect(after.chosen).toEqual(before.chosen);
    expect(after.lrs).toEqual(before.lrs);
    expect(after.epochs).toBe(before.epochs);
    expect(after.entries).toEqual(before.entries);
    expect(after.status).toBe('error');
    expect(after.error).toMatch(/epochs/);
  });
});
