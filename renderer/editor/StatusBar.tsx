import { useSyncExternalStore, type ReactNode } from 'react';
import { useConnectionState } from '../api/clientContext.js';
import type { Observable } from '../api/connectionState.js';
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
  /** A store, not a value: counts change on every keystroke and only their spans re-render. */
  counts: Observable<TextCounts>;
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
      <Counts counts={props.counts} />
    </footer>
  );
}

function Counts({ counts }: { counts: Observable<TextCounts> }): ReactNode {
  const { words, characters } = useSyncExternalStore(counts.subscribe, counts.get);
  return (
    <>
      <span data-testid="word-count">{formatWordCount(words)}</span>
      <span className="char-count" data-testid="char-count">
        {characters.toLocaleString('en-US')} {characters === 1 ? 'character' : 'characters'}
      </span>
    </>
  );
}
