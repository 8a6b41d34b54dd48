import { useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../api/clientContext.js';
import type { Observable } from '../api/connectionState.js';
import type { DocumentSaver, SaveState } from './autosave/documentSaver.js';
import type { TextCounts } from '../../shared/textCounts.js';
import './saveProblem.css';

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
  const state = useSaveState(props.saver);
  const { status, lastError } = state;
  const connection = useConnectionState();
  // While the connection is down a save cannot be under way, whatever the queue says.
  const offline = connection !== 'connected' && (status === 'saving' || status === 'pending');
  let text: string;
  if (offline) text = t('saveStatus.offline');
  else if (status === 'tooLarge') text = t('saveProblem.tooLargeStatus');
  else if (status === 'refused') text = t('saveProblem.refusedStatus');
  else text = t(`saveStatus.${status}`);
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
      <SaveProblem state={state} />
      {props.extra}
      <span className="status-spacer" />
      {props.engine}
      <Counts counts={props.counts} />
    </footer>
  );
}

/**
 * A save the server cannot take as it is says why in the bar itself, not only in a tooltip:
 * the writer must act (shorten the text, restore the document), and must know where it is kept.
 */
function SaveProblem({ state }: { state: SaveState }): ReactNode {
  const { t } = useTranslation('editor');
  if (state.status !== 'tooLarge' && state.status !== 'refused') return null;
  const copy =
    state.localCopy === 'kept'
      ? t('saveProblem.copyKept')
      : state.localCopy === 'notKept'
        ? t('saveProblem.copyNotKept')
        : '';
  return (
    <span
      className="save-problem"
      data-testid="save-problem"
      data-local-copy={state.localCopy}
      role="alert"
    >
      {[state.lastError, copy].filter(Boolean).join(' ')}
    </span>
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
