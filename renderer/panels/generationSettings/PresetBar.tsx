import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContinueParams, Preset } from '../../../shared/schemas/generations.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { describeError } from '../../ui/errorReporting.js';
import { PresetNameForm } from './PresetNameForm.js';
import { matchesPreset, presetName } from './settingsForm.js';

export interface PresetBarProps {
  presets: Preset[];
  presetId: string | null;
  params: ContinueParams;
  reportError: ReportError;
  onChoose: (preset: Preset) => void;
  /** A preset was saved or renamed: the list must be read again, and it becomes the choice. */
  onSaved: (preset: Preset) => Promise<void>;
  onDeleted: (id: string) => Promise<void>;
}

type Editing =
  { kind: 'new' } | { kind: 'rename'; preset: Preset } | { kind: 'delete'; preset: Preset };

/** Pick a preset, save the current settings as one, rename or delete the writer's own. */
export function PresetBar(props: PresetBarProps): ReactNode {
  const { presets, presetId, params, reportError, onChoose, onSaved, onDeleted } = props;
  const { t } = useTranslation(['generation', 'common']);
  const client = useClient();
  const id = useId();
  const [editing, setEditing] = useState<Editing | null>(null);
  const chosen = presets.find((preset) => preset.id === presetId) ?? null;
  const adjusted = chosen !== null && !matchesPreset(params, chosen);

  const saveName = async (name: string): Promise<string | null> => {
    try {
      const saved = await client.call('presets.save', {
        ...(editing?.kind === 'rename' ? { id: editing.preset.id } : {}),
        name,
        params: editing?.kind === 'rename' ? editing.preset.params : params,
      });
      setEditing(null);
      await onSaved(saved);
      return null;
    } catch (error) {
      // A clash of names is the writer's to fix: say it beside the name, not in a banner.
      return describeError(error);
    }
  };

  const remove = async (preset: Preset): Promise<void> => {
    try {
      await client.call('presets.delete', { id: preset.id });
      setEditing(null);
      await onDeleted(preset.id);
    } catch (error) {
      reportError(error, t('presets.deleteFailed'));
    }
  };

  return (
    <div className="settings-field preset-bar">
      <label htmlFor={`${id}-preset`}>{t('presets.label')}</label>
      <div className="inline-row">
        <select
          id={`${id}-preset`}
          data-testid="preset-select"
          value={chosen?.id ?? ''}
          aria-describedby={`${id}-preset-help`}
          onChange={(event) => {
            const preset = presets.find((entry) => entry.id === event.target.value);
            if (preset) onChoose(preset);
          }}
        >
          {chosen === null && <option value="">{t('presets.custom')}</option>}
          {presets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.builtIn ? presetName(preset) : t('presets.yours', { name: preset.name })}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="quiet-button"
          data-testid="preset-save-as"
          onClick={() => setEditing({ kind: 'new' })}
        >
          {t('presets.saveAs')}
        </button>
      </div>
      <p id={`${id}-preset-help`} className="field-help">
        {adjusted ? t('presets.adjusted', { name: presetName(chosen) }) : t('presets.help')}
      </p>
      {chosen && !chosen.builtIn && editing === null && (
        <div className="inline-row">
          <button
            type="button"
            className="quiet-button"
            data-testid="preset-rename"
            onClick={() => setEditing({ kind: 'rename', preset: chosen })}
          >
            {t('presets.rename', { name: chosen.name })}
          </button>
          <button
            type="button"
            className="quiet-button danger"
            data-testid="preset-delete"
            onClick={() => setEditing({ kind: 'delete', preset: chosen })}
          >
            {t('common:delete')}
          </button>
        </div>
      )}
      {(editing?.kind === 'new' || editing?.kind === 'rename') && (
        <PresetNameForm
          key={editing.kind === 'rename' ? editing.preset.id : 'new'}
          initialName={editing.kind === 'rename' ? editing.preset.name : ''}
          submitLabel={t(editing.kind === 'rename' ? 'presets.renameSubmit' : 'presets.saveSubmit')}
          onSubmit={saveName}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'delete' && (
        <div className="inline-row" role="group" aria-label={t('presets.confirmDelete')}>
          <span>{t('presets.deleteQuestion', { name: editing.preset.name })}</span>
          <button
            type="button"
            className="quiet-button danger"
            data-testid="preset-delete-confirm"
            autoFocus
            onClick={() => void remove(editing.preset)}
          >
            {t('common:delete')}
          </button>
          <button type="button" className="quiet-button" onClick={() => setEditing(null)}>
            {t('presets.keep')}
          </button>
        </div>
      )}
    </div>
  );
}
