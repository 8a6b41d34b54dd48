import { useEffect, useState } from 'react';
import type { SearchHit } from '../../shared/schemas/documents.js';
import { useClient } from '../api/clientContext.js';
import type { ReportError } from '../ui/errorReporting.js';
import { i18n } from '../i18n/i18n.js';

const SEARCH_DELAY_MS = 200;

/** Full-text search as the writer types; null while the box is empty (show the plain list). */
export function useDocumentSearch(query: string, reportError: ReportError): SearchHit[] | null {
  const client = useClient();
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) {
      setHits(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      client
        .call('documents.search', { query: trimmed, limit: 50 })
        .then((result) => {
          if (!cancelled) setHits(result);
        })
        .catch((error: unknown) => {
          if (!cancelled) reportError(error, i18n.t('app:sidebar.searchFailed'));
        });
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, trimmed, reportError]);

  return trimmed ? hits : null;
}
