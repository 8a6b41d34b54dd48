import { useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../api/clientContext.js';
import type { Observable } from '../api/connectionState.js';
import type { DocumentSaver } from './autosave/documentSaver.js';
import type { TextCounts } from '../../shared/textCounts.js';

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
  const { t } = useTranslation(['editor', 'common']);
  const { status, lastError } = useSaveState(props.saver);
  const connection = useConnectionState();
  // While the connection is down a save cannot be under way, whatever the queue says.
  const offline = connection !== 'connected' && (status === 'saving' || status === 'pending');
  const text = t(offline ? 'saveStatus.offline' : (`saveStatus.${status}` as const));
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
  const { t } = useTranslation(['editor', 'common']);
  const { words, characters } = useSyncExternalStore(counts.subscribe, counts.get);
  return (
    <>
      <span data-testid="word-count">{t('common:words', { count: words })}</span>
      <span className="char-count" data-testid="char-count">
        {t('characters', { count: characters })}
      </span>
    </>
  );
}
