import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_AUTHORS_NOTE_CHARS,
  MAX_MEMORY_CHARS,
  type DocumentGenerationSettings,
  type Preset,
} from '../../../shared/schemas/generations.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { SidePanel } from '../../ui/SidePanel.js';
import '../../styles/generationPanels.css';
import { NumberField } from './NumberField.js';
import { PresetBar } from './PresetBar.js';
import { SeedField } from './SeedField.js';
import { applyPreset, issueFor, NUMERIC_FIELDS } from './settingsForm.js';
import { NoteDepthField } from './NoteDepthField.js';
import { StopFields } from './StopFields.js';
import { WordFields } from './WordFields.js';
import { useGenerationSettings } from './useGenerationSettings.js';

export interface GenerationSettingsPanelProps {
  documentId: string;
  reportError: ReportError;
  onClose: () => void;
  /** Called with the settings as loaded and after each save (e.g. for the status bar's plan). */
  onSettingsChange?: (settings: DocumentGenerationSettings) => void;
}

/** How Continue writes for this document: preset, sampler knobs, stops, seed, memory, note. */
export function GenerationSettingsPanel(props: GenerationSettingsPanelProps): ReactNode {
  const { documentId, reportError, onClose, onSettingsChange } = props;
  const { t } = useTranslation(['generation', 'common']);
  const id = useId();
  const { settings, presets, status, issues, update, reloadPresets } = useGenerationSettings(
    documentId,
    reportError,
    onSettingsChange,
  );
  const setParam = <K extends keyof DocumentGenerationSettings['params']>(
    key: K,
    value: DocumentGenerationSettings['params'][K],
  ): void => update((current) => ({ ...current, params: { ...current.params, [key]: value } }));
  const choosePreset = (preset: Preset): void =>
    update((current) => ({
      ...current,
      presetId: preset.id,
      params: applyPreset(current.params, preset),
    }));

  return (
    <SidePanel
      title={t('settings.title')}
      testId="generation-settings-panel"
      className="generation-settings-panel"
      onClose={onClose}
    >
      <p
        className={`settings-save-status ${status}`}
        data-testid="settings-save-status"
        data-status={status}
        role="status"
      >
        {status === 'unchanged' ? '' : t(`settings.status.${status}`)}
      </p>
      {settings === null ? (
        <p className="sidebar-note">{t('common:loading')}</p>
      ) : (
        <div className="settings-body">
          <PresetBar
            presets={presets}
            presetId={settings.presetId}
            params={settings.params}
            reportError={reportError}
            onChoose={choosePreset}
            onSaved={async (preset) => {
              await reloadPresets();
              // Saved from the current params (or only renamed): nothing to apply, just point at it.
              update((current) => ({ ...current, presetId: preset.id }));
            }}
            onDeleted={async (deletedId) => {
              await reloadPresets();
              update((current) =>
                current.presetId === deletedId ? { ...current, presetId: null } : current,
              );
            }}
          />
          <fieldset className="settings-group">
            <legend>{t('settings.wordChoice')}</legend>
            {NUMERIC_FIELDS.map((field) => (
              <NumberField
                key={field.param}
                label={t(`params.${field.param}.label`)}
                help={t(`params.${field.param}.help`)}
                testId={field.testId}
                value={settings.params[field.param] ?? field.whenAbsent ?? 0}
                min={field.min}
                max={field.max}
                step={field.step}
                integer={field.integer}
                serverError={issueFor(issues, `params.${field.param}`)}
                onChange={(value) => setParam(field.param, value)}
              />
            ))}
          </fieldset>
          <fieldset className="settings-group">
            <legend>{t('words.legend')}</legend>
            <WordFields
              bannedWords={settings.params.bannedWords ?? []}
              wordBiases={settings.params.wordBiases ?? []}
              penalizeNewLine={settings.params.penalizeNewLine ?? true}
              serverError={
                issueFor(issues, 'params.bannedWords') ?? issueFor(issues, 'params.wordBiases')
              }
              onBannedChange={(bannedWords) => setParam('bannedWords', bannedWords)}
              onBiasesChange={(wordBiases) => setParam('wordBiases', wordBiases)}
              onPenalizeNewLineChange={(on) => setParam('penalizeNewLine', on)}
            />
          </fieldset>
          <fieldset className="settings-group">
            <legend>{t('settings.whereToStop')}</legend>
            <StopFields
              stopAt={settings.params.stopAt}
              stop={settings.params.stop}
              serverError={issueFor(issues, 'params.stop')}
              onStopAtChange={(stopAt) => setParam('stopAt', stopAt)}
              onStopChange={(stop) => setParam('stop', stop)}
            />
            <SeedField
              seed={settings.params.seed}
              serverError={issueFor(issues, 'params.seed')}
              onChange={(seed) => setParam('seed', seed)}
            />
          </fieldset>
          <fieldset className="settings-group">
            <legend>{t('settings.keptInMind')}</legend>
            <TextAreaField
              id={`${id}-memory`}
              label={t('settings.memory')}
              help={t('settings.memoryHelp')}
              testId="memory-input"
              value={settings.memory}
              maxLength={MAX_MEMORY_CHARS}
              serverError={issueFor(issues, 'memory')}
              onChange={(memory) => update((current) => ({ ...current, memory }))}
            />
            <TextAreaField
              id={`${id}-note`}
              label={t('settings.authorsNote')}
              help={t('settings.authorsNoteHelp')}
              testId="authors-note-input"
              value={settings.authorsNote}
              maxLength={MAX_AUTHORS_NOTE_CHARS}
              serverError={issueFor(issues, 'authorsNote')}
              onChange={(authorsNote) => update((current) => ({ ...current, authorsNote }))}
            />
            <NoteDepthField
              unit={settings.params.noteDepthUnit}
              depth={settings.params.noteDepth}
              serverError={issueFor(issues, 'params.noteDepth')}
              onChange={(noteDepthUnit, noteDepth) =>
                update((current) => ({
                  ...current,
                  params: { ...current.params, noteDepthUnit, noteDepth },
                }))
              }
            />
          </fieldset>
        </div>
      )}
    </SidePanel>
  );
}

function TextAreaField(props: {
  id: string;
  label: string;
  help: string;
  testId: string;
  value: string;
  maxLength: number;
  serverError: string | null;
  onChange: (value: string) => void;
}): ReactNode {
  const { id, label, help, testId, value, maxLength, serverError, onChange } = props;
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        data-testid={testId}
        rows={4}
        value={value}
        maxLength={maxLength}
        aria-invalid={serverError !== null}
        aria-describedby={`${id}-help`}
        onChange={(event) => onChange(event.target.value)}
      />
      {serverError && (
        <p className="field-error" role="alert">
          {serverError}
        </p>
      )}
      <p id={`${id}-help`} className="field-help">
        {help}
      </p>
    </div>
  );
}
