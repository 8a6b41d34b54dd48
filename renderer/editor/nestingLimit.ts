import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  COMMAND_PRIORITY_HIGH,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { MAX_NESTING_LEVELS } from '../documentFormats/importLimits.js';
import { $nestingLevelsAround, $nestingLevelsOf } from '../documentFormats/nestingLevels.js';
import { inspectStoredContent } from '../documentFormats/storedContent.js';
import { REPLACE_CONTENT_COMMAND, type ReplacementContent } from './plugins/replaceContent.js';

/**
 * Pasting (or dropping) is an import too: a page's list 300 levels deep would be drawn, saved,
 * and then shown only as plain text from the next load on. Content that would nest past the
 * limit where it lands is pasted as its words alone, and `onRefused` tells the writer why.
 */
export function registerPasteNestingLimit(
  editor: LexicalEditor,
  onRefused: () => void,
): () => void {
  return editor.registerCommand(
    SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
    ({ nodes, selection }) => {
      const point = selection.getStartEndPoints()?.[0];
      const around = point ? $nestingLevelsAround(point.getNode()) : 0;
      const room = MAX_NESTING_LEVELS - around;
      if ($nestingLevelsOf(nodes, room) <= room) return false;
      selection.insertRawText(nodes.map((node) => node.getTextContent()).join('\n'));
      onRefused();
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
}

export interface NestingLimitPluginProps {
  onPasteRefused: () => void;
  onReplaceWithUnshowable: (replacement: ReplacementContent) => void;
}

/**
 * Keeps the editor within the nesting it can show: a paste past it brings in only its words,
 * and stored content past it (a restored revision) goes to the plain-text view, ahead of
 * ReplaceContentPlugin, which would load it.
 */
export function NestingLimitPlugin(props: NestingLimitPluginProps): null {
  const [editor] = useLexicalComposerContext();
  const { onPasteRefused, onReplaceWithUnshowable } = props;
  useEffect(() => registerPasteNestingLimit(editor, onPasteRefused), [editor, onPasteRefused]);
  useEffect(
    () =>
      editor.registerCommand(
        REPLACE_CONTENT_COMMAND,
        (replacement) => {
          if (inspectStoredContent(replacement.content).kind !== 'tooDeep') return false;
          onReplaceWithUnshowable(replacement);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, onReplaceWithUnshowable],
  );
  return null;
}
