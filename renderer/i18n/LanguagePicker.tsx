import { useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  languageEndonyms,
  languagePreferences,
  resolveLanguage,
  type LanguagePreference,
} from '../../shared/i18n/languages.js';
import { systemLanguages } from './i18n.js';
import type { LanguagePreferenceStore } from './languagePreference.js';

/** The UI language: System (naming what that is now) or one of ours, each named in itself. */
export function LanguagePicker(props: {
  store: LanguagePreferenceStore;
  reportError: (error: unknown) => void;
}): ReactNode {
  const { t } = useTranslation();
  const { store, reportError } = props;
  const preference = useSyncExternalStore(store.preference.subscribe, store.preference.get);
  const systemName = languageEndonyms[resolveLanguage('system', systemLanguages())];
  return (
    <label className="language-picker" title={t('languageHint')}>
      <span>{t('language')}</span>
      <select
        data-testid="language-picker"
        value={preference ?? 'system'}
        disabled={preference === null}
        onChange={(event) =>
          store.choose(event.target.value as LanguagePreference).catch(reportError)
        }
      >
        {languagePreferences.map((option) => (
          <option key={option} value={option}>
            {option === 'system'
              ? t('languageSystem', { language: systemName })
              : languageEndonyms[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
