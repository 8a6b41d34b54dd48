import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerWordCount } from '../continue/incrementalWordCount.js';
import type { TextCounts } from '../../../shared/textCounts.js';
import { idleThrottle } from './idleThrottle.js';

/** How far the status bar's counts may lag behind the text while the writer types. */
const COUNTS_INTERVAL_MS = 250;

/**
 * Word and character counts for the status bar (kept per block: see registerWordCount). They
 * reach the page between keystrokes, not inside them: re-rendering the status bar within each
 * key's input event cost its frame about half a millisecond in a long document.
 */
export function WordCountPlugin({ onCounts }: { onCounts: (counts: TextCounts) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const counts = idleThrottle(onCounts, COUNTS_INTERVAL_MS);
    const stop = registerWordCount(editor, counts.push);
    return () => {
      stop();
      counts.cancel();
    };
  }, [editor, onCounts]);
  return null;
}
