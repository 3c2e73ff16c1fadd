import { describe, expect, it } from 'vitest';
import { SETTING_CHANGES } from '../engine/liveSettings';
import { applyHint } from './applyHint';

describe('applyHint', () => {
  it('says what the live rule does for each setting', () => {
    expect(applyHint('lr')).toBe('applies at once');
    expect(applyHint('loss')).toBe('starts a new run');
    expect(applyHint('backend')).toBe('restarts training on it');
    expect(applyHint('slice')).toBe('redraws the view');
    for (const key of Object.keys(SETTING_CHANGES) as (keyof typeof SETTING_CHANGES)[]) expect(applyHint(key), key).toMatch(/\w/);
  });
});
