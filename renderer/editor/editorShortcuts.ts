import type { KeyCombo } from '../keyboard/keyCombo.js';
import type { BlockType } from './plugins/blockFormat.js';

/**
 * Block shortcuts, handled by BlockShortcutsPlugin while the text has focus. Their names are in
 * the `editor:blocks` translations, by block type.
 */
export const blockShortcuts: readonly { combo: KeyCombo; blockType: BlockType }[] = [
  { combo: { mod: true, alt: true, code: 'Digit0' }, blockType: 'paragraph' },
  { combo: { mod: true, alt: true, code: 'Digit1' }, blockType: 'h1' },
  { combo: { mod: true, alt: true, code: 'Digit2' }, blockType: 'h2' },
  { combo: { mod: true, alt: true, code: 'Digit3' }, blockType: 'h3' },
  { combo: { mod: true, shift: true, code: 'Digit8' }, blockType: 'bullet' },
  { combo: { mod: true, shift: true, code: 'Digit7' }, blockType: 'number' },
  { combo: { mod: true, shift: true, code: 'Digit9' }, blockType: 'quote' },
];

/**
 * Lexical's own shortcuts, listed here only so the help overlay can show them; their names are
 * in the `editor:format` translations.
 */
export const textShortcuts = {
  bold: [{ mod: true, code: 'KeyB' }],
  italic: [{ mod: true, code: 'KeyI' }],
  underline: [{ mod: true, code: 'KeyU' }],
  undo: [{ mod: true, code: 'KeyZ' }],
  redo: [
    { mod: true, shift: true, code: 'KeyZ' },
    { mod: true, code: 'KeyY' },
  ],
} satisfies Record<string, readonly KeyCombo[]>;
