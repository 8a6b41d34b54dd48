import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { RevisionRecord, RevisionSummary } from '../../shared/schemas/documents.js';
import { useClient } from '../api/clientContext.js';
import type { ReportError } from '../app/errorReporting.js';
import type { DocumentSaver } from '../editor/autosave/documentSaver.js';
import { REPLACE_CONTENT_COMMAND } from '../editor/plugins/replaceContent.js';
import { formatWordCount } from '../editor/wordCount.js';
import { formatFullTime } from './formatTime.js';
import { focusFirstItem, moveFocusInList } from './listNavigation.js';

const REASON_LABELS: Record<RevisionSummary['reason'], string> = {
  autosave: 'Autosave',
  'before-restore': 'Before a restore',
  manual: 'Saved by you',
};

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
  const client = useClient();
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [selected, setSelected] = useState<RevisionRecord | null>(null);
  const [restoring, setRestoring] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const focusedOnce = useRef(false);

  const load = useCallback(async () => {
    try {
      setRevisions(await client.call('revisions.list', { documentId }));
    } catch (error) {
      reportError(error, 'Could not load the revisions');
    }
  }, [client, documentId, reportError]);

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

  // Focus moves into the panel, so Escape closes it and the arrow keys walk the list.
  useEffect(() => panelRef.current?.focus(), []);
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
      reportError(error, 'Could not open that revision');
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
      reportError(error, 'Could not restore that revision');
    } finally {
      setRestoring(false);
    }
  };

  return (
    <aside
      ref={panelRef}
      tabIndex={-1}
      className="revisions-panel"
      aria-label="Revisions"
      data-testid="revisions-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="panel-header">
        <h2>Revisions</h2>
        <button type="button" className="quiet-button" onClick={onClose}>
          Close
        </button>
      </div>
      {revisions === null && <p className="sidebar-note">Loading…</p>}
      {revisions?.length === 0 && (
        <p className="sidebar-note">No revisions yet. They appear as you write.</p>
      )}
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
                {formatWordCount(revision.wordCount)} · {REASON_LABELS[revision.reason]}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <section className="revision-detail" aria-label="Selected revision">
          <div className="revision-preview" data-testid="revision-preview" tabIndex={0}>
            {selected.text || <em>(empty)</em>}
          </div>
          <button
            type="button"
            className="primary-button"
            data-testid="revision-restore"
            disabled={restoring}
            onClick={() => void restore(selected)}
          >
            {restoring ? 'Restoring…' : 'Restore this version'}
          </button>
          <p className="sidebar-note">
            Your current text is kept as a revision; Ctrl+Z undoes this.
          </p>
        </section>
      )}
    </aside>
  );
}
