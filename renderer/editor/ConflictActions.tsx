import type { ReactNode, RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import { useClient } from '../api/clientContext.js';
import type { ReportError } from '../app/errorReporting.js';
import type { DocumentSaver } from './autosave/documentSaver.js';
import { REPLACE_CONTENT_COMMAND } from './plugins/replaceContent.js';
import { useSaveState } from './StatusBar.js';

/**
 * When the server has a newer version than the one this editor started from, the writer
 * chooses: keep this text (saved over the newer one) or load the newer one (undoable).
 */
export function ConflictActions(props: {
  saver: DocumentSaver;
  editorRef: RefObject<LexicalEditor | null>;
  reportError: ReportError;
}): ReactNode {
  const { saver, editorRef, reportError } = props;
  const client = useClient();
  const { status } = useSaveState(saver);
  if (status !== 'conflict') return null;

  const keepMine = (): void => {
    saver.keepMine().catch((error: unknown) => reportError(error, 'Could not save your version'));
  };
  const loadTheirs = async (): Promise<void> => {
    try {
      const record = await client.call('documents.get', { id: saver.documentId });
      editorRef.current?.dispatchCommand(REPLACE_CONTENT_COMMAND, {
        content: record.content,
        text: record.text,
      });
      saver.adoptVersion(record);
    } catch (error) {
      reportError(error, 'Could not load the other version');
    }
  };

  return (
    <span className="conflict" role="alert" data-testid="save-conflict">
      This document was changed elsewhere.
      <button
        type="button"
        className="quiet-button"
        data-testid="conflict-keep-mine"
        onClick={keepMine}
      >
        Keep mine
      </button>
      <button
        type="button"
        className="quiet-button"
        data-testid="conflict-load-theirs"
        onClick={() => void loadTheirs()}
      >
        Load theirs
      </button>
    </span>
  );
}
