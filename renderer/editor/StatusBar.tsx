import { useSyncExternalStore, type ReactNode } from 'react';
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
}): ReactNode {
  const { status, lastError } = useSaveState(props.saver);
  return (
    <footer className="status-bar">
      <span
        className={`save-status save-status-${status}`}
        data-testid="save-status"
        data-status={status}
        role="status"
        title={lastError ?? undefined}
      >
        {STATUS_TEXT[status]}
      </span>
      {props.extra}
      <span className="status-spacer" />
      <span data-testid="word-count">{formatWordCount(props.counts.words)}</span>
      <span className="char-count" data-testid="char-count">
        {props.counts.characters.toLocaleString('en-US')}{' '}
        {props.counts.characters === 1 ? 'character' : 'characters'}
      </span>
    </footer>
  );
}
