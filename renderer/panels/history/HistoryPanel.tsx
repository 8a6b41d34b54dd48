import type { EventPayload } from '../../../shared/contract.js';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerationRecord } from '../../../shared/schemas/generations.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import '../../styles/generationPanels.css';
import { downloadFile } from '../../ui/downloadFile.js';
import { SidePanel } from '../../ui/SidePanel.js';
import { HistoryDetails } from './HistoryDetails.js';
import { HistoryList } from './HistoryList.js';
import { useHistoryList } from './useHistoryList.js';

/** Searching on every key would query once per letter; wait for a short pause instead. */
const SEARCH_DELAY_MS = 250;

type Scope = 'document' | 'all';

export interface HistoryPanelProps {
  /** The open document; null when none is open (only "All documents" is offered then). */
  documentId: string | null;
  reportError: ReportError;
  onClose: () => void;
  /** Puts text at the editor's cursor (as ordinary, undoable text). */
  onInsert: (text: string) => void;
}

/** Every generation, for this document or all of them: search, details, insert, replay, export. */
export function HistoryPanel(props: HistoryPanelProps): ReactNode {
  const { documentId, reportError, onClose, onInsert } = props;
  const { t } = useTranslation(['generation', 'common']);
  const client = useClient();
  const [scope, setScope] = useState<Scope>(documentId ? 'document' : 'all');
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<GenerationRecord | null>(null);
  /** How many generations the last export held (0: there was nothing to export). */
  const [exportedCount, setExportedCount] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const scopedDocumentId = scope === 'document' && documentId ? documentId : undefined;

  // Focus moves into the panel, so Escape closes it and typing searches at once.
  useEffect(() => searchRef.current?.focus(), []);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(searchText), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const open = useCallback(
    async (id: string) => {
      try {
        setSelected(await client.call('history.get', { id }));
      } catch (error) {
        reportError(error, t('history.openFailed'));
      }
    },
    [client, reportError, t],
  );

  const selectedId = selected?.id ?? null;
  const onHistoryChange = useCallback(
    (id: string, kind: EventPayload<'history.changed'>['kind']) => {
      if (id !== selectedId) return;
      if (kind === 'deleted') setSelected(null);
      else void open(id);
    },
    [open, selectedId],
  );
  const { entries } = useHistoryList(scopedDocumentId, query, reportError, onHistoryChange);

  const exportScope = async (): Promise<void> => {
    try {
      const exported = await client.call(
        'history.export',
        scopedDocumentId === undefined ? {} : { documentId: scopedDocumentId },
      );
      if (exported.count === 0) {
        setExportedCount(0);
        return;
      }
      downloadFile(exported.jsonl, 'application/x-ndjson', exported.fileName);
      setExportedCount(exported.count);
    } catch (error) {
      reportError(error, t('history.exportFailed'));
    }
  };

  return (
    <SidePanel
      title={t('history.title')}
      testId="history-panel"
      className="history-panel"
      onClose={onClose}
    >
      <div className="history-controls">
        <fieldset className="segmented" data-testid="history-scope">
          <legend className="visually-hidden">{t('history.scope')}</legend>
          <label>
            <input
              type="radio"
              name="history-scope"
              checked={scope === 'document' && documentId !== null}
              disabled={documentId === null}
              onChange={() => setScope('document')}
            />
            {t('history.thisDocument')}
          </label>
          <label>
            <input
              type="radio"
              name="history-scope"
              checked={scope === 'all' || documentId === null}
              onChange={() => setScope('all')}
            />
            {t('history.allDocuments')}
          </label>
        </fieldset>
        <input
          ref={searchRef}
          type="search"
          className="history-search"
          data-testid="history-search"
          aria-label={t('history.search')}
          placeholder={t('history.searchPlaceholder')}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
        />
        <div className="history-export-row">
          <button
            type="button"
            className="quiet-button"
            data-testid="history-export"
            title={t('history.exportHint')}
            onClick={() => void exportScope()}
          >
            {t('history.export')}
          </button>
          {exportedCount !== null && (
            <span className="history-note" role="status">
              {exportedCount === 0
                ? t('history.nothingToExport')
                : t('history.exported', { count: exportedCount })}
            </span>
          )}
        </div>
      </div>
      {entries === null && <p className="sidebar-note">{t('common:loading')}</p>}
      {entries?.length === 0 && (
        <p className="sidebar-note">
          {t(query.trim() !== '' ? 'history.noMatches' : 'history.empty')}
        </p>
      )}
      {entries && entries.length > 0 && (
        <HistoryList
          entries={entries}
          selectedId={selectedId}
          showDocument={scopedDocumentId === undefined}
          listRef={listRef}
          onSelect={(id) => void open(id)}
        />
      )}
      {selected && (
        <HistoryDetails
          key={selected.id}
          record={selected}
          reportError={reportError}
          onInsert={onInsert}
          onSelect={(id) => void open(id)}
          onDeleted={() => setSelected(null)}
        />
      )}
    </SidePanel>
  );
}
