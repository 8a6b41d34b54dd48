import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerationSummary } from '../../../shared/schemas/generations.js';
import { displayTitle } from '../../ui/displayTitle.js';
import { formatShortTime } from '../../ui/formatTime.js';
import { moveFocusInList } from '../../ui/listNavigation.js';
import { finishLabel, firstLine, kindLabel } from './historyFormat.js';

/** The entries, newest first, walkable with the arrow keys. */
export function HistoryList(props: {
  entries: GenerationSummary[];
  selectedId: string | null;
  showDocument: boolean;
  listRef: RefObject<HTMLUListElement | null>;
  onSelect: (id: string) => void;
}): ReactNode {
  const { entries, selectedId, showDocument, listRef, onSelect } = props;
  const { t } = useTranslation('generation');
  const focusable = entries.some((entry) => entry.id === selectedId) ? selectedId : entries[0]?.id;
  return (
    <ul className="history-list" ref={listRef} onKeyDown={moveFocusInList}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <button
            type="button"
            className="history-item"
            data-testid="history-item"
            data-generation-id={entry.id}
            data-nav-item
            tabIndex={entry.id === focusable ? 0 : -1}
            aria-current={entry.id === selectedId}
            onClick={() => onSelect(entry.id)}
          >
            <span className="history-item-line">{firstLine(entry.output)}</span>
            <span className="history-item-meta">
              {formatShortTime(entry.createdAt)} · {kindLabel(entry.kind)} ·{' '}
              {finishLabel(entry.finishReason)}
              {entry.accepted && (
                <span className="history-badge" data-testid="history-kept">
                  {t('history.kept')}
                </span>
              )}
            </span>
            <span className="history-item-meta">
              {entry.modelName}
              {showDocument &&
                entry.documentTitle !== null &&
                ` · ${displayTitle(entry.documentTitle)}`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
