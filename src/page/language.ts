// Keeps the interface's language in step with the page store: the link's `lang`, else the
// browser's. Returns when the first language is ready, so the page never shows a flash of the
// other one.
import { browserLang, switchLanguage } from '../i18n/i18n';
import { usePage } from './pageStore';
import { readPageParams } from './pageParams';

export async function startLanguage(): Promise<void> {
  // Before the link is read into the page store (syncUrl), its `lang` key is read here.
  const pick = () => usePage.getState().lang ?? readPageParams(location.hash).lang ?? browserLang();
  let want = pick();
  usePage.getState().setActiveLang(want);
  await switchLanguage(want).catch(() => {});
  usePage.subscribe((s) => {
    const next = s.lang ?? browserLang();
    if (next === want) return;
    want = next;
    usePage.getState().setActiveLang(next);
    void switchLanguage(next).catch(() => {});
  });
}
