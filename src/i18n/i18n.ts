// The interface's languages through i18next: English is bundled and ready at once (so pure
// modules and unit tests read English without waiting); Chinese loads on first use. Language
// comes from the link's `lang` key, else the browser's language. Lesson texts are added as their
// own namespaces by src/lessons.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en';
import type { Lang } from '../page/pageParams';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: false,
  ns: Object.keys(en),
  defaultNS: 'common',
  // A copy: i18next adds later namespaces (the lessons) to the object it is given.
  resources: { en: { ...en } },
  // React escapes; the strings are ours.
  interpolation: { escapeValue: false },
  returnNull: false,
  // English resources are here already: initialize synchronously.
  initAsync: false,
});

/** The language a visitor gets when the link names none. */
export function browserLang(): Lang {
  const langs = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return langs.some((l) => /^zh\b/i.test(l ?? '')) ? 'zh' : 'en';
}

const loaders: Record<Lang, () => Promise<Record<string, object>>> = {
  en: async () => en,
  zh: async () => (await import('./locales/zh')).zh,
};

/** Loads a language's resources (once) and switches the page to it. */
export async function switchLanguage(lang: Lang): Promise<void> {
  if (!i18n.hasResourceBundle(lang, 'common')) {
    const res = await loaders[lang]();
    for (const [ns, strings] of Object.entries(res)) i18n.addResourceBundle(lang, ns, strings, true, true);
  }
  await i18n.changeLanguage(lang);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = i18n.t('app.title');
  }
}

/** Shorthand for pure modules (diagnosis texts, messages): the current language's string. */
export const t = i18n.t.bind(i18n);
