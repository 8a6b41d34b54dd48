import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $addUpdateTag,
  $getRoot,
  COMMAND_PRIORITY_EDITOR,
  HISTORY_PUSH_TAG,
  createCommand,
  type LexicalEditor,
} from 'lexical';
import { $replaceDocumentContent, LOAD_CONTENT_TAG } from '../content.js';

export interface ReplacementContent {
  content: string;
  text: string;
}

/**
 * Swaps the whole document for stored content (a restored revision, "Load theirs") as ONE
 * undoable step: it runs as an ordinary update, so HistoryPlugin records it and Ctrl+Z brings
 * back the text it replaced. Tagged so that autosave does not send the stored text straight back.
 */
export const REPLACE_CONTENT_COMMAND = createCommand<ReplacementContent>('REPLACE_CONTENT_COMMAND');

export function registerReplaceContent(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    REPLACE_CONTENT_COMMAND,
    ({ content, text }) => {
      $addUpdateTag(HISTORY_PUSH_TAG);
      $addUpdateTag(LOAD_CONTENT_TAG);
      $replaceDocumentContent(content, text);
      $getRoot().selectStart();
      return true;
    },
    COMMAND_PRIORITY_EDITOR,
  );
}

export function ReplaceContentPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerReplaceContent(editor), [editor]);
  return null;
}
