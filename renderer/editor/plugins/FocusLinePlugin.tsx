import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/** The custom property the focus line's height comes from (styles/editor.css). */
const TEXT_HEIGHT = '--text-height';

/**
 * The text's focus line ends where the text ends. The editable area is taller than the text
 * (a click anywhere below the words lands in it), so a line drawn along the area ran far below
 * them; CSS cannot know where the last block ends, so this tells it, after each change, in the
 * frame the change is drawn in (the layout is due then anyway).
 */
export function FocusLinePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let frame: number | null = null;
    const measure = (): void => {
      frame = null;
      const root = editor.getRootElement();
      const last = root?.lastElementChild;
      if (!root || !(last instanceof HTMLElement)) return;
      const height = `${Math.round(last.offsetTop + last.offsetHeight)}px`;
      if (root.style.getPropertyValue(TEXT_HEIGHT) !== height) {
        root.style.setProperty(TEXT_HEIGHT, height);
      }
    };
    const schedule = (): void => {
      frame ??= requestAnimationFrame(measure);
    };
    const stop = editor.registerUpdateListener(schedule);
    schedule();
    return () => {
      stop();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [editor]);
  return null;
}
