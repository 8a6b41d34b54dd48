/**
 * The right-click menu of the editor and of text fields, built by a pure function from what
 * Chromium says about the click (Electron's context-menu parameters, narrowed to what is used):
 * spelling suggestions for a misspelled word and "Add to dictionary", then cut, copy, paste and
 * select all, and in the editor the continue commands. Labels come from the `menu` namespace.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import type { AppCommandName } from '../../shared/channels/app.js';

export interface ContextMenuFacts {
  isEditable: boolean;
  /** The editor is a contenteditable element: Chromium reports no form control for it. */
  formControlType: string;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: readonly string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  send(command: AppCommandName): void;
}

type Item = MenuItemConstructorOptions;

/** Chromium offers at most a handful; more would push the edit commands off a short screen. */
const MAX_SUGGESTIONS = 5;

export function contextMenuTemplate(
  facts: ContextMenuFacts,
  actions: ContextMenuActions,
  t: TFunction<'menu'>,
): Item[] {
  const sections: Item[][] = [];
  if (facts.isEditable && facts.misspelledWord !== '') {
    const word = facts.misspelledWord;
    const suggestions = facts.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    sections.push([
      ...(suggestions.length > 0
        ? suggestions.map((suggestion, index) => ({
            label: suggestion,
            id: `spelling:${index}`,
            click: () => actions.replaceMisspelling(suggestion),
          }))
        : [{ label: t('noSpellingSuggestions'), enabled: false }]),
      {
        label: t('addToDictionary'),
        id: 'spelling:add',
        click: () => actions.addToDictionary(word),
      },
    ]);
  }
  if (facts.isEditable) {
    sections.push([
      { role: 'cut', label: t('cut'), enabled: facts.editFlags.canCut },
      { role: 'copy', label: t('copy'), enabled: facts.editFlags.canCopy },
      { role: 'paste', label: t('paste'), enabled: facts.editFlags.canPaste },
      { role: 'selectAll', label: t('selectAll'), enabled: facts.editFlags.canSelectAll },
    ]);
  } else if (facts.selectionText.trim() !== '') {
    sections.push([{ role: 'copy', label: t('copy'), enabled: facts.editFlags.canCopy }]);
  }
  if (facts.isEditable && facts.formControlType === 'none') {
    sections.push([
      { label: t('continue'), id: 'command:continue', click: () => actions.send('continue') },
      { label: t('regenerate'), id: 'command:regenerate', click: () => actions.send('regenerate') },
    ]);
  }
  return sections.flatMap((section, index) =>
    index === 0 ? section : [{ type: 'separator' } satisfies Item, ...section],
  );
}
