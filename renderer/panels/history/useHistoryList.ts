import type { EventPayload } from '../../../shared/contract.js';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GenerationSummary } from '../../../shared/schemas/generations.js';
import { useClient } from '../../api/clientContext.js';
import { i18n } from '../../i18n/i18n.js';
import type { ReportError } from '../../ui/errorReporting.js';

/** Enough for a panel; older entries are one search away. */
const PAGE_SIZE = 200;
/** A streaming generation changes its row often; one refresh per burst is enough. */
const REFRESH_DELAY_MS = 300;

export interface HistoryListState {
  entries: GenerationSummary[] | null;
  refresh: () => void;
}

/**
 * The history entries for a scope (one document, or all when documentId is undefined) and an
 * optional full-text query, newest first, kept current by the history.changed event.
 */
export function useHistoryList(
  documentId: string | undefined,
  query: string,
  reportError: ReportError,
  onChange?: (id: string, kind: EventPayload<'history.changed'>['kind']) => void,
): HistoryListState {
  const client = useClient();
  const [entries, setEntries] = useState<GenerationSummary[] | null>(null);
  // Replies can come back out of order while the writer types a query: keep only the latest.
  const requestNumber = useRef(0);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  const load = useCallback(async () => {
    const number = ++requestNumber.current;
    const trimmed = query.trim();
    try {
      const list = await client.call('history.list', {
        ...(documentId === undefined ? {} : { documentId }),
        ...(trimmed === '' ? {} : { query: trimmed }),
        limit: PAGE_SIZE,
      });
      if (number === requestNumber.current) setEntries(list);
    } catch (error) {
      if (number === requestNumber.current)
        reportError(error, i18n.t('generation:history.loadFailed'));
    }
  }, [client, documentId, query, reportError]);

  useEffect(() => {
    void load();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = client.on('history.changed', (change) => {
      onChangeRef.current?.(change.id, change.kind);
      if (documentId !== undefined && change.documentId !== documentId) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void load(), REFRESH_DELAY_MS);
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
  }, [client, documentId, load]);

  const refresh = useCallback(() => void load(), [load]);
  return { entries, refresh };
}
