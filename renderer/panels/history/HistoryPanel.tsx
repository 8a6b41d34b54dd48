import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { GenerationRecord } from '../../../shared/schemas/generations.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../app/errorReporting.js';
import '../../styles/generationPanels.css';
import { downloadFile } from '../../app/downloadFile.js';
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
  const client = useClient();
  const [scope, setScope] = useState<Scope>(documentId ? 'document' : 'all');
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<GenerationRecord | null>(null);
  const [exportNote, setExportNote] = useState<string | null>(null);
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
        reportError(error, 'Could not open that generation');
      }
    },
    [client, reportError],
  );

  const selectedId = selected?.id ?? null;
  const onHistoryChange = useCallback(
    (id: string, kind: 'started' | 'finished' | 'accepted' | 'deleted') => {
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
        setExportNote('Nothing to export yet.');
        return;
      }
      downloadFile(exported.jsonl, 'application/x-ndjson', exported.fileName);
      setExportNote(`Exported ${exported.count} generation${exported.count === 1 ? '' : 's'}.`);
    } catch (error) {
      reportError(error, 'Could not export the history');
    }
  };

  return (
    <aside
      className="side-panel history-panel"
      aria-label="History"
      data-testid="history-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="panel-header">
        <h2>History</h2>
        <button type="button" className="quiet-button" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="history-controls">
        <fieldset className="segmented" data-testid="history-scope">
          <legend className="visually-hidden">Show generations from</legend>
          <label>
            <input
              type="radio"
              name="history-scope"
              checked={scope === 'document' && documentId !== null}
              disabled={documentId === null}
              onChange={() => setScope('document')}
            />
            This document
          </label>
          <label>
            <input
              type="radio"
              name="history-scope"
              checked={scope === 'all' || documentId === null}
              onChange={() => setScope('all')}
            />
            All documents
          </label>
        </fieldset>
        <input
          ref={searchRef}
          type="search"
          className="history-search"
          data-testid="history-search"
          aria-label="Search generations"
          placeholder="Search the text of generations"
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
        />
        <div className="history-export-row">
          <button
            type="button"
            className="quiet-button"
            data-testid="history-export"
            title="Download these generations as JSON Lines, one per line"
            onClick={() => void exportScope()}
          >
            Export JSON Lines
          </button>
          {exportNote && (
            <span className="history-note" role="status">
              {exportNote}
            </span>
          )}
        </div>
      </div>
      {entries === null && <p className="sidebar-note">Loading…</p>}
      {entries?.length === 0 && (
        <p className="sidebar-note">
          {query.trim() !== ''
            ? 'No generation contains those words.'
            : 'No generations yet. Press Ctrl+Enter in the text to continue it.'}
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
    </aside>
  );
}
