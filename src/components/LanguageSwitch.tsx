// English / 中文 switch in the header; the choice goes into the link (`lang=en|zh`).
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../page/pageParams';
import { usePage } from '../page/pageStore';

const selectLang = (s: { activeLang: Lang }) => s.activeLang;

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = usePage(selectLang);
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('language.label')}</span>
      <select data-testid="lang-select" aria-label={t('language.label')} value={lang} onChange={(e) => usePage.getState().setPage({ lang: e.target.value as Lang })}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
