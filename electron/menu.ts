/**
 * The application menu, as a template built by a pure function (tested without Electron).
 * Items that belong to the document send an app.command to the renderer, which owns the editor.
 * Shortcuts the renderer already handles itself (Continue, Stop, New) are shown in the menu but
 * not registered with the system, so a key press reaches the page once, not twice.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommandName } from '../shared/channels/appCommands.js';

export interface MenuActions {
  send(command: AppCommandName): void;
  openHelp(): void;
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

export function applicationMenuTemplate(platform: NodeJS.Platform, actions: MenuActions): Item[] {
  const mac = platform === 'darwin';
  const file: Item = {
    label: '&File',
    submenu: [
      command('New document', 'new-document', actions, 'CmdOrCtrl+Alt+N', true),
      command('Import…', 'import', actions, 'CmdOrCtrl+O'),
      { type: 'separator' },
      command('Export…', 'export', actions, 'CmdOrCtrl+Shift+E'),
      command('Export again', 'export-again', actions, 'CmdOrCtrl+E'),
      command('Export as PDF…', 'export-pdf', actions),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const generate: Item = {
    label: '&Generate',
    submenu: [
      command('Continue writing', 'continue', actions, 'CmdOrCtrl+Enter', true),
      command('Another alternative', 'regenerate', actions),
      command('Stop', 'stop', actions, 'Escape', true),
    ],
  };
  const help: Item = {
    role: 'help',
    submenu: [
      command('Keyboard shortcuts', 'show-shortcuts', actions, 'F1', true),
      { label: 'About Inkwell', click: () => actions.openHelp() },
    ],
  };
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies Item] : []),
    file,
    { role: 'editMenu' },
    generate,
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    help,
  ];
}
