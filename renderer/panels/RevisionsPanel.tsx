import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import type { RevisionRecord, RevisionSummary } from '../../shared/schemas/documents.js';
import { useClient } from '../api/clientContext.js';
import type { ReportError } from '../ui/errorReporting.js';
import type { DocumentSaver } from '../editor/autosave/documentSaver.js';
import { REPLACE_CONTENT_COMMAND } from '../editor/plugins/replaceContent.js';
import { formatFullTime } from '../ui/formatTime.js';
import { focusFirstItem, moveFocusInList } from '../ui/listNavigation.js';
import { SidePanel } from '../ui/SidePanel.js';

/** Why a revision was made, as keys of `app:revisions.reasons`. */
const REASON_KEYS = {
  autosave: 'autosave',
  'before-restore': 'beforeRestore',
  manual: 'manual',
} as const satisfies Record<RevisionSummary['reason'], string>;

export interface RevisionsPanelProps {
  documentId: string;
  saver: DocumentSaver;
  editorRef: RefObject<LexicalEditor | null>;
  reportError: ReportError;
  onClose: () => void;
}

/** Earlier versions of the open document: preview one, and bring it back as one undoable step. */
export function RevisionsPanel(props: RevisionsPanelProps): ReactNode {
  const { documentId, saver, editorRef, reportError, onClose } = props;
  const { t } = useTranslation(['app', 'common']);
  const client = useClient();
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [selected, setSelected] = useState<RevisionRecord | null>(null);
  const [restoring, setRestoring] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const focusedOnce = useRef(false);

  const load = useCallback(async () => {
    try {
      setRevisions(await client.call('revisions.list', { documentId }));
    } catch (error) {
      reportError(error, t('revisions.loadFailed'));
    }
  }, [client, documentId, reportError, t]);

  useEffect(() => {
    setSelected(null);
    void load();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = client.on('documents.changed', (change) => {
      if (change.id !== documentId) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void load(), 300);
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
  }, [client, documentId, load]);

  // Once there is a list, the focus moves onto it, so the arrow keys walk it at once.
  useEffect(() => {
    if (revisions && revisions.length > 0 && !focusedOnce.current) {
      focusedOnce.current = true;
      focusFirstItem(listRef.current);
    }
  }, [revisions]);

  const select = async (id: number): Promise<void> => {
    try {
      setSelected(await client.call('revisions.get', { id }));
    } catch (error) {
      reportError(error, t('revisions.openFailed'));
    }
  };

  const restore = async (revision: RevisionRecord): Promise<void> => {
    setRestoring(true);
    try {
      // The server snapshots the current state first, so the current text must be saved.
      await saver.flush();
      const record = await client.call('revisions.restore', {
        documentId,
        revisionId: revision.id,
        baseVersion: saver.baseVersion,
      });
      const editor = editorRef.current;
      if (editor) {
        editor.dispatchCommand(REPLACE_CONTENT_COMMAND, {
          content: record.content,
          text: record.text,
        });
        editor.focus();
      }
      saver.adoptVersion(record);
    } catch (error) {
      reportError(error, t('revisions.restoreFailed'));
    } finally {
      setRestoring(false);
    }
  };

  return (
    <SidePanel
      title={t('revisions.title')}
      testId="revisions-panel"
      className="revisions-panel"
      onClose={onClose}
    >
      {revisions === null && <p className="sidebar-note">{t('common:loading')}</p>}
      {revisions?.length === 0 && <p className="sidebar-note">{t('revisions.empty')}</p>}
      <ul className="revision-list" ref={listRef} onKeyDown={moveFocusInList}>
        {revisions?.map((revision, index) => (
          <li key={revision.id}>
            <button
              type="button"
              className="revision-item"
              data-testid="revision-item"
              data-nav-item
              tabIndex={selected ? (selected.id === revision.id ? 0 : -1) : index === 0 ? 0 : -1}
              aria-current={selected?.id === revision.id}
              onClick={() => void select(revision.id)}
            >
              <span className="revision-time">{formatFullTime(revision.createdAt)}</span>
              <span className="revision-meta">
                {t('common:words', { count: revision.wordCount })} ·{' '}
                {t(`revisions.reasons.${REASON_KEYS[revision.reason]}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <section className="revision-detail" aria-label={t('revisions.selected')}>
          <div className="revision-preview" data-testid="revision-preview" tabIndex={0}>
            {selected.text || <em>{t('revisions.emptyText')}</em>}
          </div>
          <button
            type="button"
            className="primary-button"
            data-testid="revision-restore"
            disabled={restoring}
            onClick={() => void restore(selected)}
          >
            {restoring ? t('revisions.restoring') : t('revisions.restore')}
          </button>
          <p className="sidebar-note">{t('revisions.restoreHint')}</p>
        </section>
      )}
    </SidePanel>
  );
}
