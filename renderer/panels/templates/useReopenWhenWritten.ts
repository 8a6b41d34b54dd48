import { useEffect, useRef } from 'react';
import { useClient } from '../../api/clientContext.js';

/** Main appends the output soon after the end; this long without word, the document is read anyway. */
export const REOPEN_FALLBACK_MS = 1_500;

/**
 * The editor loaded the new document when it held only the opening; main appends the output
 * once the generation ends (documents.changed 'saved'). Opening the document again then loads
 * the finished text, so the editor never edits a stale copy. endedGenerationId is set once the
 * generation's end arrived; each end reopens once.
 */
export function useReopenWhenWritten(
  documentId: string | null,
  endedGenerationId: string | null,
  reopen: (documentId: string) => void,
): void {
  const client = useClient();
  // The App's callback may change identity on every render; only a new end should reopen.
  const reopenRef = useRef(reopen);
  useEffect(() => {
    reopenRef.current = reopen;
  }, [reopen]);

  useEffect(() => {
    if (documentId === null || endedGenerationId === null) return;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      unsubscribe();
      clearTimeout(timer);
      reopenRef.current(documentId);
    };
    const unsubscribe = client.on('documents.changed', (change) => {
      if (change.id === documentId && change.kind === 'saved') finish();
    });
    // The append may have come before the end event reached this page.
    const timer = setTimeout(finish, REOPEN_FALLBACK_MS);
    return () => {
      done = true;
      unsubscribe();
      clearTimeout(timer);
    };
  }, [client, documentId, endedGenerationId]);
}
