import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../shared/schemas/documents.js';
import { useClient } from '../api/clientContext.js';
import { i18n } from '../i18n/i18n.js';
import type { ReportError } from '../ui/errorReporting.js';
import type { DocumentSession } from './useDocumentSession.js';

/** A document just moved to the trash, and how to bring it back. */
export interface DeletedDocument {
  title: string;
  undo: () => void;
}

export interface DocumentActionsOptions {
  session: DocumentSession;
  /** The list as the sidebar shows it: where to go after a delete. */
  documents: readonly DocumentSummary[];
  reportError: ReportError;
  /** After a delete, before the next document opens (App offers Undo). */
  onDeleted: (deleted: DeletedDocument) => void;
}

/**
 * What the writer does to documents as a whole. None of these refreshes the documents list:
 * main announces every change (documents.changed: created, renamed, deleted, restored, saved) to
 * every window, this one included, and useDocumentList follows those events.
 */
export interface DocumentActions {
  /** The document just made with New: its title takes the focus once its editor is shown. */
  createdId: string | null;
  create: () => Promise<void>;
  /** Rejects (after reporting) when the rename failed, so the title field can go back. */
  renameCurrent: (title: string) => Promise<void>;
  /** Moves the open document to the trash and opens its neighbour in the list. */
  deleteCurrent: () => Promise<void>;
  /** Brings a deleted document back from the trash and opens it. */
  restore: (id: string) => Promise<void>;
}

/** The document after `id` in the list (or the one before it): where to go after deleting. */
function neighbourOf(documents: readonly DocumentSummary[], id: string): DocumentSummary | null {
  const index = documents.findIndex((entry) => entry.id === id);
  if (index < 0) return documents[0] ?? null;
  return documents[index + 1] ?? documents[index - 1] ?? null;
}

export function useDocumentActions(options: DocumentActionsOptions): DocumentActions {
  const { session, documents, reportError } = options;
  const { current, open, close, setTitle } = session;
  const client = useClient();
  const [createdId, setCreatedId] = useState<string | null>(null);
  // Read when a delete completes, so App need not keep its callback stable.
  const onDeleted = useRef(options.onDeleted);
  useEffect(() => {
    onDeleted.current = options.onDeleted;
  });

  const create = useCallback(async () => {
    try {
      const record = await client.call('documents.create', {});
      setCreatedId(record.id);
      await open(record);
    } catch (error) {
      reportError(error, i18n.t('app:failed.create'));
    }
  }, [client, open, reportError]);

  const renameCurrent = useCallback(
    async (title: string) => {
      if (!current) return;
      try {
        const summary = await client.call('documents.rename', { id: current.id, title });
        current.saver.followMetadataChange(summary.version);
        setTitle(summary.id, summary.title);
      } catch (error) {
        reportError(error, i18n.t('app:failed.rename'));
        throw error;
      }
    },
    [client, current, reportError, setTitle],
  );

  const restore = useCallback(
    async (id: string) => {
      try {
        await client.call('documents.restore', { id });
        await open(id);
      } catch (error) {
        reportError(error, i18n.t('app:failed.restoreDeleted'));
      }
    },
    [client, open, reportError],
  );

  const deleteCurrent = useCallback(async () => {
    if (!current) return;
    const { id, title } = current;
    try {
      await current.saver.flush();
      await client.call('documents.delete', { id });
      onDeleted.current({ title, undo: () => void restore(id) });
      const next = neighbourOf(documents, id);
      if (next) await open(next.id);
      else await close();
    } catch (error) {
      reportError(error, i18n.t('app:failed.delete'));
    }
  }, [client, close, current, documents, open, reportError, restore]);

  return { createdId, create, renameCurrent, deleteCurrent, restore };
}
