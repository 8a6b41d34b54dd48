import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  BLUR_COMMAND,
  COMMAND_PRIORITY_LOW,
  HISTORY_MERGE_TAG,
  type EditorState,
  type LexicalEditor,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import type { DocumentSaver } from './documentSaver.js';
import { SnapshotSerializer } from './snapshotSerializer.js';
import { LOAD_CONTENT_TAG } from '../content.js';
import { PENDING_TEXT_TAG } from '../continue/pendingText.js';
import { PENDING_TEXT_TYPE } from '../continue/PendingTextNode.js';
import { REPLACE_CONTENT_COMMAND } from '../plugins/replaceContent.js';

function listen(target: EventTarget, type: string, listener: () => void): () => void {
  target.addEventListener(type, listener);
  return () => target.removeEventListener(type, listener);
}

/**
 * Hands every content change to the saver (which debounces it) and saves at once whenever the
 * writer may be leaving: the text loses focus, the tab is hidden, or the page is unloading.
 * A copy this browser kept of text the server refused (before a reload) is shown again.
 */
export function registerAutosave(editor: LexicalEditor, saver: DocumentSaver): () => void {
  const saveNow = (): void => void saver.flush();
  let edited = false;
  let registered = true;
  void saver.takeLocalCopy((copy) => {
    // Never over what the writer has typed since the document opened.
    if (edited || !registered) return false;
    editor.dispatchCommand(REPLACE_CONTENT_COMMAND, copy);
    return true;
  });
  // Pending (not yet accepted) continuation text is never saved: snapshots leave it out. The
  // serializer reuses the JSON of unchanged blocks, so a save costs what changed, not the
  // whole document.
  const serializer = new SnapshotSerializer(PENDING_TEXT_TYPE);
  const sameDocument = (a: EditorState, b: EditorState): boolean =>
    serializer.snapshot(a).content === serializer.snapshot(b).content;
  return mergeRegister(
    editor.registerUpdateListener(
      ({ editorState, prevEditorState, dirtyElements, dirtyLeaves, tags }) => {
        // Selection-only updates change nothing worth saving.
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        // Showing or growing pending text changes nothing the document holds. Checked first:
        // these updates come with every streamed token and are also tagged 'history-merge',
        // which would otherwise compare the whole document each time.
        if (tags.has(PENDING_TEXT_TAG)) return;
        // Loading stored content is no change. LexicalComposer applies the initial state in its
        // own 'history-merge' update, which can reach this listener without our load tag: it is
        // the one update that starts from the empty state.
        if (tags.has(LOAD_CONTENT_TAG) || prevEditorState.isEmpty()) return;
        // Lexical also commits a full reconcile, tagged 'history-merge', when the editor is
        // attached to or detached from the page (opening the same document again remounts it):
        // nodes are marked dirty but the document is the same, and saving it would race a
        // change made elsewhere. Comparing costs a serialization of what changed, and only on
        // these rare updates.
        if (tags.has(HISTORY_MERGE_TAG) && sameDocument(prevEditorState, editorState)) return;
        edited = true;
        saver.markChanged(() => serializer.snapshot(editorState));
      },
    ),
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
    () => (registered = false),
  );
}

export function AutosavePlugin({ saver }: { saver: DocumentSaver }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerAutosave(editor, saver), [editor, saver]);
  return null;
}
