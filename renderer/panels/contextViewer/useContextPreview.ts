import { startTransition, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { ResponseOf } from '../../../shared/contract.js';
import { MAX_TEXT_BEFORE_CURSOR_CHARS } from '../../../shared/schemas/generations.js';
import { useClient } from '../../api/clientContext.js';
import { $textBeforeCursor } from '../../editor/continue/textBeforeCursor.js';
import { describeError } from '../../ui/describeError.js';
import { createPreviewFollower, pageClock, type PreviewFollower } from './previewFollower.js';

export type ContextView = ResponseOf<'lorebook.context'>;

/**
 * Asked this long after the writer's last change: the context viewer follows the text without
 * competing with the keys (previewFollower.ts).
 */
export const CONTEXT_PREVIEW_DELAY_MS = 600;

/**
 * What the next continue at the cursor would send, kept up to date while the panel is open.
 * It never loads a model by itself (with none ready, `view.fit` is null); `countWithModel`
 * asks once with the model loaded, as the writer's button does.
 */
export function useContextPreview(
  documentId: string,
  editorRef: RefObject<LexicalEditor | null>,
): {
  view: ContextView | null;
  problem: string | null;
  countWithModel: () => void;
  counting: boolean;
} {
  const client = useClient();
  const [view, setView] = useState<ContextView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [counting, setCounting] = useState(false);
  const loadModel = useRef(false);
  const follower = useRef<PreviewFollower | null>(null);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    let shown = '';
    const following = createPreviewFollower<ContextView>({
      ask: () => {
        const textBeforeCursor = editor
          .getEditorState()
          .read(() => $textBeforeCursor(MAX_TEXT_BEFORE_CURSOR_CHARS));
        return client.call('lorebook.context', {
          documentId,
          textBeforeCursor,
          loadModel: loadModel.current,
        });
      },
      onAnswer: (answer) => {
        setCounting(false);
        setProblem(null);
        // The same answer again (the caret moved, nothing else did) changes nothing on screen.
        const key = JSON.stringify(answer);
        if (key === shown) return;
        shown = key;
        // An update React may set aside for a key: the panel is drawn between keystrokes.
        startTransition(() => setView(answer));
      },
      onProblem: (error) => {
        setCounting(false);
        setProblem(describeError(error));
      },
      quietMs: CONTEXT_PREVIEW_DELAY_MS,
      clock: pageClock,
    });
    follower.current = following;
    // The first look comes at once.
    following.changed();
    // A caret move counts too: the text before it is what the continue sends.
    const offUpdates = editor.registerUpdateListener(() => following.changed());
    const offLore = client.on('lorebook.changed', () => following.changed());
    const offEngine = client.on('engine.status', (status) => {
      // Once a model is ready, the counts follow the text (and loading again is no cost).
      loadModel.current = status.state === 'ready';
      if (status.state === 'ready') following.changed();
    });
    return () => {
      following.dispose();
      follower.current = null;
      offUpdates();
      offLore();
      offEngine();
    };
  }, [client, documentId, editorRef]);

  const countWithModel = useCallback(() => {
    loadModel.current = true;
    setCounting(true);
    follower.current?.changed();
  }, []);

  return { view, problem, countWithModel, counting };
}
