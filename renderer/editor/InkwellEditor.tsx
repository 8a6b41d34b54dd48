import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
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
import {
  inspectStoredContent,
  textOfStoredContent,
  type StoredContent,
} from '../documentFormats/storedContent.js';
import { MAX_NESTING_LEVELS } from '../documentFormats/importLimits.js';
import type { DocumentSaver } from './autosave/documentSaver.js';
import { $showStoredContent, LOAD_CONTENT_TAG } from './content.js';
import { EditorErrorBoundary } from './EditorErrorBoundary.js';
import { NestingLimitPlugin } from './nestingLimit.js';
import { PlainTextView } from './PlainTextView.js';
import { editorTheme } from './theme.js';
import './longDocument.css';
import { Toolbar } from './Toolbar.js';
import { AutosavePlugin } from './autosave/AutosavePlugin.js';
import { BlockFormatPlugin } from './plugins/BlockFormatPlugin.js';
import { FocusLinePlugin } from './plugins/FocusLinePlugin.js';
import { ReplaceContentPlugin, type ReplacementContent } from './plugins/replaceContent.js';
import { WordCountPlugin } from './plugins/WordCountPlugin.js';
import { StatusBar } from './StatusBar.js';
import type { TextCounts } from '../../shared/textCounts.js';
import { ContinueButtons } from './continue/ContinueButtons.js';
import { ContinuePlugin } from './continue/ContinuePlugin.js';
import { ProbabilitiesPlugin } from './probabilities/ProbabilitiesPlugin.js';
import { ProbabilitiesToggle } from './probabilities/ProbabilitiesToggle.js';
import type { ContinueStores } from './continue/continueState.js';
import { ContinueStatus } from './continue/ContinueStatus.js';
import { PendingTextNode } from './continue/PendingTextNode.js';
import { KeptModelTextNode } from './continue/KeptModelTextNode.js';

export interface InkwellEditorProps {
  /** The stored content the editor starts from; later changes to it are ignored (remount instead). */
  initialContent: string;
  initialText: string;
  saver: DocumentSaver;
  /** Lets panels outside the editor (revisions) dispatch commands into it. */
  editorRef: RefObject<LexicalEditor | null>;
  /** What the continue plugin, the toolbar, the status bar and the context viewer share. */
  continueStores: ContinueStores;
  onError: (error: Error) => void;
  /** Shown between the toolbar and the text (the document title). */
  header?: ReactNode;
  /** Shown in the status bar next to the save state (conflict choices). */
  statusExtra?: ReactNode;
}

/** Why a document is shown as plain text rather than in the editor. */
type PlainTextReason = { kind: 'tooDeep'; max: number } | { kind: 'notShown'; detail: string };

/**
 * One document's editor. Mount it with `key={documentId}`: each document gets a fresh history.
 * A document the editor cannot show (nested too deep, or it broke while loading) opens in the
 * plain-text view instead, so one stored document can never take the whole app down.
 */
export function InkwellEditor(props: InkwellEditorProps): ReactNode {
  const { t } = useTranslation('editor');
  // What is shown, and a version that gives each new content a fresh editor (and boundary).
  const [shown, setShown] = useState(() => ({
    source: { content: props.initialContent, text: props.initialText },
    version: 0,
  }));
  const { source, version } = shown;
  const show = useCallback(
    (next: ReplacementContent) =>
      setShown((current) => ({ source: next, version: current.version + 1 })),
    [],
  );
  // Inspected once per content: parsing a long document's JSON costs tens of milliseconds.
  const stored = useMemo(() => inspectStoredContent(source.content), [source.content]);
  const [failure, setFailure] = useState<{ version: number; detail: string } | null>(null);
  const showFailure = useCallback(
    (error: Error) => setFailure({ version, detail: error.message }),
    [version],
  );
  const text = useMemo(() => source.text || textOfStoredContent(source.content), [source]);
  const editAsText = useCallback(() => show({ content: '', text }), [show, text]);

  const reason: PlainTextReason | null =
    stored.kind === 'tooDeep'
      ? { kind: 'tooDeep', max: stored.max }
      : failure?.version === version
        ? { kind: 'notShown', detail: failure.detail }
        : null;
  if (reason) {
    return (
      <PlainTextView
        text={text}
        message={
          reason.kind === 'tooDeep'
            ? t('plainText.tooDeep', { max: reason.max })
            : t('plainText.notShown', { reason: reason.detail })
        }
        header={props.header}
        editorRef={props.editorRef}
        onEditAsText={editAsText}
        onReplaced={show}
      />
    );
  }
  return (
    <EditorErrorBoundary key={version} onError={showFailure}>
      <RichTextEditor
        {...props}
        stored={stored}
        text={source.text}
        onLoadFailure={showFailure}
        onReplaceWithUnshowable={show}
      />
    </EditorErrorBoundary>
  );
}

interface RichTextEditorProps extends InkwellEditorProps {
  stored: StoredContent;
  text: string;
  /** Lexical failed while loading the document (parsing or drawing it). */
  onLoadFailure: (error: Error) => void;
  /** Content arrived (a restored revision, "Load theirs") that the editor cannot show. */
  onReplaceWithUnshowable: (replacement: ReplacementContent) => void;
}

function RichTextEditor(props: RichTextEditorProps): ReactNode {
  const { stored, text, onError, onLoadFailure } = props;
  const { t } = useTranslation('editor');
  // Until the editor has been drawn once, a Lexical error means this document cannot be shown:
  // Lexical would recover by showing an empty editor, and the writer's next key would save that.
  const loading = useRef(true);
  useEffect(() => {
    loading.current = false;
  }, []);
  const refusePaste = useCallback(
    () => onError(new Error(t('pasteTooDeep', { max: MAX_NESTING_LEVELS }))),
    [onError, t],
  );
  // A store rather than state: a keystroke changes the counts, and re-rendering this whole
  // component (toolbar, plugins, status bar) for that cost a 50,000-word document its frames.
  const [counts] = useState(() => createObservable<TextCounts>({ words: 0, characters: 0 }));
  const { continueStores } = props;
  // Whether the probabilities view is on (its toolbar toggle and its plugin share it).
  const [probabilityView] = useState(() => createObservable(false));

  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'inkwell',
      theme: editorTheme,
      nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, PendingTextNode, KeptModelTextNode],
      onError: (error: Error) => {
        // Later than the error itself, which can come while React is rendering or committing.
        if (loading.current) queueMicrotask(() => onLoadFailure(error));
        else onError(error);
      },
      editorState: () => {
        $addUpdateTag(LOAD_CONTENT_TAG);
        if (!$showStoredContent(stored, text)) {
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
        <Toolbar
          leading={
            <>
              <ContinueButtons stores={continueStores} />
              <ProbabilitiesToggle stores={continueStores} view={probabilityView} />
            </>
          }
        />
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
      <FocusLinePlugin />
      <ReplaceContentPlugin />
      <AutosavePlugin saver={props.saver} />
      <WordCountPlugin onCounts={counts.set} />
      <ContinuePlugin documentId={props.saver.documentId} stores={continueStores} />
      <ProbabilitiesPlugin stores={continueStores} view={probabilityView} />
      <EditorRefPlugin editorRef={props.editorRef} />
      <NestingLimitPlugin
        onPasteRefused={refusePaste}
        onReplaceWithUnshowable={props.onReplaceWithUnshowable}
      />
    </LexicalComposer>
  );
}
