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
import { Check, Field, NumberField, helpIdOf } from './formFields.js';

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
  const { fields } = draft;
  const set = (change: Partial<LoreEntryFields>): void =>
    onChange({ ...draft, fields: { ...draft.fields, ...change } });
  const field = (name: string): string => `${id}-${name}`;
  const heading =
    draft.id === undefined
      ? t(draft.documentId === null ? 'entry.newLibraryHeading' : 'entry.newHeading')
      : t('entry.editHeading', { title: fields.title || t('untitled') });
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
        <h3 id={field('heading')} className="panel-heading">
          {heading}
        </h3>
        {draft.documentId === null && <span className="lore-badge">{t('entry.inLibrary')}</span>}
      </div>
      <Field id={field('title')} label={t('entry.title')}>
        <input
          id={field('title')}
          data-testid="lore-title"
          maxLength={MAX_LORE_TITLE_CHARS}
          autoFocus
          value={fields.title}
          onChange={(event) => set({ title: event.target.value })}
        />
      </Field>
      <Field id={field('text')} label={t('entry.text')}>
        <textarea
          id={field('text')}
          data-testid="lore-text"
          rows={5}
          maxLength={MAX_LORE_TEXT_CHARS}
          value={fields.text}
          onChange={(event) => set({ text: event.target.value })}
        />
      </Field>

      <fieldset className="lore-fieldset">
        <legend>{t('entry.matchHeading')}</legend>
        <Check
          label={t('entry.alwaysOn')}
          testId="lore-always-on"
          checked={fields.alwaysOn}
          onChange={(alwaysOn) => set({ alwaysOn })}
        />
        <Field id={field('keys')} label={t('entry.keys')} help={t('entry.keysHelp')}>
          <textarea
            id={field('keys')}
            data-testid="lore-keys"
            rows={3}
            className="lore-keys"
            value={draft.keysText}
            disabled={fields.alwaysOn}
            aria-describedby={helpIdOf(field('keys'))}
            onChange={(event) => onChange({ ...draft, keysText: event.target.value })}
          />
        </Field>
        <Check
          label={t('entry.caseSensitive')}
          testId="lore-case-sensitive"
          checked={fields.caseSensitive}
          disabled={fields.alwaysOn}
          onChange={(caseSensitive) => set({ caseSensitive })}
        />
        <NumberField
          id={field('scan')}
          label={t('entry.scanDepth')}
          help={t('entry.scanDepthHelp')}
          testId="lore-scan-depth"
          min={1}
          max={MAX_LORE_SCAN_CHARS}
          disabled={fields.alwaysOn}
          value={fields.scanDepthChars}
          onChange={(scanDepthChars) => set({ scanDepthChars })}
        />
      </fieldset>

      <fieldset className="lore-fieldset">
        <legend>{t('entry.placementHeading')}</legend>
        <Field id={field('position')} label={t('entry.position')} help={t('entry.positionHelp')}>
          <select
            id={field('position')}
            data-testid="lore-position"
            aria-describedby={helpIdOf(field('position'))}
            value={fields.position}
            onChange={(event) => set({ position: lorePosition.parse(event.target.value) })}
          >
            {lorePosition.options.map((position) => (
              <option key={position} value={position}>
                {t(`entry.positions.${position}`)}
              </option>
            ))}
          </select>
        </Field>
        {fields.position === 'atDepth' && (
          <NumberField
            id={field('depth')}
            label={t('entry.depthLines')}
            testId="lore-depth"
            min={0}
            max={MAX_LORE_DEPTH_LINES}
            value={fields.depthLines}
            onChange={(depthLines) => set({ depthLines })}
          />
        )}
        <NumberField
          id={field('priority')}
          label={t('entry.priority')}
          help={t('entry.priorityHelp')}
          testId="lore-priority"
          min={-1000}
          max={1000}
          value={fields.priority}
          onChange={(priority) => set({ priority })}
        />
      </fieldset>

      <Check
        label={t('entry.enabled')}
        testId="lore-enabled"
        checked={fields.enabled}
        onChange={(enabled) => set({ enabled })}
      />

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
