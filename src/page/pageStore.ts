// The page's view state from the link (pageParams.ts) plus what a lesson asks for: the controls
// to highlight. Its own small store, apart from the experiment's: none of it changes training.
import { create } from 'zustand';
import { NO_PAGE_PARAMS, type Lang, type PageParams } from './pageParams';

export interface PageStore extends PageParams {
  /** "Show all controls": the student's escape from a shared link's hide, lock and panels. */
  showAll: boolean;
  /** Control ids the open lesson uses: highlighted, the others dimmed. Null: no emphasis. */
  highlight: string[] | null;
  /** The language in use (the link's, else the browser's). */
  activeLang: Lang;
  setPage: (p: Partial<PageParams>) => void;
  setShowAll: (v: boolean) => void;
  setHighlight: (ids: string[] | null) => void;
  setActiveLang: (l: Lang) => void;
}

export const usePage = create<PageStore>()((set) => ({
  ...NO_PAGE_PARAMS,
  showAll: false,
  highlight: null,
  activeLang: 'en',
  setPage: (p) => set(p),
  setShowAll: (showAll) => set({ showAll }),
  setHighlight: (highlight) => set({ highlight }),
  setActiveLang: (activeLang) => set({ activeLang }),
}));

/** The page params as the link should carry them. */
export function currentPageParams(s: PageStore = usePage.getState()): PageParams {
  return { lang: s.lang, lesson: s.lesson, hide: s.hide, lock: s.lock, panels: s.panels, present: s.present };
}
