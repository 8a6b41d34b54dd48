import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../shared/schemas/documents.js';
import type { InkwellClient } from '../api/client.js';
import { useClient } from '../api/clientContext.js';
import { DocumentSaver } from '../editor/autosave/documentSaver.js';
import { i18n } from '../i18n/i18n.js';
import { writeDocumentHash } from './documentHash.js';
import type { ReportError } from '../ui/errorReporting.js';
import { createContinueStores, type ContinueStores } from '../editor/continue/continueState.js';

/** The document in the editor: what it was loaded with, and the saver that owns its changes. */
export interface OpenDocument {
  id: string;
  title: string;
  initialContent: string;
  initialText: string;
  saver: DocumentSaver;
  /** Changes on every (re)load, so the editor remounts with a fresh history. */
  loadKey: number;
  /**
   * What the editor's continue plugin shares with the toolbar, the status bar and the context
   * viewer for this load of the document.
   */
  continueStores: ContinueStores;
}

export interface DocumentSession {
  current: OpenDocument | null;
  /** Saves the open document, then opens another (by id, or an already fetched record). */
  open: (target: string | DocumentRecord) => Promise<boolean>;
  close: () => Promise<void>;
  setTitle: (id: string, title: string) => void;
}

function createSaver(client: InkwellClient, record: DocumentRecord): DocumentSaver {
  return new DocumentSaver({
    documentId: record.id,
    baseVersion: record.version,
    baseContent: record.content,
    baseText: record.text,
    save: (request) => client.call('documents.save', request),
    fetchCurrent: () => client.call('documents.get', { id: record.id }),
  });
}

export function useDocumentSession(reportError: ReportError): DocumentSession {
  const client = useClient();
  const [current, setCurrent] = useState<OpenDocument | null>(null);
  // Callbacks read the open document from here, so they stay stable across renders.
  const currentRef = useRef<OpenDocument | null>(null);
  /**
   * Savers outlive their editor while they still hold unsaved text (a failing save keeps
   * retrying in the background), so switching documents can never drop words.
   */
  const savers = useRef(new Map<string, DocumentSaver>());
  const openSequence = useRef(0);

  const releaseIfClean = useCallback((saver: DocumentSaver) => {
    if (!saver.isClean || currentRef.current?.saver === saver) return;
    saver.dispose();
    savers.current.delete(saver.documentId);
  }, []);

  const leaveCurrent = useCallback(async () => {
    const leaving = currentRef.current;
    if (!leaving) return;
    if (!(await leaving.saver.flush())) {
      reportError(
        new Error(leaving.saver.saveState.get().lastError ?? i18n.t('app:failed.noAnswer')),
        i18n.t('app:failed.notSavedYet'),
      );
    }
  }, [reportError]);

  const open = useCallback(
    async (target: string | DocumentRecord): Promise<boolean> => {
      const sequence = ++openSequence.current;
      const id = typeof target === 'string' ? target : target.id;
      try {
        await leaveCurrent();
        const record =
          typeof target === 'string' ? await client.call('documents.get', { id }) : target;
        // The writer clicked something else while this was loading.
        if (sequence !== openSequence.current) return false;
        const previous = currentRef.current;
        let saver = savers.current.get(id);
        let initialContent = record.content;
        let initialText = record.text;
        const unsaved = saver?.pendingSnapshot() ?? null;
        if (saver && unsaved) {
          initialContent = unsaved.content;
          initialText = unsaved.text;
        } else {
          saver?.dispose();
          saver = createSaver(client, record);
          savers.current.set(id, saver);
        }
        const next: OpenDocument = {
          id,
          title: record.title,
          initialContent,
          initialText,
          saver,
          loadKey: sequence,
          continueStores: createContinueStores(),
        };
        currentRef.current = next;
        setCurrent(next);
        writeDocumentHash(id);
        if (previous && previous.saver !== saver) releaseIfClean(previous.saver);
        return true;
      } catch (error) {
        if (sequence === openSequence.current) reportError(error, i18n.t('app:failed.open'));
        return false;
      }
    },
    [client, leaveCurrent, releaseIfClean, reportError],
  );

  const close = useCallback(async () => {
    openSequence.current += 1;
    await leaveCurrent();
    const previous = currentRef.current;
    currentRef.current = null;
    setCurrent(null);
    writeDocumentHash(null);
    if (previous) releaseIfClean(previous.saver);
  }, [leaveCurrent, releaseIfClean]);

  const setTitle = useCallback((id: string, title: string) => {
    setCurrent((previous) => (previous && previous.id === id ? { ...previous, title } : previous));
  }, []);

  // Once the connection returns, whatever is waiting is saved straight away.
  useEffect(
    () =>
      client.connection.subscribe(() => {
        if (client.connection.get() !== 'connected') return;
        for (const saver of savers.current.values()) void saver.flush();
      }),
    [client],
  );

  return { current, open, close, setTitle };
}
