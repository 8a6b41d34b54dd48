/**
 * The writer's stored language preference, followed for the whole window from start-up (not by
 * whichever component shows the picker): fetched once, then kept live by `preferences.changed`
 * (the desktop menu or another window can change it). null until the stored value has arrived.
 */
import type { InkwellClient } from '../api/client.js';
import { createObservable, type Observable } from '../api/connectionState.js';
import type { LanguagePreference } from '../../shared/i18n/languages.js';
import { applyLanguagePreference } from './i18n.js';

export interface LanguagePreferenceStore {
  preference: Observable<LanguagePreference | null>;
  /** Switches the UI at once and stores the choice; rejects when it could not be stored. */
  choose(preference: LanguagePreference): Promise<void>;
}

export function followLanguagePreference(client: InkwellClient): LanguagePreferenceStore {
  const preference = createObservable<LanguagePreference | null>(null);
  const follow = (next: LanguagePreference): void => {
    preference.set(next);
    applyLanguagePreference(next);
  };
  client.on('preferences.changed', (payload) => follow(payload.language));
  client.call('preferences.get', {}).then(
    (stored) => follow(stored.language),
    // Not fatal: the window keeps the language it started with.
    () => undefined,
  );
  return {
    preference,
    async choose(next) {
      follow(next);
      await client.call('preferences.update', { language: next });
    },
  };
}
