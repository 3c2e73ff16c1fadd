// How the page is shown, beside the config in the same link: language, the open lesson, and a
// teacher's classroom choices (hidden or locked controls, the panels shown, presentation mode).
// These keys are not settings of the experiment: the schema skips them and the link writes them
// after the config. A control id is the control's test id (e.g. `lr`, `optimizer`, `l2`); a panel
// id is one of PANEL_IDS.

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** The page's panels that a shared link can show or leave out (App.tsx names each one). */
export const PANEL_IDS = ['presets', 'data', 'model', 'training', 'regularization', 'runs', 'saved', 'sweeps', 'search', 'transfer', 'test', 'network', 'lessons', 'race', 'lab'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export interface PageParams {
  /** Absent: the browser's language decides. */
  lang: Lang | null;
  /** The open lesson's id, or null. */
  lesson: string | null;
  /** Control ids hidden by a shared link. */
  hide: string[];
  /** Control ids shown but not editable. */
  lock: string[];
  /** The panels shown; null = all of them; [] = none (`panels=none`: the live view alone). */
  panels: PanelId[] | null;
  /** Presentation mode for a projector. */
  present: boolean;
}

export const PAGE_KEYS = ['lang', 'lesson', 'hide', 'lock', 'panels', 'present'] as const;
const PAGE_KEY_SET: ReadonlySet<string> = new Set(PAGE_KEYS);
export const isPageKey = (k: string): boolean => PAGE_KEY_SET.has(k);

export const NO_PAGE_PARAMS: PageParams = { lang: null, lesson: null, hide: [], lock: [], panels: null, present: false };

// Ids are short names: letters, digits, '-' and '_'. Anything else in a link is dropped.
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const list = (v: string | null): string[] => (v ? [...new Set(v.split(',').map((s) => s.trim()).filter((s) => ID.test(s)))] : []);

/** Reads the page keys of a hash (`#lr=0.03&lang=zh&hide=lr,batch`); other keys are ignored. */
export function readPageParams(hash: string): PageParams {
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  } catch {
    return { ...NO_PAGE_PARAMS };
  }
  const lang = p.get('lang');
  const lesson = p.get('lesson');
  // Panels: the valid ids given; none valid (a typo, a tampered link) shows every panel rather than none.
  const panelIds = list(p.get('panels')).filter((x) => (PANEL_IDS as readonly string[]).includes(x)) as PanelId[];
  return {
    lang: lang && (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : null,
    lesson: lesson && ID.test(lesson) ? lesson : null,
    hide: list(p.get('hide')),
    lock: list(p.get('lock')),
    panels: p.get('panels') === 'none' ? [] : panelIds.length ? panelIds : null,
    present: p.get('present') === '1',
  };
}

/** The page keys as a hash tail (`&lang=zh&hide=lr,batch`), empty when all are at their defaults. */
export function pageParamsToString(p: PageParams): string {
  const parts: string[] = [];
  if (p.lang) parts.push(`lang=${p.lang}`);
  if (p.lesson) parts.push(`lesson=${p.lesson}`);
  if (p.hide.length) parts.push(`hide=${p.hide.join(',')}`);
  if (p.lock.length) parts.push(`lock=${p.lock.join(',')}`);
  // No panel at all (only the live view) is written `none`: an empty or mistyped list shows them all.
  if (p.panels) parts.push(`panels=${p.panels.length ? p.panels.join(',') : 'none'}`);
  if (p.present) parts.push('present=1');
  return parts.map((s) => `&${s}`).join('');
}
