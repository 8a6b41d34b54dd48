import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, type LexicalEditor } from 'lexical';
import { mergeRegister } from '@lexical/utils';
import type { DocumentSaver } from '../autosave/documentSaver.js';
import { LOAD_CONTENT_TAG, snapshotOf } from '../content.js';

function listen(target: EventTarget, type: string, listener: () => void): () => void {
  target.addEventListener(type, listener);
  return () => target.removeEventListener(type, listener);
}

/**
 * Hands every content change to the saver (which debounces it) and saves at once whenever the
 * writer may be leaving: the text loses focus, the tab is hidden, or the page is unloading.
 */
export function registerAutosave(editor: LexicalEditor, saver: DocumentSaver): () => void {
  const saveNow = (): void => void saver.flush();
  return mergeRegister(
    editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
      // Selection-only updates change nothing worth saving.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (tags.has(LOAD_CONTENT_TAG)) return;
      saver.markChanged(() => snapshotOf(editorState));
    }),
    editor.registerCommand(
      BLUR_COMMAND,
      () => {
        saveNow();
        return false;
      },
      COMMAND_PRIORITY_LOW,
    ),
    listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') saveNow();
    }),
    listen(window, 'pagehide', saveNow),
    listen(window, 'beforeunload', saveNow),
    // Leaving this document (switching, or closing the editor) saves what is pending.
    saveNow,
  );
}

export function AutosavePlugin({ saver }: { saver: DocumentSaver }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerAutosave(editor, saver), [editor, saver]);
  return null;
}
