import { comboLabel, type KeyCombo } from './keyCombo.js';

export interface ShortcutDescription {
  combos: readonly KeyCombo[];
  description: string;
}

/**
 * Shortcuts that work anywhere in the window. Chosen to avoid the browser's own (Ctrl+N, Ctrl+T
 * and Ctrl+W cannot be taken from a page), hence the Ctrl+Alt family.
 */
export const appShortcuts = {
  newDocument: { combos: [{ mod: true, alt: true, code: 'KeyN' }], description: 'New document' },
  focusSearch: { combos: [{ mod: true, code: 'KeyK' }], description: 'Search documents' },
  focusList: {
    combos: [{ mod: true, alt: true, code: 'KeyL' }],
    description: 'Go to the document list (↑ ↓ to move, Enter to open)',
  },
  focusEditor: { combos: [{ mod: true, alt: true, code: 'KeyE' }], description: 'Go to the text' },
  renameDocument: { combos: [{ code: 'F2' }], description: 'Rename the document' },
  deleteDocument: {
    combos: [{ mod: true, alt: true, code: 'Backspace' }],
    description: 'Delete the document',
  },
  undoDelete: {
    combos: [{ mod: true, alt: true, code: 'KeyZ' }],
    description: 'Undo the last delete',
  },
  toggleRevisions: {
    combos: [{ mod: true, alt: true, code: 'KeyH' }],
    description: 'Show or hide revisions',
  },
  toggleHistory: {
    combos: [{ mod: true, alt: true, code: 'KeyY' }],
    description: 'Show or hide the history of generations',
  },
  toggleGenerationSettings: {
    combos: [{ mod: true, alt: true, code: 'KeyG' }],
    description: 'Show or hide the generation settings',
  },
  toggleModels: {
    combos: [{ mod: true, alt: true, code: 'KeyM' }],
    description: 'Show or hide the models',
  },
  toggleTemplates: {
    combos: [{ mod: true, alt: true, code: 'KeyP' }],
    description: 'Show or hide the templates (stories and poems)',
  },
  importFile: {
    combos: [{ mod: true, alt: true, code: 'KeyO' }],
    description: 'Import a file as a new document',
  },
  exportFile: {
    combos: [{ mod: true, alt: true, code: 'KeyS' }],
    description: 'Export the document',
  },
  exportAgain: {
    combos: [{ mod: true, alt: true, shift: true, code: 'KeyS' }],
    description: 'Export again (same format and place)',
  },
  saveNow: { combos: [{ mod: true, code: 'KeyS' }], description: 'Save now' },
  showShortcuts: {
    combos: [{ mod: true, code: 'Slash' }, { code: 'F1' }],
    description: 'Show keyboard shortcuts',
  },
} satisfies Record<string, ShortcutDescription>;

export type AppShortcut = keyof typeof appShortcuts;

/** The main key combination of an app shortcut, for tooltips and hints. */
export function shortcutLabel(name: AppShortcut): string {
  const [first] = appShortcuts[name].combos;
  return first ? comboLabel(first) : '';
}
