import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { fieldOf } from '../shared/schema';
import { LIVE_SETTINGS, SETTING_CHANGES, changedSettings, howToApply, modelVerdict } from './liveSettings';

describe('the live rule', () => {
  it('names every config setting', () => {
    expect(Object.keys(SETTING_CHANGES).sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort());
  });

  it('learning rate, batch, the optimizer and its settings, regularization and early stopping are live', () => {
    expect([...LIVE_SETTINGS].sort()).toEqual(
      ['lr', 'batch', 'optimizer', 'momentum', 'beta1', 'beta2', 'epsilon', 'l1', 'l2', 'dropout', 'augment', 'imageAugment', 'patience', 'minDelta', 'restoreBest', 'epochs', 'pace', 'schedule', 'clip'].sort(),
    );
    expect(howToApply(['lr', 'batch', 'l2'])).toBe('live');
    expect(howToApply(['optimizer', 'momentum'])).toBe('live');
  });

  it('a new loss needs a new run, as a new data set or network does', () => {
    expect(howToApply(['loss'])).toBe('new run');
    expect(howToApply(['lr', 'loss'])).toBe('new run');
    expect(howToApply(['layers'])).toBe('new run');
    expect(howToApply(['samples', 'lr'])).toBe('new run');
    expect(modelVerdict(['loss'])).toBe('needs a new run');
    expect(modelVerdict(['lr', 'optimizer'])).toBe('applied');
  });

  it('the backend needs a new worker, whatever else changes; the slice alone is a new view', () => {
    expect(howToApply(['backend'])).toBe('new worker');
    expect(howToApply(['backend', 'lr', 'layers'])).toBe('new worker');
    expect(howToApply(['slice'])).toBe('view');
    expect(howToApply(['slice', 'lr'])).toBe('new run');
    expect(howToApply([])).toBe('nothing');
    // The running model is not concerned by the backend or the slice.
    expect(modelVerdict(['slice', 'backend', 'lr'])).toBe('applied');
  });

  it('changedSettings compares by value, over the settings the second config gives', () => {
    const a = { ...DEFAULT_CONFIG };
    expect(changedSettings(a, { ...DEFAULT_CONFIG, layers: [4, 2] })).toEqual([]);
    expect(changedSettings(a, { ...DEFAULT_CONFIG, layers: [4], lr: 0.1 })).toEqual(['layers', 'lr']);
    expect(changedSettings(a, { lr: 0.1 })).toEqual(['lr']);
    expect(changedSettings(a, { augment: { jitter: 0, symmetry: false } })).toEqual([]);
  });

  it("the README's list of live settings is this rule", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const m = /apply to the running model at once \(live\): ((?:`[^`]+`(?:, )?)+)\./.exec(readme);
    expect(m, 'README: "… apply to the running model at once (live): `lr`, `batch`, ….').not.toBeNull();
    const names = [...m![1].matchAll(/`([^`]+)`/g)].map((x) => x[1]);
    const fields = names.map((n) => fieldOf(n));
    expect(fields, `README names ${names.join(', ')}`).not.toContain(undefined);
    expect([...fields].sort()).toEqual([...LIVE_SETTINGS].sort());
  });
});
