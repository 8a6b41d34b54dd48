/**
 * App-wide preferences of the writer (not per document): the UI language, the colour theme and
 * the model loaded at start. Stored one key each (electron/preferences/), each read on its own:
 * a damaged or unknown stored value falls back to its default without touching the others.
 */
import { z } from 'zod';
import { languagePreferences } from '../i18n/languages.js';

export const themePreferences = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof themePreferences)[number];

export const preferenceFields = {
  language: z.enum(languagePreferences),
  theme: z.enum(themePreferences),
  /** The library model loaded at start; null: the one used last (and the demo model at first). */
  startupModelId: z.string().min(1).max(200).nullable(),
};

export const preferences = z.object(preferenceFields);
export type Preferences = z.output<typeof preferences>;

export const DEFAULT_PREFERENCES: Preferences = {
  language: 'system',
  theme: 'system',
  startupModelId: null,
};

export const preferencesChannels = {
  'preferences.get': {
    request: z.object({}).strict(),
    response: preferences,
  },
  'preferences.update': {
    request: preferences.partial().strict(),
    response: preferences,
  },
} as const;

export const preferencesEvents = {
  /** Another window (or the menu) changed a preference. */
  'preferences.changed': preferences,
} as const;
