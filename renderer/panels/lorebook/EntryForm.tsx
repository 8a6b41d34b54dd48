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
  const field = (name: string): string => `${id}-${name}`;
  const heading =
    draft.id === undefined
      ? t(draft.documentId === null ? 'entry.newLibraryHeading' : 'entry.newHeading')
      : t('entry.editHeading', { title: draft.fields.title || t('untitled') });
  return (
    <form
      className="lore-entry-form"
      data-testid="lore-entry-form"
      aria-labelledby={field('heading')}
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
      <div className="lore-form-head">
        <h3 id={field('heading')}>{heading}</h3>
        {draft.documentId === null && <span className="lore-badge">{t('entry.inLibrary')}</span>}
      </div>
      <div className="lore-field">
        <label htmlFor={field('title')}>{t('entry.title')}</label>
        <input
          id={field('title')}
          data-testid="lore-title"
          maxLength={MAX_LORE_TITLE_CHARS}
          autoFocus
          value={draft.fields.title}
          onChange={(event) => set({ title: event.target.value })}
        />
      </div>
      <div className="lore-field">
        <label htmlFor={field('text')}>{t('entry.text')}</label>
        <textarea
          id={field('text')}
          data-testid="lore-text"
          rows={5}
          maxLength={MAX_LORE_TEXT_CHARS}
          value={draft.fields.text}
          onChange={(event) => set({ text: event.target.value })}
        />
      </div>

      <fieldset className="lore-fieldset">
        <legend>{t('entry.matchHeading')}</legend>
        <label className="lore-check">
          <input
            type="checkbox"
            data-testid="lore-always-on"
            checked={draft.fields.alwaysOn}
            onChange={(event) => set({ alwaysOn: event.target.checked })}
          />
          {t('entry.alwaysOn')}
        </label>
        <div className="lore-field">
          <label htmlFor={field('keys')}>{t('entry.keys')}</label>
          <textarea
            id={field('keys')}
            data-testid="lore-keys"
            rows={3}
            className="lore-keys"
            value={draft.keysText}
            disabled={draft.fields.alwaysOn}
            aria-describedby={field('keys-help')}
            onChange={(event) => onChange({ ...draft, keysText: event.target.value })}
          />
          <p id={field('keys-help')} className="lore-help">
            {t('entry.keysHelp')}
          </p>
        </div>
        <label className="lore-check">
          <input
            type="checkbox"
            data-testid="lore-case-sensitive"
            checked={draft.fields.caseSensitive}
            disabled={draft.fields.alwaysOn}
            onChange={(event) => set({ caseSensitive: event.target.checked })}
          />
          {t('entry.caseSensitive')}
        </label>
        <div className="lore-field">
          <label htmlFor={field('scan')}>{t('entry.scanDepth')}</label>
          <input
            id={field('scan')}
            type="number"
            className="lore-number"
            data-testid="lore-scan-depth"
            min={1}
            max={MAX_LORE_SCAN_CHARS}
            disabled={draft.fields.alwaysOn}
            aria-describedby={field('scan-help')}
            value={draft.fields.scanDepthChars}
            onChange={(event) =>
              set({ scanDepthChars: number(event.target.value, draft.fields.scanDepthChars) })
            }
          />
          <p id={field('scan-help')} className="lore-help">
            {t('entry.scanDepthHelp')}
          </p>
        </div>
      </fieldset>

      <fieldset className="lore-fieldset">
        <legend>{t('entry.placementHeading')}</legend>
        <div className="lore-field">
          <label htmlFor={field('position')}>{t('entry.position')}</label>
          <select
            id={field('position')}
            data-testid="lore-position"
            aria-describedby={field('position-help')}
            value={draft.fields.position}
            onChange={(event) => set({ position: lorePosition.parse(event.target.value) })}
          >
            {lorePosition.options.map((position) => (
              <option key={position} value={position}>
                {t(`entry.positions.${position}`)}
              </option>
            ))}
          </select>
          <p id={field('position-help')} className="lore-help">
            {t('entry.positionHelp')}
          </p>
        </div>
        {draft.fields.position === 'atDepth' && (
          <div className="lore-field">
            <label htmlFor={field('depth')}>{t('entry.depthLines')}</label>
            <input
              id={field('depth')}
              type="number"
              className="lore-number"
              data-testid="lore-depth"
              min={0}
              max={MAX_LORE_DEPTH_LINES}
              value={draft.fields.depthLines}
              onChange={(event) =>
                set({ depthLines: number(event.target.value, draft.fields.depthLines) })
              }
            />
          </div>
        )}
        <div className="lore-field">
          <label htmlFor={field('priority')}>{t('entry.priority')}</label>
          <input
            id={field('priority')}
            type="number"
            className="lore-number"
            data-testid="lore-priority"
            min={-1000}
            max={1000}
            aria-describedby={field('priority-help')}
            value={draft.fields.priority}
            onChange={(event) =>
              set({ priority: number(event.target.value, draft.fields.priority) })
            }
          />
          <p id={field('priority-help')} className="lore-help">
            {t('entry.priorityHelp')}
          </p>
        </div>
      </fieldset>

      <label className="lore-check">
        <input
          type="checkbox"
          data-testid="lore-enabled"
          checked={draft.fields.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
        />
        {t('entry.enabled')}
      </label>

      <div className="lore-form-actions">
        <button type="submit" className="primary-button" data-testid="lore-save">
          {t('entry.save')}
        </button>
        <button type="button" className="secondary-button" onClick={props.onCancel}>
          {t('entry.cancel')}
        </button>
        {props.onDelete && (
          <button
            type="button"
            className="quiet-button danger lore-delete"
            data-testid="lore-delete"
            onClick={props.onDelete}
          >
            {t('entry.delete')}
          </button>
        )}
      </div>
      <p className="lore-help lore-keys-hint">{t('entry.keyboardHint')}</p>
    </form>
  );
}
