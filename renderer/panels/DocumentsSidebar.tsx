import { useCallback, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary, SearchHit } from '../../shared/schemas/documents.js';
import type { ReportError } from '../ui/errorReporting.js';
import { LanguagePicker } from '../i18n/LanguagePicker.js';
import type { LanguagePreferenceStore } from '../i18n/languagePreference.js';
import { shortcutLabel } from '../keyboard/appShortcuts.js';
import { displayTitle } from '../ui/displayTitle.js';
import { formatShortTime } from '../ui/formatTime.js';
import { focusFirstItem, moveFocusInList } from '../ui/listNavigation.js';
import { parseSnippet } from './snippet.js';
import { useDocumentSearch } from './useDocumentSearch.js';

export interface DocumentsSidebarProps {
  documents: DocumentSummary[];
  currentId: string | null;
  onOpen: (id: string) => void;
  onCreate: () => void;
  reportError: ReportError;
  searchRef: RefObject<HTMLInputElement | null>;
  listRef: RefObject<HTMLUListElement | null>;
  languages: LanguagePreferenceStore;
}

function Snippet({ snippet }: { snippet: string }): ReactNode {
  return (
    <span className="doc-snippet">
      {parseSnippet(snippet).map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </span>
  );
}

function SearchResults(props: {
  hits: SearchHit[] | null;
  currentId: string | null;
  onOpen: (id: string) => void;
  listRef: RefObject<HTMLUListElement | null>;
}): ReactNode {
  const { t } = useTranslation(['app', 'common']);
  if (props.hits === null) return <p className="sidebar-note">{t('sidebar.searching')}</p>;
  if (props.hits.length === 0) return <p className="sidebar-note">{t('sidebar.noMatches')}</p>;
  return (
    <ul
      className="doc-list"
      data-testid="search-results"
      aria-label={t('sidebar.searchResults')}
      ref={props.listRef}
      onKeyDown={moveFocusInList}
    >
      {props.hits.map((hit, index) => (
        <li key={hit.id}>
          <button
            type="button"
            className="doc-item"
            data-testid="search-result"
            data-nav-item
            tabIndex={index === 0 ? 0 : -1}
            aria-current={hit.id === props.currentId}
            onClick={() => props.onOpen(hit.id)}
          >
            <span className="doc-title">{displayTitle(hit.title)}</span>
            <Snippet snippet={hit.snippet} />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The documents: newest edit first, a search box, and a button for a new one. */
export function DocumentsSidebar(props: DocumentsSidebarProps): ReactNode {
  const { t } = useTranslation(['app', 'common']);
  const { reportError } = props;
  const reportLanguageError = useCallback(
    (error: unknown) => reportError(error, t('sidebar.languageFailed')),
    [reportError, t],
  );
  const [query, setQuery] = useState('');
  const hits = useDocumentSearch(query, props.reportError);
  const searching = query.trim() !== '';
  const hasCurrent = props.documents.some((entry) => entry.id === props.currentId);

  return (
    <aside className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar-header">
        <h1 className="app-name">{t('name')}</h1>
        <button
          type="button"
          className="primary-button"
          data-testid="new-document"
          title={t('common:withShortcut', {
            label: t('sidebar.newDocument'),
            shortcut: shortcutLabel('newDocument'),
          })}
          onClick={props.onCreate}
        >
          {t('sidebar.new')}
        </button>
      </div>
      <input
        ref={props.searchRef}
        className="doc-search"
        type="search"
        data-testid="doc-search"
        placeholder={t('sidebar.search', { shortcut: shortcutLabel('focusSearch') })}
        aria-label={t('sidebar.searchLabel')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            focusFirstItem(props.listRef.current);
          } else if (event.key === 'Enter' && hits?.[0]) {
            props.onOpen(hits[0].id);
          } else if (event.key === 'Escape' && query) {
            event.preventDefault();
            setQuery('');
          }
        }}
      />
      {searching ? (
        <SearchResults
          hits={hits}
          currentId={props.currentId}
          onOpen={props.onOpen}
          listRef={props.listRef}
        />
      ) : (
        <ul
          className="doc-list"
          data-testid="doc-list"
          aria-label={t('sidebar.allDocuments')}
          ref={props.listRef}
          onKeyDown={moveFocusInList}
        >
          {props.documents.map((entry, index) => {
            const isCurrent = entry.id === props.currentId;
            return (
              <li key={entry.id}>
                <button
                  type="button"
                  className="doc-item"
                  data-testid="doc-item"
                  data-nav-item
                  data-document-id={entry.id}
                  tabIndex={isCurrent || (!hasCurrent && index === 0) ? 0 : -1}
                  aria-current={isCurrent}
                  onClick={() => props.onOpen(entry.id)}
                >
                  <span className="doc-title">{displayTitle(entry.title, entry.excerpt)}</span>
                  <span className="doc-meta">
                    {formatShortTime(entry.updatedAt)} ·{' '}
                    {t('common:words', { count: entry.wordCount })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="sidebar-footer">
        <LanguagePicker store={props.languages} reportError={reportLanguageError} />
      </div>
    </aside>
  );
}
