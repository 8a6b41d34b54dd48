import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { matchesCombo } from '../../keyboard/keyCombo.js';
import { blockShortcuts } from '../editorShortcuts.js';
import { registerBlockFormat, SET_BLOCK_TYPE_COMMAND } from './blockFormat.js';

/** Headings, quotes and lists: the SET_BLOCK_TYPE_COMMAND handler and its keyboard shortcuts. */
export function registerBlockFormatWithShortcuts(editor: LexicalEditor): () => void {
  return mergeRegister(
    registerBlockFormat(editor),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        const shortcut = blockShortcuts.find(({ combo }) => matchesCombo(event, combo));
        if (!shortcut) return false;
        event.preventDefault();
        editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, shortcut.blockType);
        return true;
      },
      COMMAND_PRIORITY_NORMAL,
    ),
  );
}

export function BlockFormatPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerBlockFormatWithShortcuts(editor), [editor]);
  return null;
}
