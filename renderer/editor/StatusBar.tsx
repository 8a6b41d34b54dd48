import { useSyncExternalStore, type ReactNode } from 'react';
import { useConnectionState } from '../api/clientContext.js';
import type { DocumentSaver, SaveStatus } from './autosave/documentSaver.js';
import { formatWordCount, type TextCounts } from './wordCount.js';

const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  pending: 'Unsaved changes',
  retrying: 'Unsaved changes – retrying',
  conflict: 'Unsaved – changed elsewhere',
};

export function useSaveState(saver: DocumentSaver): ReturnType<DocumentSaver['saveState']['get']> {
  return useSyncExternalStore(saver.saveState.subscribe, saver.saveState.get);
}

export function StatusBar(props: {
  saver: DocumentSaver;
  counts: TextCounts;
  extra?: ReactNode;
  /** The model and continue figures, shown before the counts. */
  engine?: ReactNode;
}): ReactNode {
  const { status, lastError } = useSaveState(props.saver);
  const connection = useConnectionState();
  // While the connection is down a save cannot be under way, whatever the queue says.
  const offline = connection !== 'connected' && (status === 'saving' || status === 'pending');
  const text = offline ? 'Unsaved changes – waiting for the connection' : STATUS_TEXT[status];
  return (
    <footer className="status-bar">
      <span
        className={`save-status save-status-${status}`}
        data-testid="save-status"
        data-status={offline ? 'offline' : status}
        role="status"
        title={lastError ?? undefined}
      >
        {text}
      </span>
      {props.extra}
      <span className="status-spacer" />
      {props.engine}
      <span data-testid="word-count">{formatWordCount(props.counts.words)}</span>
      <span className="char-count" data-testid="char-count">
        {props.counts.characters.toLocaleString('en-US')}{' '}
        {props.counts.characters === 1 ? 'character' : 'characters'}
      </span>
    </footer>
  );
}
