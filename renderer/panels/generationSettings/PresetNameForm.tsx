import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PRESET_NAME_CHARS } from '../../../shared/schemas/generations.js';

/**
 * Asks for a preset's name in place (window.prompt does not exist in Electron). onSubmit
 * resolves with an error to show beside the name, or null when it was saved.
 */
export function PresetNameForm(props: {
  initialName: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<string | null>;
  onCancel: () => void;
}): ReactNode {
  const { initialName, submitLabel, onSubmit, onCancel } = props;
  const { t } = useTranslation(['generation', 'common']);
  const id = useId();
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      className="preset-name-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() === '') return;
        setBusy(true);
        void onSubmit(name.trim()).then((message) => {
          setBusy(false);
          setError(message);
        });
      }}
      onKeyDown={(event) => {
        // Escape leaves the name, not the whole panel.
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={id}>{t('presets.nameLabel')}</label>
      <div className="inline-row">
        <input
          id={id}
          type="text"
          data-testid="preset-name-input"
          autoFocus
          maxLength={MAX_PRESET_NAME_CHARS}
          value={name}
          aria-invalid={error !== null}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
        />
        <button
          type="submit"
          className="quiet-button"
          data-testid="preset-name-save"
          disabled={busy || name.trim() === ''}
        >
          {submitLabel}
        </button>
        <button type="button" className="quiet-button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
