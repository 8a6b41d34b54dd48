import type { KeyCombo } from '../../keyboard/keyCombo.js';

/** The probabilities view's keys; the shortcuts help lists them with the continue keys. */
export const probabilityShortcuts = {
  /** Shows or hides the heat map (the toolbar's "% Probabilities"). */
  toggle: { combo: { mod: true, alt: true, code: 'KeyI' } },
  /** On the suggestion: the popover with the alternatives of the token under the pointer. */
  inspect: { combo: { alt: true, code: 'ArrowDown' } },
} satisfies Record<string, { combo: KeyCombo }>;

/**
 * The popover is marked so that focus moving into it keeps the suggestion (ContinuePlugin's
 * KEEPS_SUGGESTION selector matches it).
 */
export const KEEPS_SUGGESTION_ATTRIBUTE = 'data-keeps-suggestion';
