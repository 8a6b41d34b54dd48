import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerWordCount } from '../continue/incrementalWordCount.js';
import type { TextCounts } from '../../../shared/textCounts.js';

/** Word and character counts for the status bar (kept per block: see registerWordCount). */
export function WordCountPlugin({ onCounts }: { onCounts: (counts: TextCounts) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerWordCount(editor, onCounts), [editor, onCounts]);
  return null;
}
