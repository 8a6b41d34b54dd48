import { useCallback, useEffect, useRef } from 'react';
import { useClient } from '../api/clientContext.js';
import { i18n } from '../i18n/i18n.js';
import { base64ToBytes } from '../panels/importExport/base64.js';
import { importAsNewDocument, type CreateDocument } from '../panels/importExport/importDocument.js';
import type { ReportError } from '../ui/errorReporting.js';

export interface OpenedFilesOptions {
  reportError: ReportError;
  /** A handed-over document became a new document: open it. */
  onImported: (documentId: string) => void;
}

/**
 * Documents the system handed to the desktop app (double-clicked in the file manager, in a
 * second launch's command line, chosen in File → Open Recent) are imported as new documents,
 * through the same path as the import dialog: at start, for those that came with the launch,
 * and whenever main says one waits (the app.command 'open-file'). In a browser main answers
 * 'unavailable' and nothing happens. Answers the function for that command.
 */
export function useOpenedFiles(options: OpenedFilesOptions): () => Promise<void> {
  const client = useClient();
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const takeWaitingFiles = useCallback(async (): Promise<void> => {
    const createDocument: CreateDocument = (request) => client.call('documents.create', request);
    for (;;) {
      try {
        const answer = await client.call('files.openDialog', { purpose: 'opened-file' });
        if (answer.status !== 'opened') return;
        const record = await importAsNewDocument(
          { name: answer.name, format: answer.format, bytes: base64ToBytes(answer.base64).buffer },
          createDocument,
          new DOMParser(),
        );
        latest.current.onImported(record.id);
      } catch (error) {
        // This file could not be read or imported; the next one waiting is still taken.
        latest.current.reportError(error, i18n.t('importExport:import.couldNotImport'));
      }
    }
  }, [client]);

  useEffect(() => {
    void takeWaitingFiles();
  }, [takeWaitingFiles]);

  return takeWaitingFiles;
}
