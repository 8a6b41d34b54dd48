import { useMemo, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { $addUpdateTag, type LexicalEditor } from 'lexical';
import { createObservable } from '../api/connectionState.js';
import type { DocumentSaver } from './autosave/documentSaver.js';
import { $replaceDocumentContent, LOAD_CONTENT_TAG } from './content.js';
import { editorTheme } from './theme.js';
import './longDocument.css';
import { Toolbar } from './Toolbar.js';
import { AutosavePlugin } from './autosave/AutosavePlugin.js';
import { BlockFormatPlugin } from './plugins/BlockFormatPlugin.js';
import { ReplaceContentPlugin } from './plugins/replaceContent.js';
import { WordCountPlugin } from './plugins/WordCountPlugin.js';
import { StatusBar } from './StatusBar.js';
import type { TextCounts } from '../../shared/textCounts.js';
import { ContinueButtons } from './continue/ContinueButtons.js';
import { ContinuePlugin } from './continue/ContinuePlugin.js';
import { createContinueStores } from './continue/continueState.js';
import { ContinueStatus } from './continue/ContinueStatus.js';
import { PendingTextNode } from './continue/PendingTextNode.js';

export interface InkwellEditorProps {
  /** The stored content the editor starts from; later changes to it are ignored (remount instead). */
  initialContent: string;
  initialText: string;
  saver: DocumentSaver;
  /** Lets panels outside the editor (revisions) dispatch commands into it. */
  editorRef: RefObject<LexicalEditor | null>;
  onError: (error: Error) => void;
  /** Shown between the toolbar and the text (the document title). */
  header?: ReactNode;
  /** Shown in the status bar next to the save state (conflict choices). */
  statusExtra?: ReactNode;
}

/** One document's editor. Mount it with `key={documentId}`: each document gets a fresh history. */
export function InkwellEditor(props: InkwellEditorProps): ReactNode {
  const { initialContent, initialText, onError } = props;
  const { t } = useTranslation('editor');
  // A store rather than state: a keystroke changes the counts, and re-rendering this whole
  // component (toolbar, plugins, status bar) for that cost a 50,000-word document its frames.
  const [counts] = useState(() => createObservable<TextCounts>({ words: 0, characters: 0 }));
  // What the continue plugin, the toolbar and the status bar share for this document.
  const [continueStores] = useState(createContinueStores);

  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'inkwell',
      theme: editorTheme,
      nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, PendingTextNode],
      onError,
      editorState: () => {
        $addUpdateTag(LOAD_CONTENT_TAG);
        if (!$replaceDocumentContent(initialContent, initialText)) {
          onError(new Error(t('unreadable')));
        }
      },
    }),
    // Read once on mount, like LexicalComposer itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="editor-shell">
        <Toolbar leading={<ContinueButtons stores={continueStores} />} />
        <div className="editor-scroll">
          <div className="editor-page">
            {props.header}
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  className="editor-content"
                  data-testid="editor"
                  aria-label={t('textLabel')}
                  aria-placeholder={t('placeholder')}
                  placeholder={<div className="editor-placeholder">{t('placeholder')}</div>}
                />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
        </div>
        <StatusBar
          saver={props.saver}
          counts={counts}
          extra={props.statusExtra}
          engine={<ContinueStatus stores={continueStores} />}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <BlockFormatPlugin />
      <ReplaceContentPlugin />
      <AutosavePlugin saver={props.saver} />
      <WordCountPlugin onCounts={counts.set} />
      <ContinuePlugin documentId={props.saver.documentId} stores={continueStores} />
      <EditorRefPlugin editorRef={props.editorRef} />
    </LexicalComposer>
  );
}
