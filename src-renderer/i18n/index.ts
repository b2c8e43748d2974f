/**
 * i18next set-up: English and Korean. The choice is a user setting: kept by the desktop app
 * (DesktopApi.getSettings/updateSettings; the native menu may change it too) or, in the
 * browser build, in localStorage.
 *
 * Accessible names: visible text follows the language, but the primary controls (run
 * buttons, palette items, the language switch, the loss chart) carry a stable English
 * `aria-label`, so tests and scripts find them by role and name in any language. See
 * stable-names.ts.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UserSettings } from '../../src-engine/protocol/ipc';
import { getDesktopApi } from '../bridge/desktop-api';
import { en } from './en';
import { ko } from './ko';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'layerlab.language';

/** The operating system's (browser's) language if supported, else English. */
function systemLanguage(): Language {
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** A supported language for a saved tag ('ko', 'ko-KR'); null: follow the system. */
export function resolveLanguage(tag: string | null | undefined): Language {
  const base = tag?.toLowerCase().split('-')[0];
  return base && (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : systemLanguage();
}

/** The saved language (browser build), else the system's if supported, else English. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  } catch {
    // Storage may be disabled; fall through.
  }
  return systemLanguage();
}

/** Switches the UI language and remembers it (desktop settings, else localStorage). */
export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  const api = getDesktopApi();
  if (api) {
    api.updateSettings({ language }).catch(() => {
      // Not remembered; the switch still applies to this session.
    });
    return;
  }
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered; the switch still applies to this session.
  }
}

/**
 * Desktop: takes the language from the app's settings and follows later changes (the menu,
 * another window). Returns a function that stops following. No-op in the browser build.
 */
export function followDesktopSettings(): () => void {
  const api = getDesktopApi();
  if (!api) return () => {};
  const apply = (settings: UserSettings) => {
    const lng = resolveLanguage(settings.language);
    if (i18next.language !== lng) void i18next.changeLanguage(lng);
  };
  api.getSettings().then(apply, () => {});
  return api.onSettingsChanged(apply);
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
