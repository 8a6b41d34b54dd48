import type { LexicalEditor } from 'lexical';
import { MAX_TEXT_BEFORE_CURSOR_CHARS } from '../../../shared/schemas/generations.js';
import { isGenerating, patch, type ContinueStores } from './continueState.js';
import type { ContinuePort } from './continuePort.js';
import { $textBeforeCursor } from './textBeforeCursor.js';

/** Asked once the writer pauses: the plan needs the model to count tokens. */
export const PLAN_DELAY_MS = 1000;

/**
 * Keeps the status bar's "context used" for the next continue: about a second after the text or
 * the caret last changed, it sends the tail before the caret to continue.plan. Only while a
 * model is ready: planning must not be what loads one. Returns `schedule` and the cleanup.
 */
export function createPlanWatcher(
  editor: LexicalEditor,
  port: Pick<ContinuePort, 'plan'>,
  documentId: string,
  stores: ContinueStores,
): { schedule: () => void; dispose: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = 0;
  const ask = async (): Promise<void> => {
    timer = null;
    if (stores.engineStatus.get()?.state !== 'ready') return;
    if (isGenerating(stores.continueState.get().phase)) return;
    const textBeforeCursor = editor
      .getEditorState()
      .read(() => $textBeforeCursor(MAX_TEXT_BEFORE_CURSOR_CHARS));
    asked += 1;
    const question = asked;
    try {
      const plan = await port.plan(documentId, textBeforeCursor);
      if (question === asked) patch(stores.continueState, { plan });
    } catch {
      // The plan is a hint: without a model (or a connection) the status bar just shows less.
    }
  };
  const schedule = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void ask(), PLAN_DELAY_MS);
  };
  const offEngine = stores.engineStatus.subscribe(() => {
    if (stores.engineStatus.get()?.state === 'ready') schedule();
  });
  const offUpdates = editor.registerUpdateListener(() => schedule());
  return {
    schedule,
    dispose: () => {
      if (timer !== null) clearTimeout(timer);
      offEngine();
      offUpdates();
    },
  };
}
