import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type LexicalEditor } from 'lexical';
import { countText, type TextCounts } from '../wordCount.js';

/** Reports word and character counts after every change (and once for the loaded text). */
export function registerWordCount(
  editor: LexicalEditor,
  onCounts: (counts: TextCounts) => void,
): () => void {
  let lastText: string | null = null;
  const report = (text: string): void => {
    if (text === lastText) return;
    lastText = text;
    onCounts(countText(text));
  };
  report(editor.getEditorState().read(() => $getRoot().getTextContent()));
  return editor.registerUpdateListener(({ editorState }) => {
    report(editorState.read(() => $getRoot().getTextContent()));
  });
}

export function WordCountPlugin({ onCounts }: { onCounts: (counts: TextCounts) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerWordCount(editor, onCounts), [editor, onCounts]);
  return null;
}
