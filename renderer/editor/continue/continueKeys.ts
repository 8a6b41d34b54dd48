import { matchesCombo, type KeyCombo, type KeyEventLike } from '../../keyboard/keyCombo.js';
import { isPrintableKey, leadingLineBreaksLength, typeThroughLength } from './pendingTextRules.js';

/**
 * The continue shortcuts, by physical key; the help overlay lists the same table, with each
 * one's description from the `editor:continueShortcuts` translations.
 */
export const continueShortcuts = {
  continue: { combo: { mod: true, code: 'Enter' } },
  acceptAll: { combo: { code: 'Tab' } },
  acceptWord: { combo: { mod: true, code: 'ArrowRight' } },
  escape: { combo: { code: 'Escape' } },
  another: { combo: { mod: true, code: 'KeyR' } },
  previous: { combo: { alt: true, code: 'BracketLeft' } },
  next: { combo: { alt: true, code: 'BracketRight' } },
} satisfies Record<string, { combo: KeyCombo }>;

export type ContinueKeyAction =
  | { kind: 'continue' }
  | { kind: 'another' }
  | { kind: 'acceptAll' }
  | { kind: 'acceptWord' }
  | { kind: 'escape' }
  | { kind: 'cycle'; step: 1 | -1 }
  /** The typed key takes `count` pending characters (type-through, or Enter at a new line). */
  | { kind: 'typeThrough'; count: number }
  /** The key edits the text some other way: the pending text goes, the key does its usual work. */
  | { kind: 'reject' }
  | { kind: 'none' };

export interface ContinueKeyEvent extends KeyEventLike {
  key: string;
  isComposing: boolean;
}

const EDITING_KEYS = new Set(['Backspace', 'Delete', 'Enter']);

/**
 * What a keydown in the editor does to continue writing. `pending` is null when no continuation
 * is showing; then only Continue (and Ctrl/Cmd+R, which then also continues) are taken.
 */
export function continueKeyAction(
  event: ContinueKeyEvent,
  pending: string | null,
): ContinueKeyAction {
  if (event.isComposing) return { kind: 'none' };
  if (matchesCombo(event, continueShortcuts.continue.combo)) return { kind: 'continue' };
  if (matchesCombo(event, continueShortcuts.another.combo)) return { kind: 'another' };
  if (pending === null) return { kind: 'none' };
  if (matchesCombo(event, continueShortcuts.acceptAll.combo)) return { kind: 'acceptAll' };
  if (matchesCombo(event, continueShortcuts.acceptWord.combo)) return { kind: 'acceptWord' };
  if (matchesCombo(event, continueShortcuts.escape.combo)) return { kind: 'escape' };
  if (matchesCombo(event, continueShortcuts.previous.combo)) return { kind: 'cycle', step: -1 };
  if (matchesCombo(event, continueShortcuts.next.combo)) return { kind: 'cycle', step: 1 };
  const plainEnter =
    event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
  if (plainEnter) {
    const count = leadingLineBreaksLength(pending);
    return count > 0 ? { kind: 'typeThrough', count } : { kind: 'reject' };
  }
  if (isPrintableKey(event)) {
    const count = typeThroughLength(pending, event.key);
    return count > 0 ? { kind: 'typeThrough', count } : { kind: 'reject' };
  }
  if (EDITING_KEYS.has(event.key)) return { kind: 'reject' };
  return { kind: 'none' };
}
