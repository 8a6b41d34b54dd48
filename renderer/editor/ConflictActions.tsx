import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import { useClient } from '../api/clientContext.js';
import type { ReportError } from '../ui/errorReporting.js';
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
  const { t } = useTranslation('editor');
  const client = useClient();
  const { status } = useSaveState(saver);
  if (status !== 'conflict') return null;

  const keepMine = (): void => {
    saver.keepMine().catch((error: unknown) => reportError(error, t('conflict.keepMineFailed')));
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
      reportError(error, t('conflict.loadTheirsFailed'));
    }
  };

  return (
    <span className="conflict" role="alert" data-testid="save-conflict">
      {t('conflict.message')}
      <button
        type="button"
        className="quiet-button"
        data-testid="conflict-keep-mine"
        onClick={keepMine}
      >
        {t('conflict.keepMine')}
      </button>
      <button
        type="button"
        className="quiet-button"
        data-testid="conflict-load-theirs"
        onClick={() => void loadTheirs()}
      >
        {t('conflict.loadTheirs')}
      </button>
    </span>
  );
}
