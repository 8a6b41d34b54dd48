import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  themePreferences,
  type Preferences,
  type ThemePreference,
} from '../../../shared/channels/preferences.js';
import type { ModelRecord } from '../../../shared/schemas/models.js';
import { useClient } from '../../api/clientContext.js';
import { LanguagePicker } from '../../i18n/LanguagePicker.js';
import type { LanguagePreferenceStore } from '../../i18n/languagePreference.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { ModalDialog } from '../../ui/ModalDialog.js';
import '../../styles/appSettings.css';

export interface AppSettingsDialogProps {
  languages: LanguagePreferenceStore;
  reportError: ReportError;
  onClose: () => void;
}

/**
 * App-wide settings (Ctrl/Cmd+,), the same in the desktop app and in a browser: language,
 * theme, the model loaded at start, how saving works, and where the documents are kept. Each
 * row reads and writes one app preference (shared/channels/preferences.ts); a new app-wide
 * setting is one more key there and one more row here.
 */
export function AppSettingsDialog({
  languages,
  reportError,
  onClose,
}: AppSettingsDialogProps): ReactNode {
  const { t } = useTranslation('app');
  const client = useClient();
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [models, setModels] = useState<readonly ModelRecord[]>([]);
  const [dataDir, setDataDir] = useState('');

  useEffect(() => {
    let open = true;
    const unsubscribe = client.on('preferences.changed', (payload) => setPreferences(payload));
    client
      .call('preferences.get', {})
      .then((stored) => open && setPreferences(stored), reportError);
    client.call('models.list', {}).then((list) => open && setModels(list), reportError);
    client.call('app.info', {}).then((info) => open && setDataDir(info.dataDir), reportError);
    return () => {
      open = false;
      unsubscribe();
    };
  }, [client, reportError]);

  const update = (change: Partial<Preferences>): void => {
    client
      .call('preferences.update', change)
      .then(setPreferences, (error: unknown) => reportError(error, t('appSettings.couldNotSave')));
  };

  return (
    <ModalDialog
      title={t('appSettings.title')}
      titleId="app-settings-title"
      testId="app-settings-dialog"
      className="app-settings-dialog"
      onClose={onClose}
    >
      <div className="app-settings-rows">
        <LanguagePicker store={languages} reportError={reportError} />
        <label>
          <span>{t('appSettings.theme')}</span>
          <select
            data-testid="app-settings-theme"
            value={preferences?.theme ?? 'system'}
            disabled={preferences === null}
            onChange={(event) => update({ theme: event.target.value as ThemePreference })}
          >
            {themePreferences.map((theme) => (
              <option key={theme} value={theme}>
                {t(`appSettings.themes.${theme}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('appSettings.startupModel')}</span>
          <select
            data-testid="app-settings-startup-model"
            value={preferences?.startupModelId ?? ''}
            disabled={preferences === null}
            onChange={(event) => update({ startupModelId: event.target.value || null })}
          >
            <option value="">{t('appSettings.startupModelLast')}</option>
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name}
              </option>
            ))}
          </select>
        </label>
        <p className="app-settings-note">{t('appSettings.autosaveNote')}</p>
        <p className="app-settings-note">
          {t('appSettings.dataFolder')}{' '}
          <code data-testid="app-settings-data-folder">{dataDir}</code>
        </p>
      </div>
    </ModalDialog>
  );
}
