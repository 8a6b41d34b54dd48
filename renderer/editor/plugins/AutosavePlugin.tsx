import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getRoot,
  BLUR_COMMAND,
  COMMAND_PRIORITY_LOW,
  HISTORY_MERGE_TAG,
  type EditorState,
  type LexicalEditor,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import type { DocumentSaver } from '../autosave/documentSaver.js';
import type { SaveSnapshot } from '../autosave/documentSaver.js';
import { LOAD_CONTENT_TAG, snapshotOf } from '../content.js';
import { PENDING_TEXT_TAG } from '../continue/pendingText.js';
import { PendingTextNode, PENDING_TEXT_TYPE } from '../continue/PendingTextNode.js';
import { withoutNodesOfType } from '../continue/pendingTextRules.js';

function sameDocument(a: EditorState, b: EditorState): boolean {
  return JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());
}

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
  // Pending (not yet accepted) continuation text is never saved: while a pending node exists,
  // snapshots leave it out. Tracked by key so that the usual save pays nothing for it.
  const pendingKeys = new Set<string>();
  const snapshot = (editorState: EditorState): SaveSnapshot => {
    if (pendingKeys.size === 0) return snapshotOf(editorState);
    const serialized = editorState.toJSON();
    return {
      content: JSON.stringify({
        ...serialized,
        root: withoutNodesOfType(serialized.root, PENDING_TEXT_TYPE),
      }),
      // A pending node has no text content, so the plain text is already without it.
      text: editorState.read(() => $getRoot().getTextContent()),
    };
  };
  return mergeRegister(
    editor.registerMutationListener(PendingTextNode, (mutations) => {
      for (const [key, mutation] of mutations) {
        if (mutation === 'destroyed') pendingKeys.delete(key);
        else pendingKeys.add(key);
      }
    }),
    editor.registerUpdateListener(
      ({ editorState, prevEditorState, dirtyElements, dirtyLeaves, tags }) => {
        // Selection-only updates change nothing worth saving.
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        // Loading stored content is no change. LexicalComposer applies the initial state in its
        // own 'history-merge' update, which can reach this listener without our load tag: it is
        // the one update that starts from the empty state.
        if (tags.has(LOAD_CONTENT_TAG) || prevEditorState.isEmpty()) return;
        // Lexical also commits a full reconcile, tagged 'history-merge', when the editor is
        // attached to or detached from the page (opening the same document again remounts it):
        // nodes are marked dirty but the document is the same, and saving it would race a
        // change made elsewhere. Comparing costs a serialization, but only on these rare updates.
        if (tags.has(HISTORY_MERGE_TAG) && sameDocument(prevEditorState, editorState)) return;
        // Showing or growing pending text changes nothing the document holds.
        if (tags.has(PENDING_TEXT_TAG)) return;
        saver.markChanged(() => snapshot(editorState));
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
  );
}

export function AutosavePlugin({ saver }: { saver: DocumentSaver }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerAutosave(editor, saver), [editor, saver]);
  return null;
}
