import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoreEntry } from '../../../shared/schemas/lorebook.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { SidePanel } from '../../ui/SidePanel.js';
import { EntryForm } from './EntryForm.js';
import { LorebookFiles } from './LorebookFiles.js';
import { draftOf, keysFromText, newDraft, type EntryDraft } from './entryDraft.js';
import { useLorebook } from './useLorebook.js';
import '../../styles/lorebook.css';

/**
 * The document's lorebook: its own entries, the shared library's (each switched on or off for
 * this document), the token budget, and lorebook files.
 */
export function LorebookPanel(props: {
  documentId: string;
  reportError: ReportError;
  onClose: () => void;
}): ReactNode {
  const { t } = useTranslation('lorebook');
  const client = useClient();
  const id = useId();
  const { documentId, reportError } = props;
  const { lorebook, reload } = useLorebook(documentId, reportError);
  const [draft, setDraft] = useState<EntryDraft | null>(null);
  const [budgetText, setBudgetText] = useState<string | null>(null);

  const save = async (): Promise<void> => {
    if (!draft) return;
    try {
      await client.call('lorebook.saveEntry', {
        documentId: draft.documentId,
        ...(draft.id !== undefined ? { id: draft.id } : {}),
        fields: { ...draft.fields, keys: keysFromText(draft.keysText) },
      });
      setDraft(null);
      reload();
    } catch (error) {
      reportError(error, t('failed.save'));
    }
  };
  const remove = async (entryId: string): Promise<void> => {
    try {
      await client.call('lorebook.deleteEntry', { id: entryId });
      setDraft(null);
      reload();
    } catch (error) {
      reportError(error, t('failed.delete'));
    }
  };
  const switchOn = async (entryId: string, on: boolean): Promise<void> => {
    try {
      await client.call('lorebook.useLibraryEntry', { documentId, entryId, on });
      reload();
    } catch (error) {
      reportError(error, t('failed.save'));
    }
  };
  const saveBudget = async (text: string): Promise<void> => {
    const budgetTokens = Number.parseInt(text, 10);
    if (!Number.isFinite(budgetTokens) || budgetTokens < 0 || budgetTokens > 4096) return;
    try {
      await client.call('lorebook.saveBudget', { documentId, budgetTokens });
      setBudgetText(null);
      reload();
    } catch (error) {
      reportError(error, t('failed.save'));
    }
  };

  const entryButton = (entry: LoreEntry): ReactNode => (
    <button
      type="button"
      className="lore-entry-button"
      data-testid="lore-entry"
      data-entry-title={entry.title}
      onClick={() => setDraft(draftOf(entry))}
    >
      <strong>{entry.title || t('untitled')}</strong>
      <span className="lore-entry-keys">
        {entry.alwaysOn ? t('alwaysOnShort') : entry.keys.join(', ') || t('noKeys')}
      </span>
    </button>
  );

  return (
    <SidePanel
      title={t('panel.title')}
      testId="lorebook-panel"
      className="lorebook-panel"
      onClose={props.onClose}
    >
      {lorebook === null && <p>{t('panel.loading')}</p>}
      {draft && (
        <EntryForm
          draft={draft}
          onChange={setDraft}
          onSave={() => void save()}
          onCancel={() => setDraft(null)}
          onDelete={draft.id !== undefined ? () => void remove(draft.id as string) : null}
        />
      )}
      {lorebook && !draft && (
        <>
          <p className="field-help">{t('panel.intro')}</p>
          <div className="settings-field">
            <label htmlFor={`${id}-budget`}>{t('panel.budget')}</label>
            <input
              id={`${id}-budget`}
              type="number"
              data-testid="lore-budget"
              min={0}
              max={4096}
              value={budgetText ?? String(lorebook.budgetTokens)}
              onChange={(event) => setBudgetText(event.target.value)}
              onBlur={(event) => void saveBudget(event.target.value)}
            />
            <p className="field-help">{t('panel.budgetHelp')}</p>
          </div>
          <h3>{t('panel.ownEntries')}</h3>
          {lorebook.entries.length === 0 && <p className="field-help">{t('panel.noEntries')}</p>}
          <ul className="lore-entries">
            {lorebook.entries.map((entry) => (
              <li key={entry.id}>{entryButton(entry)}</li>
            ))}
          </ul>
          <button
            type="button"
            data-testid="lorebook-add-entry"
            onClick={() => setDraft(newDraft(documentId))}
          >
            {t('panel.addEntry')}
          </button>
          <h3>{t('panel.library')}</h3>
          <p className="field-help">{t('panel.libraryHelp')}</p>
          <ul className="lore-entries">
            {lorebook.library.map((entry) => (
              <li key={entry.id} className="lore-library-entry">
                <input
                  type="checkbox"
                  aria-label={t('panel.useInDocument', { title: entry.title || t('untitled') })}
                  data-testid="lore-library-switch"
                  checked={entry.switchedOn}
                  onChange={(event) => void switchOn(entry.id, event.target.checked)}
                />
                {entryButton(entry)}
              </li>
            ))}
          </ul>
          <button
            type="button"
            data-testid="lorebook-add-library-entry"
            onClick={() => setDraft(newDraft(null))}
          >
            {t('panel.addLibraryEntry')}
          </button>
          <LorebookFiles documentId={documentId} reportError={reportError} />
        </>
      )}
    </SidePanel>
  );
}
