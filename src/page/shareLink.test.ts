import { describe, expect, it } from 'vitest';
import { buildShareLink, choiceFromPage, isLessonId, linkBase, sharePageParams, type ShareChoice } from './shareLink';
import { PANEL_IDS, readPageParams } from './pageParams';
import { configToHash, parseHash } from '../shared/schema';
import { DEFAULT_CONFIG } from '../shared/config';

const none: ShareChoice = { lesson: '', hide: [], lock: [], panels: [...PANEL_IDS], present: false, lang: null };

describe('the share link', () => {
  it('is the config as the address bar holds it when nothing is chosen', () => {
    const hash = configToHash({ ...DEFAULT_CONFIG, lr: 0.3 });
    expect(buildShareLink('https://x.test/app/', hash, none)).toBe(`https://x.test/app/${hash}`);
  });

  it('carries lesson, hidden and locked controls, panels and presentation mode, read back the same', () => {
    const hash = configToHash({ ...DEFAULT_CONFIG, lr: 0.3 });
    const link = buildShareLink('https://x.test/', hash, { lesson: 'overfitting', hide: ['lr'], lock: ['optimizer', 'units'], panels: ['training', 'data'], present: true, lang: 'zh' });
    const h = link.slice(link.indexOf('#'));
    expect(readPageParams(h)).toEqual({ lang: 'zh', lesson: 'overfitting', hide: ['lr'], lock: ['optimizer', 'units'], panels: ['data', 'training'], present: true });
    // The config is untouched by the page keys.
    expect(parseHash(h).config.lr).toBe(0.3);
    expect(parseHash(h).notices).toEqual([]);
  });

  it('hidden wins over locked; duplicates and bad ids are dropped; all panels means no panels key', () => {
    const p = sharePageParams({ ...none, hide: ['lr', 'lr', 'a b'], lock: ['lr', 'batch'], lesson: '<x>' });
    expect(p).toEqual({ lang: null, lesson: null, hide: ['lr'], lock: ['batch'], panels: null, present: false });
    expect(sharePageParams({ ...none, panels: [] }).panels).toEqual([]);
  });

  it('starts from the page in use', () => {
    const c = choiceFromPage(readPageParams('#hide=lr&panels=data&lesson=a1'));
    expect(c).toMatchObject({ lesson: 'a1', hide: ['lr'], panels: ['data'], present: false });
    expect(choiceFromPage(readPageParams('#')).panels).toEqual([...PANEL_IDS]);
  });

  it('knows a lesson id and the page address', () => {
    expect(isLessonId('loss-and-optimizer_2')).toBe(true);
    expect(isLessonId('two words')).toBe(false);
    expect(linkBase({ origin: 'http://h:1', pathname: '/p/', search: '' })).toBe('http://h:1/p/');
  });
});
