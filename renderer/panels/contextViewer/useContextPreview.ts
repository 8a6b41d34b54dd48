import { useEffect, useState, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { ResponseOf } from '../../../shared/contract.js';
import { MAX_TEXT_BEFORE_CURSOR_CHARS } from '../../../shared/schemas/generations.js';
import { useClient } from '../../api/clientContext.js';
import { $textBeforeCursor } from '../../editor/continue/textBeforeCursor.js';
import { describeError } from '../../ui/describeError.js';

export type ContextView = ResponseOf<'lorebook.context'>;

/**
 * Asked this long after the writer's last change: the context viewer follows the text without
 * competing with the keys. An edit only restarts a timer; the text is read, and the engine
 * asked, once the writer pauses.
 */
export const CONTEXT_PREVIEW_DELAY_MS = 600;

/** What the next continue at the cursor would send, kept up to date while the panel is open. */
export function useContextPreview(
  documentId: string,
  editorRef: RefObject<LexicalEditor | null>,
): { view: ContextView | null; problem: string | null } {
  const client = useClient();
  const [view, setView] = useState<ContextView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let asked = 0;
    let open = true;
    const ask = async (): Promise<void> => {
      timer = null;
      const textBeforeCursor = editor
        .getEditorState()
        .read(() => $textBeforeCursor(MAX_TEXT_BEFORE_CURSOR_CHARS));
      asked += 1;
      const question = asked;
      try {
        const answer = await client.call('lorebook.context', { documentId, textBeforeCursor });
        if (!open || question !== asked) return;
        setView(answer);
        setProblem(null);
      } catch (error) {
        if (open && question === asked) setProblem(describeError(error));
      }
    };
    const schedule = (delay = CONTEXT_PREVIEW_DELAY_MS): void => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void ask(), delay);
    };
    schedule(0);
    const offUpdates = editor.registerUpdateListener(() => schedule());
    const offLore = client.on('lorebook.changed', () => schedule());
    const offEngine = client.on('engine.status', (status) => {
      if (status.state === 'ready') schedule();
    });
    return () => {
      open = false;
      if (timer !== null) clearTimeout(timer);
      offUpdates();
      offLore();
      offEngine();
    };
  }, [client, documentId, editorRef]);

  return { view, problem };
}
