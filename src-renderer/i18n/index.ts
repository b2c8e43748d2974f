/**
 * i18next set-up: English and Korean, the choice remembered in localStorage.
 *
 * Accessible names: visible text follows the language, but the primary controls (run
 * buttons, palette items, the language switch, the loss chart) carry a stable English
 * `aria-label`, so tests and scripts find them by role and name in any language. See
 * stable-names.ts.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'layerlab.language';

/** The saved language, else the browser's if supported, else English. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  } catch {
    // Storage may be disabled; fall through.
  }
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** Switches the UI language and remembers it. */
export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered; the switch still applies to this session.
  }
}

/** Initialises i18next once; call before the first render. */
export function initI18n(): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { en: { translation: en }, ko: { translation: ko } },
      lng: initialLanguage(),
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      initAsync: false,
      showSupportNotice: false,
    });
    const syncLang = (lng: string) => document.documentElement.setAttribute('lang', lng);
    syncLang(i18next.language);
    i18next.on('languageChanged', syncLang);
  }
  return i18next;
}
