import {
  HISTORY_MERGE_TAG,
  HISTORY_PUSH_TAG,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type LexicalEditor,
} from 'lexical';
import { PENDING_TEXT_TAG } from './pendingText.js';

/** Tags every update the continue plugin makes, so its own listeners can tell them apart. */
export const CONTINUE_UPDATE_TAG = 'inkwell-continue';

/**
 * Display-only updates (showing, growing, hiding pending text): merged into the current undo
 * step so that they never become one, ignored by autosave, and never scrolling the view.
 */
const DISPLAY_TAGS = [
  CONTINUE_UPDATE_TAG,
  PENDING_TEXT_TAG,
  HISTORY_MERGE_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
];

export function updateDisplay(editor: LexicalEditor, change: () => void): void {
  editor.update(change, { discrete: true, tag: DISPLAY_TAGS });
}

/** A streamed token: like a display update, and the caret in the page is left alone too. */
export function updateStreamedText(editor: LexicalEditor, change: () => void): void {
  keepingReadingPosition(editor, () =>
    editor.update(change, { discrete: true, tag: [...DISPLAY_TAGS, SKIP_DOM_SELECTION_TAG] }),
  );
}

/**
 * Text the writer keeps: a real change of the document. `ownStep` makes it one undo step of
 * its own (Tab, Ctrl+Right); without it, history may join it to the writer's typing
 * (type-through, which is typing).
 */
export function updateDocument(editor: LexicalEditor, change: () => void, ownStep: boolean): void {
  editor.update(change, {
    discrete: true,
    tag: ownStep ? [CONTINUE_UPDATE_TAG, HISTORY_PUSH_TAG] : [CONTINUE_UPDATE_TAG],
  });
}

/** How close to the bottom counts as "reading at the end" (a rounding error or two). */
const AT_END_SLACK_PX = 4;

/**
 * Text growing below the caret leaves the writer's scroll position alone; only a writer who is
 * already at the end of the scrolled text is kept there as it grows.
 */
function keepingReadingPosition(editor: LexicalEditor, change: () => void): void {
  const scroller = editor.getRootElement()?.closest<HTMLElement>('.editor-scroll') ?? null;
  const atEnd =
    scroller !== null &&
    scroller.scrollHeight > scroller.clientHeight &&
    scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= AT_END_SLACK_PX;
  change();
  if (scroller && atEnd) scroller.scrollTop = scroller.scrollHeight;
}
