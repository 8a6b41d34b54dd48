/** App-wide preferences of the writer (not per document): for now, the UI language. */
import { z } from 'zod';
import { languagePreferences } from '../i18n/languages.js';

export const preferences = z.object({ language: z.enum(languagePreferences) });
export type Preferences = z.output<typeof preferences>;

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
