import { startTransition, useCallback, useEffect, useState, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import { COUNT_CONTEXT_WITH_MODEL_COMMAND } from '../../editor/continue/commands.js';
import type { ContinueStores, NextContext } from '../../editor/continue/continueState.js';

/**
 * What the next continue at the cursor would send, as the continue plugin follows it
 * (nextContext.ts): the viewer asks nothing itself. `countWithModel` has it counted once with
 * the model loaded, as the writer's button does.
 */
export function useContextPreview(
  stores: Pick<ContinueStores, 'nextContext'>,
  editorRef: RefObject<LexicalEditor | null>,
): NextContext & { countWithModel: () => void } {
  const { nextContext } = stores;
  const [shown, setShown] = useState(nextContext.get);
  useEffect(() => {
    setShown(nextContext.get());
    // An update React may set aside for a key: the panel is drawn between keystrokes (which
    // useSyncExternalStore would not allow).
    return nextContext.subscribe(() => startTransition(() => setShown(nextContext.get())));
  }, [nextContext]);
  const countWithModel = useCallback(
    () => editorRef.current?.dispatchCommand(COUNT_CONTEXT_WITH_MODEL_COMMAND, undefined),
    [editorRef],
  );
  return { ...shown, countWithModel };
}
