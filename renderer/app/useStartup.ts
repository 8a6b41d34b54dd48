import { useEffect, useRef } from 'react';
import { ApiError } from '../../shared/errors.js';
import type { DocumentSummary } from '../../shared/schemas/documents.js';
import { i18n } from '../i18n/i18n.js';
import { parseDocumentHash } from './documentHash.js';
import type { ReportError } from '../ui/errorReporting.js';

const RETRY_START_MS = 2000;

interface StartupActions {
  refresh: () => Promise<DocumentSummary[]>;
  open: (id: string) => Promise<boolean>;
  createDocument: () => Promise<void>;
  reportError: ReportError;
}

/**
 * First load: reopen the document named in the URL hash, else the most recently edited one;
 * with no documents at all, make the first one so the writer can start typing at once.
 */
export function useStartup(actions: StartupActions): void {
  const started = useRef(false);
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    // React's development double-run must not create two first documents.
    if (started.current) return;
    started.current = true;
    const { refresh, open, createDocument, reportError } = latest.current;
    const start = async (): Promise<void> => {
      try {
        const documents = await refresh();
        const fromHash = parseDocumentHash(location.hash);
        if (fromHash && documents.some((entry) => entry.id === fromHash)) {
          if (await open(fromHash)) return;
        }
        const newest = documents[0];
        if (newest) await open(newest.id);
        else await createDocument();
      } catch (error) {
        const unreachable = error instanceof ApiError && error.code === 'unavailable';
        reportError(error, i18n.t(unreachable ? 'app:failed.start' : 'app:failed.loadDocuments'));
        // The server may still be starting: keep trying rather than leave an empty window.
        if (unreachable) setTimeout(() => void start(), RETRY_START_MS);
      }
    };
    void start();
  }, []);
}
