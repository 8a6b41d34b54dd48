import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoreEntry } from '../../../shared/schemas/lorebook.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { SidePanel } from '../../ui/SidePanel.js';
import { EntryForm } from './EntryForm.js';
import { Field, helpIdOf } from './formFields.js';
import { LoreSection } from './LoreSection.js';
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
  const opener = useRef<string | null>(null);
  /** Set when the form closes: the opener to focus once the list is back ('' for none). */
  const focusBack = useRef<string | null>(null);
  const body = useRef<HTMLDivElement>(null);

  const save = async (): Promise<void> => {
    if (!draft) return;
    try {
      await client.call('lorebook.saveEntry', {
        documentId: draft.documentId,
        ...(draft.id !== undefined ? { id: draft.id } : {}),
        fields: { ...draft.fields, keys: keysFromText(draft.keysText) },
      });
      close();
      reload();
    } catch (error) {
      reportError(error, t('failed.save'));
    }
  };
  const remove = async (entryId: string): Promise<void> => {
    try {
      await client.call('lorebook.deleteEntry', { id: entryId });
      close();
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

  /**
   * Opens the form. The list is not drawn while it is open, so the control that opened it is
   * remembered by what it is (an entry's id, or which Add button), to give the focus back to
   * the one drawn anew when the form closes (Save, Cancel, Esc).
   */
  const open = (next: EntryDraft): void => {
    const opened = document.activeElement;
    opener.current =
      opened instanceof HTMLElement && opened.dataset.opener ? opened.dataset.opener : null;
    setDraft(next);
    requestAnimationFrame(() => body.current?.closest('.side-panel')?.scrollTo({ top: 0 }));
  };
  const close = (): void => {
    focusBack.current = opener.current ?? '';
    opener.current = null;
    setDraft(null);
  };
  // Once the list is drawn again (in the render that closes the form, however late that comes
  // after a save's reply), from its top: the form was longer. The opener may be gone (a deleted
  // entry). Focusing it scrolls it into view where it is further down.
  useLayoutEffect(() => {
    const back = focusBack.current;
    if (draft || back === null) return;
    focusBack.current = null;
    body.current?.closest('.side-panel')?.scrollTo({ top: 0 });
    if (back) body.current?.querySelector<HTMLElement>(`[data-opener="${back}"]`)?.focus();
  }, [draft]);

  return (
    <SidePanel
      title={t('panel.title')}
      testId="lorebook-panel"
      className="lorebook-panel"
      onClose={props.onClose}
    >
      <div className="lore-body" ref={body}>
        {lorebook === null && (
          <p className="sidebar-note" role="status">
            {t('panel.loading')}
          </p>
        )}
        {draft && (
          <EntryForm
            draft={draft}
            onChange={setDraft}
            onSave={() => void save()}
            onCancel={close}
            onDelete={draft.id !== undefined ? () => void remove(draft.id as string) : null}
          />
        )}
        {lorebook && !draft && (
          <>
            <p className="lore-intro">{t('panel.intro')}</p>
            <LoreSection
              id={`${id}-own`}
              heading={t('panel.ownEntries')}
              action={{
                label: t('panel.addEntry'),
                testId: 'lorebook-add-entry',
                opener: 'add-entry',
                onClick: () => open(newDraft(documentId)),
              }}
            >
              {lorebook.entries.length === 0 ? (
                <p className="lore-empty">{t('panel.noEntries')}</p>
              ) : (
                <ul className="lore-entries">
                  {lorebook.entries.map((entry) => (
                    <li key={entry.id} className="lore-card">
                      <EntryButton entry={entry} onOpen={() => open(draftOf(entry))} />
                    </li>
                  ))}
                </ul>
              )}
            </LoreSection>
            <LoreSection
              id={`${id}-library`}
              heading={t('panel.library')}
              action={{
                label: t('panel.addLibraryEntry'),
                testId: 'lorebook-add-library-entry',
                opener: 'add-library-entry',
                onClick: () => open(newDraft(null)),
              }}
            >
              <p className="lore-note">{t('panel.libraryHelp')}</p>
              {lorebook.library.length === 0 ? (
                <p className="lore-empty">{t('panel.noLibrary')}</p>
              ) : (
                <ul className="lore-entries">
                  {lorebook.library.map((entry) => (
                    <li
                      key={entry.id}
                      className="lore-card lore-library-entry"
                      data-on={entry.switchedOn}
                    >
                      <input
                        type="checkbox"
                        aria-label={t('panel.useInDocument', {
                          title: entry.title || t('untitled'),
                        })}
                        data-testid="lore-library-switch"
                        checked={entry.switchedOn}
                        onChange={(event) => void switchOn(entry.id, event.target.checked)}
                      />
                      <EntryButton entry={entry} onOpen={() => open(draftOf(entry))} />
                    </li>
                  ))}
                </ul>
              )}
            </LoreSection>
            <LoreSection id={`${id}-budget-heading`} heading={t('panel.budgetHeading')}>
              <Field id={`${id}-budget`} label={t('panel.budget')} help={t('panel.budgetHelp')}>
                <input
                  id={`${id}-budget`}
                  type="number"
                  className="lore-number"
                  data-testid="lore-budget"
                  min={0}
                  max={4096}
                  aria-describedby={helpIdOf(`${id}-budget`)}
                  value={budgetText ?? String(lorebook.budgetTokens)}
                  onChange={(event) => setBudgetText(event.target.value)}
                  onBlur={(event) => void saveBudget(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') void saveBudget(event.currentTarget.value);
                  }}
                />
              </Field>
            </LoreSection>
            <LorebookFiles documentId={documentId} reportError={reportError} />
          </>
        )}
      </div>
    </SidePanel>
  );
}

/** One entry as a card: its title, its keys (or always on), and what is unusual about it. */
function EntryButton(props: { entry: LoreEntry; onOpen: () => void }): ReactNode {
  const { t } = useTranslation('lorebook');
  const { entry } = props;
  return (
    <button
      type="button"
      className="lore-entry-button"
      data-testid="lore-entry"
      data-entry-title={entry.title}
      data-opener={`entry-${entry.id}`}
      aria-label={t('panel.editEntry', { title: entry.title || t('untitled') })}
      onClick={props.onOpen}
    >
      <span className="lore-entry-head">
        <strong className="lore-entry-title">{entry.title || t('untitled')}</strong>
        {entry.alwaysOn && <span className="lore-badge">{t('alwaysOnShort')}</span>}
        {!entry.enabled && <span className="lore-badge muted">{t('disabledShort')}</span>}
      </span>
      <span className="lore-entry-keys">
        {entry.alwaysOn
          ? t(`entry.positions.${entry.position}`)
          : entry.keys.join(', ') || t('noKeys')}
      </span>
    </button>
  );
}
