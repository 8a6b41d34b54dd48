import type { ShortcutDescription } from '../keyboard/appShortcuts.js';
import type { KeyCombo } from '../keyboard/keyCombo.js';
import type { BlockType } from './plugins/blockFormat.js';

/** Block shortcuts, handled by BlockShortcutsPlugin while the text has focus. */
export const blockShortcuts: readonly { combo: KeyCombo; blockType: BlockType; label: string }[] = [
  { combo: { mod: true, alt: true, code: 'Digit0' }, blockType: 'paragraph', label: 'Paragraph' },
  { combo: { mod: true, alt: true, code: 'Digit1' }, blockType: 'h1', label: 'Heading 1' },
  { combo: { mod: true, alt: true, code: 'Digit2' }, blockType: 'h2', label: 'Heading 2' },
  { combo: { mod: true, alt: true, code: 'Digit3' }, blockType: 'h3', label: 'Heading 3' },
  {
    combo: { mod: true, shift: true, code: 'Digit8' },
    blockType: 'bullet',
    label: 'Bulleted list',
  },
  {
    combo: { mod: true, shift: true, code: 'Digit7' },
    blockType: 'number',
    label: 'Numbered list',
  },
  { combo: { mod: true, shift: true, code: 'Digit9' }, blockType: 'quote', label: 'Quote' },
];

/** Lexical's own shortcuts, listed here only so the help overlay can show them. */
export const textShortcuts: readonly ShortcutDescription[] = [
  { combos: [{ mod: true, code: 'KeyB' }], description: 'Bold' },
  { combos: [{ mod: true, code: 'KeyI' }], description: 'Italic' },
  { combos: [{ mod: true, code: 'KeyU' }], description: 'Underline' },
  { combos: [{ mod: true, code: 'KeyZ' }], description: 'Undo' },
  {
    combos: [
      { mod: true, shift: true, code: 'KeyZ' },
      { mod: true, code: 'KeyY' },
    ],
    description: 'Redo',
  },
];
