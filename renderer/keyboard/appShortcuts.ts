import { comboLabel, type KeyCombo } from './keyCombo.js';

/** A shortcut's key combinations; its description is in the `app:shortcuts` translations. */
export interface AppShortcutKeys {
  combos: readonly KeyCombo[];
}

/**
 * Shortcuts that work anywhere in the window. Chosen to avoid the browser's own (Ctrl+N, Ctrl+T
 * and Ctrl+W cannot be taken from a page), hence the Ctrl+Alt family.
 */
export const appShortcuts = {
  newDocument: { combos: [{ mod: true, alt: true, code: 'KeyN' }] },
  focusSearch: { combos: [{ mod: true, code: 'KeyK' }] },
  focusList: { combos: [{ mod: true, alt: true, code: 'KeyL' }] },
  focusEditor: { combos: [{ mod: true, alt: true, code: 'KeyE' }] },
  renameDocument: { combos: [{ code: 'F2' }] },
  deleteDocument: { combos: [{ mod: true, alt: true, code: 'Backspace' }] },
  undoDelete: { combos: [{ mod: true, alt: true, code: 'KeyZ' }] },
  toggleRevisions: { combos: [{ mod: true, alt: true, code: 'KeyH' }] },
  toggleHistory: { combos: [{ mod: true, alt: true, code: 'KeyY' }] },
  toggleTree: { combos: [{ mod: true, alt: true, code: 'KeyJ' }] },
  toggleGenerationSettings: { combos: [{ mod: true, alt: true, code: 'KeyG' }] },
  toggleModels: { combos: [{ mod: true, alt: true, code: 'KeyM' }] },
  toggleTemplates: { combos: [{ mod: true, alt: true, code: 'KeyP' }] },
  toggleLorebook: { combos: [{ mod: true, alt: true, code: 'KeyB' }] },
  toggleContextViewer: { combos: [{ mod: true, alt: true, code: 'KeyX' }] },
  importFile: { combos: [{ mod: true, alt: true, code: 'KeyO' }] },
  exportFile: { combos: [{ mod: true, alt: true, code: 'KeyS' }] },
  exportAgain: { combos: [{ mod: true, alt: true, shift: true, code: 'KeyS' }] },
  saveNow: { combos: [{ mod: true, code: 'KeyS' }] },
  showShortcuts: { combos: [{ mod: true, code: 'Slash' }, { code: 'F1' }] },
  appSettings: { combos: [{ mod: true, code: 'Comma' }] },
} satisfies Record<string, AppShortcutKeys>;

export type AppShortcut = keyof typeof appShortcuts;

/** The main key combination of an app shortcut, for tooltips and hints. */
export function shortcutLabel(name: AppShortcut): string {
  const [first] = appShortcuts[name].combos;
  return first ? comboLabel(first) : '';
}
