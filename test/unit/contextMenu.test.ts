/**
 * The editor's and text fields' right-click menu, from the facts Chromium reports about a click.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import {
  contextMenuTemplate,
  type ContextMenuFacts,
} from '../../electron/desktop/contextMenuTemplate.js';
import { createI18n } from '../../shared/i18n/createI18n.js';

const allEdits = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const inEditor: ContextMenuFacts = {
  isEditable: true,
  formControlType: 'none',
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: { ...allEdits, canCut: false, canCopy: false },
};

function build(facts: ContextMenuFacts, language: 'en' | 'zh-CN' = 'en') {
  const done: string[] = [];
  const template = contextMenuTemplate(
    facts,
    {
      replaceMisspelling: (word) => done.push(`replace:${word}`),
      addToDictionary: (word) => done.push(`add:${word}`),
      send: (command) => done.push(`command:${command}`),
    },
    createI18n(language).getFixedT(null, 'menu'),
  );
  const click = (item: MenuItemConstructorOptions | undefined): void =>
    item?.click?.({} as never, undefined, {} as never);
  const labels = template.map((item) => (item.type === 'separator' ? '—' : item.label));
  return { template, labels, done, click };
}

describe('the context menu', () => {
  it('offers the suggestions for a misspelled word, then to add it to the dictionary', () => {
    const { template, labels, done, click } = build({
      ...inEditor,
      misspelledWord: 'lighthuose',
      dictionarySuggestions: ['lighthouse', 'lighthouses', 'light house'],
    });
    assert.deepEqual(labels, [
      'lighthouse',
      'lighthouses',
      'light house',
      'Add to dictionary',
      '—',
      'Cut',
      'Copy',
      'Paste',
      'Select all',
      '—',
      'Continue writing',
      'Another alternative',
    ]);
    click(template[0]);
    click(template.find((item) => item.id === 'spelling:add'));
    click(template.find((item) => item.id === 'command:continue'));
    click(template.find((item) => item.id === 'command:regenerate'));
    assert.deepEqual(done, [
      'replace:lighthouse',
      'add:lighthuose',
      'command:continue',
      'command:regenerate',
    ]);
  });

  it('says when there is no suggestion, and still offers the dictionary', () => {
    const { template, labels } = build({ ...inEditor, misspelledWord: 'Xyzzq' });
    assert.deepEqual(labels.slice(0, 2), ['No spelling suggestions', 'Add to dictionary']);
    assert.equal(template[0]?.enabled, false);
  });

  it('enables cut, copy, paste and select all as Chromium says, with the system’s roles', () => {
    const { template } = build({ ...inEditor, editFlags: { ...allEdits, canPaste: false } });
    const edits = template.filter((item) => item.role);
    assert.deepEqual(
      edits.map((item) => [item.role, item.enabled]),
      [
        ['cut', true],
        ['copy', true],
        ['paste', false],
        ['selectAll', true],
      ],
    );
  });

  it('leaves the continue commands out of text fields', () => {
    const { labels } = build({ ...inEditor, formControlType: 'input-text' });
    assert.deepEqual(labels, ['Cut', 'Copy', 'Paste', 'Select all']);
  });

  it('offers only Copy on selected text that cannot be edited, and nothing elsewhere', () => {
    const readOnly = { ...inEditor, isEditable: false, editFlags: allEdits };
    assert.deepEqual(build({ ...readOnly, selectionText: 'a revision' }).labels, ['Copy']);
    assert.deepEqual(build(readOnly).labels, []);
  });

  it('speaks Simplified Chinese', () => {
    const { labels } = build(
      { ...inEditor, misspelledWord: 'teh', dictionarySuggestions: ['the'] },
      'zh-CN',
    );
    assert.deepEqual(labels, [
      'the',
      '添加到词典',
      '—',
      '剪切',
      '复制',
      '粘贴',
      '全选',
      '—',
      '续写',
      '换一个续写',
    ]);
  });
});
