/**
 * The languages Inkwell speaks, and which one a writer gets: their choice, or else the first of
 * the system's preferred languages that we have, or else English.
 */
export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

export const languagePreferences = ['system', ...languages] as const;
export type LanguagePreference = (typeof languagePreferences)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language named in itself, so a writer who cannot read the current one still finds theirs. */
export const languageEndonyms: Record<Language, string> = {
  en: 'English',
  'zh-CN': '简体中文',
};

/**
 * Maps one BCP 47 tag onto a language we have. Every Chinese variant gets Simplified Chinese:
 * a reader of Traditional Chinese reads it far more easily than English.
 */
export function matchLanguage(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
}

export function resolveLanguage(
  preference: LanguagePreference,
  systemLanguages: readonly string[],
): Language {
  if (preference !== 'system') return preference;
  for (const tag of systemLanguages) {
    const language = matchLanguage(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

export function isLanguagePreference(value: unknown): value is LanguagePreference {
  return typeof value === 'string' && (languagePreferences as readonly string[]).includes(value);
}
