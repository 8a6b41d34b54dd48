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

  const [copied, setCopied] = useState(false);
  const copyFolder = (): void => {
    navigator.clipboard.writeText(dataDir).then(
      () => setCopied(true),
      (error: unknown) => reportError(error, t('appSettings.couldNotCopy')),
    );
  };

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
      <section className="app-settings-section" aria-labelledby="app-settings-appearance">
        <h3 id="app-settings-appearance">{t('appSettings.sections.appearance')}</h3>
        <div className="app-settings-row">
          <LanguagePicker store={languages} reportError={reportError} />
          <p className="app-settings-note">{t('appSettings.languageNote')}</p>
        </div>
        <label className="app-settings-row">
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
          <span className="app-settings-note">{t('appSettings.themeNote')}</span>
        </label>
      </section>
      <section className="app-settings-section" aria-labelledby="app-settings-model">
        <h3 id="app-settings-model">{t('appSettings.sections.model')}</h3>
        <label className="app-settings-row">
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
          <span className="app-settings-note">{t('appSettings.startupModelNote')}</span>
        </label>
      </section>
      <section className="app-settings-section" aria-labelledby="app-settings-documents">
        <h3 id="app-settings-documents">{t('appSettings.sections.documents')}</h3>
        <p className="app-settings-note">{t('appSettings.autosaveNote')}</p>
        <div className="app-settings-folder">
          <span className="app-settings-note">{t('appSettings.dataFolder')}</span>
          <code data-testid="app-settings-data-folder">{dataDir}</code>
          <button
            type="button"
            className="secondary-button"
            disabled={dataDir === ''}
            onClick={copyFolder}
          >
            {copied ? t('appSettings.folderCopied') : t('appSettings.copyFolder')}
          </button>
        </div>
      </section>
    </ModalDialog>
  );
}
