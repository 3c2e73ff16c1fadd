import { describe, expect, it } from 'vitest';
import { pageParamsToString, readPageParams } from './pageParams';
import { parseHash } from '../shared/schema';

describe('page params in the link', () => {
  it('read lang, lesson, hide, lock, panels and present, and write them back the same', () => {
    const p = readPageParams('#lr=0.3&lang=zh&lesson=overfitting&hide=lr,batch&lock=optimizer&panels=data,model&present=1');
    expect(p).toEqual({ lang: 'zh', lesson: 'overfitting', hide: ['lr', 'batch'], lock: ['optimizer'], panels: ['data', 'model'], present: true });
    expect(readPageParams(`#${pageParamsToString(p).slice(1)}`)).toEqual(p);
  });

  it('drop what is not valid, and leave the defaults out of the link', () => {
    const p = readPageParams('#lang=fr&lesson=<script>&hide=lr,,a%20b&panels=nope,data&present=yes');
    expect(p).toEqual({ lang: null, lesson: null, hide: ['lr'], lock: [], panels: ['data'], present: false });
    expect(pageParamsToString(readPageParams('#lr=0.1'))).toBe('');
    // No valid panel left: every panel is shown, not none.
    expect(readPageParams('#panels=zzz,<x>').panels).toBeNull();
    expect(readPageParams('#panels=').panels).toBeNull();
    // The live view alone, on purpose.
    expect(readPageParams('#panels=none').panels).toEqual([]);
    expect(pageParamsToString({ ...readPageParams('#'), panels: [] })).toBe('&panels=none');
  });

  it('are not settings: the config parser neither reads nor warns about them', () => {
    const { config, notices } = parseHash('#lr=0.3&lang=zh&hide=lr&present=1');
    expect(config.lr).toBe(0.3);
    expect(notices).toEqual([]);
  });
});
