import { useEffect, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { createHeadlessEditor } from '@lexical/headless';
import { COMMAND_PRIORITY_EDITOR, type LexicalEditor } from 'lexical';
import { documentNodes } from '../documentFormats/editorNodes.js';
import { $importPlainText } from '../documentFormats/plainText.js';
import { REPLACE_CONTENT_COMMAND, type ReplacementContent } from './plugins/replaceContent.js';
import './plainTextView.css';

export interface PlainTextViewProps {
  /** The document's words, one line per block. */
  text: string;
  /** Why the editor is not showing it, for the writer. */
  message: string;
  /** The document title, as the editor shows it. */
  header?: ReactNode;
  /** Set to an editor holding the text as paragraphs, so exports work as from the editor. */
  editorRef: RefObject<LexicalEditor | null>;
  /** The writer chose to edit the words in the editor, without the structure it cannot show. */
  onEditAsText: () => void;
  /** Other content arrived for this document (a restored revision). */
  onReplaced: (replacement: ReplacementContent) => void;
}

/**
 * A stored document the editor cannot show (nested too deep, or it broke while drawing), as
 * read-only text: nothing is loaded into the editor, so nothing can overflow, and nothing is
 * saved, so the stored document stays as it was until the writer chooses to edit the words.
 * Export, print and "export again" still work, from a headless editor with the same words.
 */
export function PlainTextView(props: PlainTextViewProps): ReactNode {
  const { text, editorRef, onReplaced } = props;
  const { t } = useTranslation('editor');

  useEffect(() => {
    const editor = createHeadlessEditor({
      namespace: 'inkwell-plain-text',
      nodes: [...documentNodes],
      onError: (error) => console.error('[inkwell] plain-text copy', error),
    });
    editor.update(() => $importPlainText(text), { discrete: true });
    const unregister = editor.registerCommand(
      REPLACE_CONTENT_COMMAND,
      (replacement) => {
        onReplaced(replacement);
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    );
    editorRef.current = editor;
    return () => {
      unregister();
      if (editorRef.current === editor) editorRef.current = null;
    };
  }, [text, editorRef, onReplaced]);

  return (
    <div className="editor-shell" data-testid="plain-text-view">
      <div className="editor-scroll">
        <div className="editor-page">
          {props.header}
          <div className="plain-text-notice" role="status" data-testid="plain-text-message">
            <p>{props.message}</p>
            <p>{t('plainText.kept')}</p>
            <button
              type="button"
              className="quiet-button"
              data-testid="plain-text-edit"
              title={t('plainText.editAsTextTitle')}
              onClick={props.onEditAsText}
            >
              {t('plainText.editAsText')}
            </button>
          </div>
          {/* editor-content: printing (Export as PDF) shows this element and nothing else. */}
          <div
            className="editor-content plain-text-content"
            data-testid="plain-text-content"
            role="document"
            tabIndex={0}
            aria-label={t('plainText.label')}
          >
            {text}
          </div>
        </div>
      </div>
    </div>
  );
}
