import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../shared/schemas/documents.js';
import { useClient } from '../api/clientContext.js';
import { i18n } from '../i18n/i18n.js';
import type { ReportError } from '../ui/errorReporting.js';

export interface DocumentList {
  documents: DocumentSummary[];
  loaded: boolean;
  /** Loads the list now: the first load. After it, change events keep the list fresh. */
  refresh: () => Promise<DocumentSummary[]>;
}

/** Coalesces the burst of `documents.changed` events that autosave produces while typing. */
const REFRESH_DELAY_MS = 150;

/** The sidebar's list, newest edit first (the server sorts), kept fresh from change events. */
export function useDocumentList(reportError: ReportError): DocumentList {
  const client = useClient();
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const latestRequest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latestRequest.current;
    const list = await client.call('documents.list', {});
    // An older, slower answer must not overwrite a newer one.
    if (request === latestRequest.current) {
      setDocuments(list);
      setLoaded(true);
    }
    return list;
  }, [client]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refreshSoon = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        refresh().catch((error: unknown) => reportError(error, i18n.t('app:failed.loadDocuments')));
      }, REFRESH_DELAY_MS);
    };
    const unsubscribeChanges = client.on('documents.changed', refreshSoon);
    // After a reconnect the list may have changed while no events could arrive.
    const unsubscribeConnection = client.connection.subscribe(() => {
      if (client.connection.get() === 'connected') refreshSoon();
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      unsubscribeChanges();
      unsubscribeConnection();
    };
  }, [client, refresh, reportError]);

  return { documents, loaded, refresh };
}
