import { useCallback, useEffect, useState } from 'react';
import type { DocumentLorebook } from '../../../shared/schemas/lorebook.js';
import { useClient } from '../../api/clientContext.js';
import { i18n } from '../../i18n/i18n.js';
import type { ReportError } from '../../ui/errorReporting.js';

/** The document's lorebook, loaded once and again whenever it changes (here or in another window). */
export function useLorebook(
  documentId: string,
  reportError: ReportError,
): { lorebook: DocumentLorebook | null; reload: () => void } {
  const client = useClient();
  const [lorebook, setLorebook] = useState<DocumentLorebook | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    client.call('lorebook.get', { documentId }).then(
      (loaded) => current && setLorebook(loaded),
      (error: unknown) => current && reportError(error, i18n.t('lorebook:failed.load')),
    );
    return () => {
      current = false;
    };
  }, [client, documentId, reportError, version]);

  useEffect(
    () =>
      client.on('lorebook.changed', (change) => {
        if (change.documentId === null || change.documentId === documentId) reload();
      }),
    [client, documentId, reload],
  );
  return { lorebook, reload };
}
