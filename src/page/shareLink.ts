// The "share this setup" link: the config as the address bar already holds it, plus the teacher's
// choices (lesson, hidden and locked controls, panels shown, presentation mode) as page keys.
import { PANEL_IDS, pageParamsToString, type Lang, type PageParams, type PanelId } from './pageParams';

export interface ShareChoice {
  /** A lesson id, or '' for none. */
  lesson: string;
  hide: readonly string[];
  lock: readonly string[];
  /** The panels shown. */
  panels: readonly PanelId[];
  present: boolean;
  /** The link's language, if it names one (null: the student's browser decides). */
  lang: Lang | null;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isLessonId = (s: string): boolean => ID.test(s);

/** The page params a choice stands for: hidden wins over locked, all panels = no `panels` key. */
export function sharePageParams(c: ShareChoice): PageParams {
  const hide = [...new Set(c.hide)].filter((x) => ID.test(x));
  const lock = [...new Set(c.lock)].filter((x) => ID.test(x) && !hide.includes(x));
  const chosen = new Set(c.panels);
  const panels = PANEL_IDS.filter((p) => chosen.has(p));
  const lesson = c.lesson.trim();
  return {
    lang: c.lang,
    lesson: lesson && ID.test(lesson) ? lesson : null,
    hide,
    lock,
    panels: panels.length === PANEL_IDS.length ? null : panels,
    present: c.present,
  };
}

/** The page's address without its hash (`https://host/path/`). */
export function linkBase(loc: Pick<Location, 'origin' | 'pathname' | 'search'>): string {
  return `${loc.origin}${loc.pathname}${loc.search}`;
}

/** The whole link: base, the config's hash (`#v=…&lr=…`), then the page keys. */
export function buildShareLink(base: string, configHash: string, c: ShareChoice): string {
  return base + configHash + pageParamsToString(sharePageParams(c));
}

/** The choice a page's current params stand for (the builder starts from the link in use). */
export function choiceFromPage(p: PageParams): ShareChoice {
  return { lesson: p.lesson ?? '', hide: p.hide, lock: p.lock, panels: p.panels ?? [...PANEL_IDS], present: p.present, lang: p.lang };
}
