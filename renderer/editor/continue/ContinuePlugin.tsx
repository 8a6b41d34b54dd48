import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  BLUR_COMMAND,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import type { InkwellClient } from '../../api/client.js';
import { useClient } from '../../api/clientContext.js';
import { useReportError, type ReportError } from '../../ui/errorReporting.js';
import {
  ACCEPT_PENDING_COMMAND,
  ANOTHER_ALTERNATIVE_COMMAND,
  BRANCH_AT_TOKEN_COMMAND,
  BRANCH_FROM_KEPT_COMMAND,
  CONTINUE_COMMAND,
  INSERT_TEXT_COMMAND,
  REFRESH_PLAN_COMMAND,
  COUNT_CONTEXT_WITH_MODEL_COMMAND,
  REJECT_PENDING_COMMAND,
  STOP_CONTINUE_COMMAND,
} from './commands.js';
import { ContinueController } from './continueController.js';
import { continueKeyAction } from './continueKeys.js';
import type { ContinueStores } from './continueState.js';
import { followEngineStatus } from './engineStatusFeed.js';
import { CONTINUE_UPDATE_TAG } from './editorUpdates.js';
import { PendingTextNode } from './PendingTextNode.js';
import { $getPendingNode, $isCaretBefore } from './pendingText.js';
import { createContinuePort } from './continuePort.js';
import { followNextContext } from './nextContext.js';
import { registerKeptModelText } from './keptTextRules.js';

/**
 * Marks UI that works on the suggestion (the probabilities view's popover): focus moving into
 * it does not drop the pending text.
 */
export const KEEPS_SUGGESTION = '[data-keeps-suggestion]';

interface ContinueSetup {
  editor: LexicalEditor;
  client: InkwellClient;
  documentId: string;
  stores: ContinueStores;
  reportError: ReportError;
}

/**
 * Lexical runs command handlers and listeners inside an update, where a further update would
 * only be queued; the controller's updates must commit at once (it reads what they made), so
 * its work runs right after, still before the browser handles the next event.
 */
function afterThisUpdate(work: () => void): void {
  queueMicrotask(work);
}

/** A command this plugin always handles (nothing else listens for its own commands). */
function command<T>(
  editor: LexicalEditor,
  type: LexicalCommand<T>,
  run: (payload: T) => void,
): () => void {
  return editor.registerCommand(
    type,
    (payload) => {
      afterThisUpdate(() => run(payload));
      return true;
    },
    COMMAND_PRIORITY_EDITOR,
  );
}

/**
 * Continue writing in the editor: the commands, the keys, and the events that end a pending
 * continuation (blur, IME composition, the caret moving away, the text being replaced).
 */
export function registerContinue(setup: ContinueSetup): () => void {
  const { editor, client, documentId, stores } = setup;
  const port = createContinuePort(client);
  const nextContext = followNextContext(editor, port, documentId, stores);
  const controller = new ContinueController({ ...setup, port, onIdle: nextContext.changed });

  const onKeyDown = (event: KeyboardEvent): boolean => {
    const action = continueKeyAction(event, controller.active ? controller.pendingText : null);
    if (action.kind === 'none') return false;
    if (action.kind === 'reject') {
      // The key still does its usual work (its input event comes after this microtask), on
      // the text without the suggestion.
      afterThisUpdate(() => controller.reject());
      return false;
    }
    event.preventDefault();
    afterThisUpdate(() => {
      if (action.kind === 'continue') controller.continueAtCursor();
      else if (action.kind === 'another') controller.anotherAlternative();
      else if (action.kind === 'acceptAll') controller.acceptAll();
      else if (action.kind === 'acceptWord') controller.acceptNextWord();
      else if (action.kind === 'escape') controller.escape();
      else if (action.kind === 'cycle') void controller.cycle(action.step);
      else controller.acceptTyped(action.count);
    });
    return true;
  };

  const onCompositionStart = (): void => controller.reject();

  return mergeRegister(
    registerKeptModelText(editor),
    followEngineStatus(client, stores),
    nextContext.dispose,
    editor.registerCommand(KEY_DOWN_COMMAND, onKeyDown, COMMAND_PRIORITY_HIGH),
    command(editor, CONTINUE_COMMAND, () => controller.continueAtCursor()),
    command(editor, STOP_CONTINUE_COMMAND, () => controller.stop()),
    command(editor, ANOTHER_ALTERNATIVE_COMMAND, () => controller.anotherAlternative()),
    command(editor, ACCEPT_PENDING_COMMAND, () => controller.acceptAll()),
    command(editor, REJECT_PENDING_COMMAND, () => controller.reject()),
    command(editor, INSERT_TEXT_COMMAND, (text) => controller.insertText(text)),
    command(editor, BRANCH_AT_TOKEN_COMMAND, ({ step, text }) => controller.branchAt(step, text)),
    command(editor, BRANCH_FROM_KEPT_COMMAND, (branch) => controller.branchFromKept(branch)),
    command(editor, REFRESH_PLAN_COMMAND, () => nextContext.changed()),
    command(editor, COUNT_CONTEXT_WITH_MODEL_COMMAND, () => nextContext.countWithModel()),
    editor.registerCommand(
      BLUR_COMMAND,
      (event) => {
        // Switching to another window is not leaving the text: only a blur within the page is,
        // and not one into something that works on the suggestion (the token popover).
        const to = event.relatedTarget;
        const staysWithSuggestion = to instanceof Element && to.closest(KEEPS_SUGGESTION) !== null;
        if (document.hasFocus() && !staysWithSuggestion) {
          afterThisUpdate(() => controller.reject());
        }
        return false;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('compositionstart', onCompositionStart);
      root?.addEventListener('compositionstart', onCompositionStart);
    }),
    editor.registerUpdateListener(({ editorState, tags, dirtyElements, dirtyLeaves }) => {
      if (tags.has(CONTINUE_UPDATE_TAG)) return;
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) controller.forgetAcceptedParent();
      const key = controller.pendingNodeKey;
      if (key === null) return;
      const caretInPlace = editorState.read(() => {
        const node = $getPendingNode(key);
        return node !== null && $isCaretBefore(node);
      });
      // The caret moved away, or an edit, undo or restore took the pending text with it.
      if (!caretInPlace) afterThisUpdate(() => controller.reject());
    }),
    editor.registerMutationListener(
      PendingTextNode,
      (mutations) => {
        // Undo/redo can bring back a pending node from an old state: it is not pending any more.
        const strays = [...mutations].filter(
          ([key, mutation]) => mutation === 'created' && key !== controller.pendingNodeKey,
        );
        if (strays.length === 0) return;
        afterThisUpdate(() =>
          editor.update(
            () => {
              for (const [key] of strays) {
                if (key !== controller.pendingNodeKey) $getPendingNode(key)?.remove();
              }
            },
            { tag: [CONTINUE_UPDATE_TAG, 'history-merge'] },
          ),
        );
      },
      { skipInitialization: false },
    ),
    () => controller.dispose(),
  );
}

export function ContinuePlugin(props: { documentId: string; stores: ContinueStores }): null {
  const [editor] = useLexicalComposerContext();
  const client = useClient();
  const reportError = useReportError();
  const { documentId, stores } = props;
  useEffect(
    () => registerContinue({ editor, client, documentId, stores, reportError }),
    [editor, client, documentId, stores, reportError],
  );
  return null;
}
