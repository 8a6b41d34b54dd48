/**
 * The application menu, as a template built by a pure function (tested without Electron).
 * Items that belong to the document send an app.command to the renderer, which owns the editor.
 * Shortcuts the renderer already handles itself (Continue, Stop, New) are shown in the menu but
 * not registered with the system, so a key press reaches the page once, not twice.
 * Every label comes from the `menu` namespace, so the menu speaks the writer's language; the
 * standard items keep their roles (the system's behaviour) with our label.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import type { AppCommandName } from '../../shared/channels/app.js';
import {
  languageEndonyms,
  languages,
  type LanguagePreference,
} from '../../shared/i18n/languages.js';

export interface MenuActions {
  send(command: AppCommandName): void;
  openHelp(): void;
  setLanguage(preference: LanguagePreference): void;
  /** Opens the logs folder or the crash dumps folder in the system's file manager. */
  showFolder(folder: 'logs' | 'crash-reports'): void;
  /** Imports a document from File → Open Recent. */
  openRecent(filePath: string): void;
  clearRecent(): void;
}

export interface MenuLanguage {
  t: TFunction<'menu'>;
  preference: LanguagePreference;
  /** The language "System" resolves to now, named in itself. */
  systemLanguageName: string;
}

type Item = MenuItemConstructorOptions;

function command(
  label: string,
  name: AppCommandName,
  actions: MenuActions,
  accelerator?: string,
  handledByPage = false,
): Item {
  return {
    label,
    id: `command:${name}`,
    click: () => actions.send(name),
    ...(accelerator ? { accelerator, registerAccelerator: !handledByPage } : {}),
  };
}

function languageMenu(language: MenuLanguage, actions: MenuActions): Item {
  const choice = (preference: LanguagePreference, label: string): Item => ({
    label,
    id: `language:${preference}`,
    type: 'radio',
    checked: language.preference === preference,
    click: () => actions.setLanguage(preference),
  });
  return {
    label: language.t('language'),
    submenu: [
      choice('system', language.t('languageSystem', { language: language.systemLanguageName })),
      { type: 'separator' },
      ...languages.map((code) => choice(code, languageEndonyms[code])),
    ],
  };
}

/** File → Open Recent: each document by its name (the whole path as the item's tooltip). */
function recentMenu(
  recentFiles: readonly string[],
  actions: MenuActions,
  t: MenuLanguage['t'],
): Item {
  const name = (file: string): string => file.split(/[\\/]/).pop() ?? file;
  return {
    label: t('openRecent'),
    id: 'recent',
    submenu:
      recentFiles.length === 0
        ? [{ label: t('noRecentFiles'), enabled: false }]
        : [
            ...recentFiles.map((file, index) => ({
              label: name(file),
              toolTip: file,
              id: `recent:${index}`,
              click: () => actions.openRecent(file),
            })),
            { type: 'separator' },
            { label: t('clearRecent'), id: 'recent:clear', click: () => actions.clearRecent() },
          ],
  };
}

export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
  language: MenuLanguage,
  recentFiles: readonly string[] = [],
): Item[] {
  const { t } = language;
  const mac = platform === 'darwin';
  // Cmd+, / Ctrl+, is handled by the page too (so it works in a browser); shown, not registered.
  const appSettings = command(t('appSettings'), 'show-app-settings', actions, 'CmdOrCtrl+,', true);
  const file: Item = {
    label: t('file'),
    submenu: [
      command(t('newDocument'), 'new-document', actions, 'CmdOrCtrl+Alt+N', true),
      command(t('import'), 'import', actions, 'CmdOrCtrl+O'),
      recentMenu(recentFiles, actions, t),
      { type: 'separator' },
      command(t('export'), 'export', actions, 'CmdOrCtrl+Shift+E'),
      command(t('exportAgain'), 'export-again', actions, 'CmdOrCtrl+E'),
      command(t('exportPdf'), 'export-pdf', actions),
      { type: 'separator' },
      ...(mac ? [] : [appSettings, { type: 'separator' } satisfies Item]),
      mac ? { role: 'close', label: t('closeWindow') } : { role: 'quit', label: t('quit') },
    ],
  };
  const edit: Item = {
    label: t('edit'),
    submenu: [
      { role: 'undo', label: t('undo') },
      { role: 'redo', label: t('redo') },
      { type: 'separator' },
      { role: 'cut', label: t('cut') },
      { role: 'copy', label: t('copy') },
      { role: 'paste', label: t('paste') },
      { role: 'selectAll', label: t('selectAll') },
    ],
  };
  const generate: Item = {
    label: t('generate'),
    submenu: [
      command(t('continue'), 'continue', actions, 'CmdOrCtrl+Enter', true),
      command(t('regenerate'), 'regenerate', actions),
      command(t('stop'), 'stop', actions, 'Escape', true),
    ],
  };
  // The page handles each panel's Ctrl/Cmd+Alt key itself (so it works in a browser too).
  const panel = (label: string, name: AppCommandName, key: string): Item =>
    command(label, name, actions, `CmdOrCtrl+Alt+${key}`, true);
  const view: Item = {
    label: t('view'),
    submenu: [
      panel(t('probabilities'), 'toggle-probabilities', 'I'),
      { type: 'separator' },
      panel(t('revisionsPanel'), 'toggle-revisions', 'H'),
      panel(t('historyPanel'), 'toggle-history', 'Y'),
      panel(t('treePanel'), 'toggle-tree', 'J'),
      panel(t('generationSettingsPanel'), 'toggle-generation-settings', 'G'),
      panel(t('lorebookPanel'), 'toggle-lorebook', 'B'),
      panel(t('contextViewerPanel'), 'toggle-context-viewer', 'X'),
      panel(t('modelsPanel'), 'toggle-models', 'M'),
      panel(t('templatesPanel'), 'toggle-templates', 'P'),
      { type: 'separator' },
      languageMenu(language, actions),
      { type: 'separator' },
      { role: 'resetZoom', label: t('resetZoom') },
      { role: 'zoomIn', label: t('zoomIn') },
      { role: 'zoomOut', label: t('zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('fullScreen') },
    ],
  };
  const window: Item = {
    label: t('window'),
    submenu: [
      { role: 'minimize', label: t('minimize') },
      ...(mac ? [{ role: 'zoom', label: t('zoom') } satisfies Item] : []),
      { role: 'close', label: t('closeWindow') },
    ],
  };
  const help: Item = {
    role: 'help',
    label: t('help'),
    submenu: [
      command(t('shortcuts'), 'show-shortcuts', actions, 'F1', true),
      { type: 'separator' },
      { label: t('showLogsFolder'), id: 'folder:logs', click: () => actions.showFolder('logs') },
      {
        label: t('showCrashReportsFolder'),
        id: 'folder:crash-reports',
        click: () => actions.showFolder('crash-reports'),
      },
      { type: 'separator' },
      { label: t('about'), click: () => actions.openHelp() },
    ],
  };
  return [
    ...(mac
      ? [
          {
            role: 'appMenu',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              appSettings,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies Item,
        ]
      : []),
    file,
    edit,
    generate,
    view,
    window,
    help,
  ];
}
