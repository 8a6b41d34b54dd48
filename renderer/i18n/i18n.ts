/**
 * The renderer's one i18n instance. The first render already uses the right language: the
 * writer's last choice as remembered by this window (the stored preference arrives a moment
 * later and wins), else the system's languages as the browser reports them.
 */
import { initReactI18next } from 'react-i18next';
import { createI18n } from '../../shared/i18n/createI18n.js';
import {
  isLanguagePreference,
  resolveLanguage,
  type Language,
  type LanguagePreference,
} from '../../shared/i18n/languages.js';

const REMEMBERED_PREFERENCE_KEY = 'inkwell.languagePreference';

/** The browser's preferred languages; none outside a browser (unit tests under Node 20). */
export function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

function rememberedPreference(): LanguagePreference {
  if (typeof localStorage === 'undefined') return 'system';
  try {
    const value = localStorage.getItem(REMEMBERED_PREFERENCE_KEY);
    return isLanguagePreference(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

export const i18n = createI18n(resolveLanguage(rememberedPreference(), systemLanguages()), [
  initReactI18next,
]);

/** Tells the browser (fonts, hyphenation, screen readers) which language the UI is in. */
function showLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
showLanguage(i18n.language as Language);

/** Switches every mounted component (and later `i18n.t` calls) to the preference's language. */
export function applyLanguagePreference(preference: LanguagePreference): void {
  try {
    localStorage.setItem(REMEMBERED_PREFERENCE_KEY, preference);
  } catch {
    // Storage can be unavailable (private mode); the stored preference still applies on load.
  }
  const language = resolveLanguage(preference, systemLanguages());
  if (i18n.language !== language) void i18n.changeLanguage(language);
  showLanguage(language);
}

/** The UI language now, for Intl formatting of numbers and dates. */
export function currentLanguage(): Language {
  return i18n.language as Language;
}
