import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { exportDialogFilter, importDialogFilters } from '../../electron/desktop/fileTypes.js';
import { applicationMenuTemplate } from '../../electron/desktop/menu.js';
import { appShortcuts, type AppShortcut } from '../../renderer/keyboard/appShortcuts.js';
import type { KeyCombo } from '../../renderer/keyboard/keyCombo.js';
import { probabilityShortcuts } from '../../renderer/editor/probabilities/probabilityShortcuts.js';
import { createI18n } from '../../shared/i18n/createI18n.js';
import type { Language, LanguagePreference } from '../../shared/i18n/languages.js';

function collect(
  platform: NodeJS.Platform,
  options: { language?: Language; preference?: LanguagePreference; recent?: string[] } = {},
) {
  const sent: string[] = [];
  const i18n = createI18n(options.language ?? 'en');
  const template = applicationMenuTemplate(
    platform,
    {
      send: (name) => sent.push(name),
      openHelp: () => sent.push('help'),
      setLanguage: (preference) => sent.push(`language:${preference}`),
      showFolder: (folder) => sent.push(`folder:${folder}`),
      openRecent: (file) => sent.push(`recent:${file}`),
      clearRecent: () => sent.push('recent:clear'),
    },
    {
      t: i18n.getFixedT(null, 'menu'),
      preference: options.preference ?? 'system',
      systemLanguageName: 'English',
    },
    options.recent,
  );
  const items: MenuItemConstructorOptions[] = [];
  const walk = (list: MenuItemConstructorOptions[]): void => {
    for (const item of list) {
      items.push(item);
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(template);
  return { template, items, sent };
}

const click = (item: MenuItemConstructorOptions | undefined): void =>
  item?.click?.({} as never, undefined, {} as never);

describe('application menu', () => {
  it('sends each document command to the renderer', () => {
    const { items, sent } = collect('linux');
    for (const item of items.filter((item) => item.id?.startsWith('command:'))) click(item);
    assert.deepEqual(sent, [
      'new-document',
      'import',
      'export',
      'export-again',
      'export-pdf',
      'show-app-settings',
      'continue',
      'regenerate',
      'stop',
      'toggle-probabilities',
      'toggle-revisions',
      'toggle-history',
      'toggle-tree',
      'toggle-generation-settings',
      'toggle-lorebook',
      'toggle-context-viewer',
      'toggle-models',
      'toggle-templates',
      'show-shortcuts',
    ]);
  });

  it('opens each side panel and the probabilities view from View, showing the key the page handles', () => {
    const { items } = collect('linux');
    const toggles = items.filter((item) => item.id?.startsWith('command:toggle-'));
    assert.equal(toggles.length, 9);
    for (const item of toggles) {
      // 'command:toggle-context-viewer' is the page's 'toggleContextViewer' shortcut.
      const name = (item.id ?? '')
        .slice('command:'.length)
        .replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
      const combo: KeyCombo | undefined =
        name === 'toggleProbabilities'
          ? probabilityShortcuts.toggle.combo
          : appShortcuts[name as AppShortcut].combos[0];
      assert.ok(combo, `${name} is a shortcut of the page`);
      const key = combo.code.replace(/^Key/, '');
      assert.equal(item.accelerator, `CmdOrCtrl+Alt+${key}`, name);
      assert.equal(combo.mod && combo.alt && !combo.shift, true, name);
      assert.equal(item.registerAccelerator, false, `${name}: the page handles the key itself`);
    }
    const chinese = collect('linux', { language: 'zh-CN' }).items;
    assert.equal(chinese.find((item) => item.id === 'command:toggle-tree')?.label, '续写之树');
  });

  it('lists recent documents under File → Open Recent on every platform; a click imports one', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const recent = ['/home/ada/Stories/Lighthouse.md', 'C:\\Users\\ada\\Letter.docx'];
      const { items, sent } = collect(platform, { recent });
      const menu = items.find((item) => item.id === 'recent');
      const entries = menu?.submenu as MenuItemConstructorOptions[];
      assert.deepEqual(
        entries.map((item) => item.label ?? item.type),
        ['Lighthouse.md', 'Letter.docx', 'separator', 'Clear recent'],
      );
      assert.equal(entries[1]?.toolTip, 'C:\\Users\\ada\\Letter.docx');
      click(entries[1]);
      click(entries.at(-1));
      assert.deepEqual(sent, ['recent:C:\\Users\\ada\\Letter.docx', 'recent:clear']);
    }
    const empty = collect('linux').items.find((item) => item.id === 'recent');
    assert.deepEqual(empty?.submenu, [{ label: 'No recent documents', enabled: false }]);
  });

  it('opens the app settings with Ctrl+, in File, and with Cmd+, in the app menu on macOS', () => {
    const where = (platform: NodeJS.Platform): string | undefined =>
      collect(platform).template.find((menu) =>
        (menu.submenu as MenuItemConstructorOptions[] | undefined)?.some(
          (item) => item.id === 'command:show-app-settings',
        ),
      )?.label ?? undefined;
    assert.equal(where('win32'), '&File');
    assert.equal(where('linux'), '&File');
    const mac = collect('darwin');
    assert.equal(mac.template[0]?.role, 'appMenu');
    const item = mac.items.find((entry) => entry.id === 'command:show-app-settings');
    assert.equal(item?.accelerator, 'CmdOrCtrl+,');
    assert.equal(item?.registerAccelerator, false);
    assert.equal(item?.label, 'App settings…');
  });

  it('opens the logs folder and the crash reports folder from Help, in either language', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const { template, sent } = collect('win32', { language });
      const help = template.at(-1)?.submenu as MenuItemConstructorOptions[];
      const logs = help.find((item) => item.id === 'folder:logs');
      const dumps = help.find((item) => item.id === 'folder:crash-reports');
      assert.equal(logs?.label, language === 'en' ? 'Show logs folder' : '显示日志文件夹');
      assert.equal(
        dumps?.label,
        language === 'en' ? 'Show crash reports folder' : '显示崩溃报告文件夹',
      );
      click(logs);
      click(dumps);
      assert.deepEqual(sent, ['folder:logs', 'folder:crash-reports']);
    }
  });

  it('shows Continue as Ctrl/Cmd+Enter but leaves the key to the page', () => {
    const { items } = collect('linux');
    const continueItem = items.find((item) => item.id === 'command:continue');
    assert.equal(continueItem?.accelerator, 'CmdOrCtrl+Enter');
    assert.equal(continueItem?.registerAccelerator, false);
    const importItem = items.find((item) => item.id === 'command:import');
    assert.equal(importItem?.registerAccelerator, true);
  });

  it('has File, Edit, Generate, View, Window and Help, plus the app menu on macOS', () => {
    const labelsOf = (template: MenuItemConstructorOptions[]) =>
      template.map((item) => item.label ?? item.role);
    assert.deepEqual(labelsOf(collect('linux').template), [
      '&File',
      '&Edit',
      '&Generate',
      '&View',
      '&Window',
      '&Help',
    ]);
    assert.equal(labelsOf(collect('darwin').template)[0], 'appMenu');
  });

  it('speaks Simplified Chinese when that is the language, every item labelled', () => {
    const { template, items } = collect('linux', { language: 'zh-CN' });
    assert.deepEqual(
      template.map((item) => item.label),
      ['文件(&F)', '编辑(&E)', '生成(&G)', '视图(&V)', '窗口(&W)', '帮助(&H)'],
    );
    const unlabelled = items.filter((item) => item.type !== 'separator' && !item.label);
    assert.deepEqual(unlabelled, []);
    assert.equal(items.find((item) => item.id === 'command:continue')?.label, '续写');
  });

  it('offers the languages as radio items, the current preference checked, a click stores it', () => {
    const { items, sent } = collect('linux', { preference: 'zh-CN' });
    const choices = items.filter((item) => item.id?.startsWith('language:'));
    assert.deepEqual(
      choices.map((item) => [item.label, item.checked]),
      [
        ['System (English)', false],
        ['English', false],
        ['简体中文', true],
      ],
    );
    click(choices[1]);
    assert.deepEqual(sent, ['language:en']);
  });
});

describe('native dialog file types', () => {
  it('name every import type and the export type in the writer’s language', () => {
    const chinese = createI18n('zh-CN').getFixedT(null, 'menu');
    assert.deepEqual(
      importDialogFilters(chinese).map((filter) => filter.name),
      ['文档', 'Markdown', '纯文本', '网页（HTML）', 'Word 文档'],
    );
    assert.deepEqual(importDialogFilters(chinese)[0]?.extensions, [
      'md',
      'markdown',
      'txt',
      'html',
      'htm',
      'docx',
    ]);
    assert.deepEqual(exportDialogFilter('docx', createI18n('en').getFixedT(null, 'menu')), {
      name: 'Word document',
      extensions: ['docx'],
    });
  });
});
