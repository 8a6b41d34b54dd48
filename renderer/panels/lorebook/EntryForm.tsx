import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_LORE_DEPTH_LINES,
  MAX_LORE_SCAN_CHARS,
  MAX_LORE_TEXT_CHARS,
  MAX_LORE_TITLE_CHARS,
  lorePosition,
  type LoreEntryFields,
} from '../../../shared/schemas/lorebook.js';
import type { EntryDraft } from './entryDraft.js';

/** The fields of one entry, each with its plain-language help. */
export function EntryForm(props: {
  draft: EntryDraft;
  onChange: (draft: EntryDraft) => void;
  onSave: () => void;
  onCancel: () => void;
  onDelete: (() => void) | null;
}): ReactNode {
  const { t } = useTranslation('lorebook');
  const id = useId();
  const { draft, onChange } = props;
  const set = (change: Partial<LoreEntryFields>): void =>
    onChange({ ...draft, fields: { ...draft.fields, ...change } });
  const number = (value: string, fallback: number): number => {
    const parsed = Number.parseInt(value, 10);
    return Number.isFinite(parsed) ? parsed : fallback;
  };
  return (
    <form
      className="lore-entry-form"
      data-testid="lore-entry-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onCancel();
        }
      }}
    >
      <label htmlFor={`${id}-title`}>{t('entry.title')}</label>
      <input
        id={`${id}-title`}
        data-testid="lore-title"
        maxLength={MAX_LORE_TITLE_CHARS}
        value={draft.fields.title}
        onChange={(event) => set({ title: event.target.value })}
      />
      <label htmlFor={`${id}-keys`}>{t('entry.keys')}</label>
      <textarea
        id={`${id}-keys`}
        data-testid="lore-keys"
        rows={3}
        value={draft.keysText}
        aria-describedby={`${id}-keys-help`}
        onChange={(event) => onChange({ ...draft, keysText: event.target.value })}
      />
      <p id={`${id}-keys-help`} className="field-help">
        {t('entry.keysHelp')}
      </p>
      <label htmlFor={`${id}-text`}>{t('entry.text')}</label>
      <textarea
        id={`${id}-text`}
        data-testid="lore-text"
        rows={5}
        maxLength={MAX_LORE_TEXT_CHARS}
        value={draft.fields.text}
        onChange={(event) => set({ text: event.target.value })}
      />
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="lore-always-on"
          checked={draft.fields.alwaysOn}
          onChange={(event) => set({ alwaysOn: event.target.checked })}
        />
        {t('entry.alwaysOn')}
      </label>
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="lore-case-sensitive"
          checked={draft.fields.caseSensitive}
          onChange={(event) => set({ caseSensitive: event.target.checked })}
        />
        {t('entry.caseSensitive')}
      </label>
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="lore-enabled"
          checked={draft.fields.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
        />
        {t('entry.enabled')}
      </label>
      <label htmlFor={`${id}-scan`}>{t('entry.scanDepth')}</label>
      <input
        id={`${id}-scan`}
        type="number"
        data-testid="lore-scan-depth"
        min={1}
        max={MAX_LORE_SCAN_CHARS}
        value={draft.fields.scanDepthChars}
        onChange={(event) =>
          set({ scanDepthChars: number(event.target.value, draft.fields.scanDepthChars) })
        }
      />
      <p className="field-help">{t('entry.scanDepthHelp')}</p>
      <label htmlFor={`${id}-priority`}>{t('entry.priority')}</label>
      <input
        id={`${id}-priority`}
        type="number"
        data-testid="lore-priority"
        min={-1000}
        max={1000}
        value={draft.fields.priority}
        onChange={(event) => set({ priority: number(event.target.value, draft.fields.priority) })}
      />
      <p className="field-help">{t('entry.priorityHelp')}</p>
      <label htmlFor={`${id}-position`}>{t('entry.position')}</label>
      <select
        id={`${id}-position`}
        data-testid="lore-position"
        value={draft.fields.position}
        onChange={(event) => set({ position: lorePosition.parse(event.target.value) })}
      >
        {lorePosition.options.map((position) => (
          <option key={position} value={position}>
            {t(`entry.positions.${position}`)}
          </option>
        ))}
      </select>
      {draft.fields.position === 'atDepth' && (
        <>
          <label htmlFor={`${id}-depth`}>{t('entry.depthLines')}</label>
          <input
            id={`${id}-depth`}
            type="number"
            data-testid="lore-depth"
            min={0}
            max={MAX_LORE_DEPTH_LINES}
            value={draft.fields.depthLines}
            onChange={(event) =>
              set({ depthLines: number(event.target.value, draft.fields.depthLines) })
            }
          />
        </>
      )}
      <p className="field-help">{t('entry.positionHelp')}</p>
      <div className="lore-form-actions">
        <button type="submit" data-testid="lore-save">
          {t('entry.save')}
        </button>
        <button type="button" className="quiet-button" onClick={props.onCancel}>
          {t('entry.cancel')}
        </button>
        {props.onDelete && (
          <button
            type="button"
            className="quiet-button"
            data-testid="lore-delete"
            onClick={props.onDelete}
          >
            {t('entry.delete')}
          </button>
        )}
      </div>
    </form>
  );
}
