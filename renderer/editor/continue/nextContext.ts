import type { LexicalEditor } from 'lexical';
import { MAX_TEXT_BEFORE_CURSOR_CHARS } from '../../../shared/schemas/generations.js';
import { describeError } from '../../ui/describeError.js';
import { patch, type ContinueStores } from './continueState.js';
import type { ContinuePort } from './continuePort.js';
import { createPreviewFollower, pageClock, type FollowerClock } from './previewFollower.js';
import { $textBeforeCursor } from './textBeforeCursor.js';

/**
 * Asked this long after the writer's last change: the status bar's "context used" and the
 * context viewer follow the text without competing with the keys (previewFollower.ts).
 */
export const NEXT_CONTEXT_DELAY_MS = 600;

export interface NextContextFollower {
  /** Something the prompt is made from changed (the text, the caret, the settings). */
  changed(): void;
  /** Counts with the model once, loading it if need be (the context viewer's button). */
  countWithModel(): void;
  dispose(): void;
}

/**
 * The one owner of "what the next continue at the caret would send": after each pause it asks
 * main once, and both the status bar (continueState.plan) and the context viewer
 * (stores.nextContext) show that answer. It never loads a model by itself: with none ready the
 * answer has the active lorebook entries and no counts, until a model is ready or the writer
 * asks to count.
 */
export function followNextContext(
  editor: LexicalEditor,
  port: Pick<ContinuePort, 'context' | 'onLorebookChanged'>,
  documentId: string,
  stores: Pick<ContinueStores, 'nextContext' | 'continueState' | 'engineStatus'>,
  clock: FollowerClock = pageClock,
): NextContextFollower {
  let countRequested = false;
  let shown = '';
  const following = createPreviewFollower({
    ask: () => {
      const textBeforeCursor = editor
        .getEditorState()
        .read(() => $textBeforeCursor(MAX_TEXT_BEFORE_CURSOR_CHARS));
      const loadModel = countRequested || stores.engineStatus.get()?.state === 'ready';
      return port.context(documentId, textBeforeCursor, loadModel);
    },
    onAnswer: (view) => {
      countRequested = false;
      if (view.fit) patch(stores.continueState, { plan: view.fit.plan });
      // The same answer again (the caret moved, nothing else did) changes nothing on screen.
      const key = JSON.stringify(view);
      const current = stores.nextContext.get();
      if (key === shown && current.problem === null && !current.counting) return;
      shown = key;
      stores.nextContext.set({ view, problem: null, counting: false });
    },
    onProblem: (error) => {
      countRequested = false;
      // The last good answer stays: the problem is said beside it.
      stores.nextContext.set({
        view: stores.nextContext.get().view,
        problem: describeError(error),
        counting: false,
      });
    },
    quietMs: NEXT_CONTEXT_DELAY_MS,
    clock,
  });
  // The first look comes after the same pause, off the path of the editor's first frames.
  following.changed();
  const offUpdates = editor.registerUpdateListener(() => following.changed());
  const offLore = port.onLorebookChanged((change) => {
    if (change.documentId === null || change.documentId === documentId) following.changed();
  });
  // Once a model is ready, the counts follow the text (and asking with it costs no load).
  const offEngine = stores.engineStatus.subscribe(() => {
    if (stores.engineStatus.get()?.state === 'ready') following.changed();
  });
  return {
    changed: () => following.changed(),
    countWithModel() {
      countRequested = true;
      patch(stores.nextContext, { counting: true });
      following.changed();
    },
    dispose() {
      following.dispose();
      offUpdates();
      offLore();
      offEngine();
    },
  };
}
