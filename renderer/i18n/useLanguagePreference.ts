import { useCallback, useEffect, useState } from 'react';
import { useClient } from '../api/clientContext.js';
import type { LanguagePreference } from '../../shared/i18n/languages.js';
import { applyLanguagePreference } from './i18n.js';

/**
 * The stored language preference, followed live (the desktop menu or another window can change
 * it), and a setter that stores it. The UI switches at once; a failed store is reported.
 */
export function useLanguagePreference(
  reportError: (error: unknown) => void,
): [LanguagePreference | null, (preference: LanguagePreference) => void] {
  const client = useClient();
  const [preference, setPreference] = useState<LanguagePreference | null>(null);

  useEffect(() => {
    let live = true;
    const follow = (next: LanguagePreference): void => {
      if (!live) return;
      setPreference(next);
      applyLanguagePreference(next);
    };
    const unsubscribe = client.on('preferences.changed', (payload) => follow(payload.language));
    client.call('preferences.get', {}).then(
      (stored) => follow(stored.language),
      // Not fatal: the window keeps the language it started with.
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client]);

  const choose = useCallback(
    (next: LanguagePreference) => {
      setPreference(next);
      applyLanguagePreference(next);
      client.call('preferences.update', { language: next }).catch(reportError);
    },
    [client, reportError],
  );
  return [preference, choose];
}
