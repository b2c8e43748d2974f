/** The language switch: a select named "Language" in every language. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from './index';
import { CONTROL_NAMES } from './stable-names';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('app.language')}</span>
      <select aria-label={CONTROL_NAMES.language} value={current} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
