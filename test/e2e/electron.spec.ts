/**
 * The desktop app end to end, through Playwright's Electron driver: launch, write, continue,
 * quit, relaunch, and the text is still there. Runs only where Electron's binary is installed
 * (`npm start` works); elsewhere it is skipped with the reason printed. Needs `npm run build`
 * and better-sqlite3 built for Electron (`node scripts/prepare-electron-native.mjs`).
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * The Electron executable, or why there is none. Looked up the way `require('electron')` does
 * (path.txt, ELECTRON_OVERRIDE_DIST_PATH) but without its fallback of downloading the binary,
 * which would hang or fail on a machine without a network.
 */
function findElectron(): { path: string } | { reason: string } {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && relative === '') {
    return { reason: `${pathFile} is missing (the electron package never downloaded its binary)` };
  }
  const executable = override
    ? path.join(override, relative || 'electron')
    : path.join(packageDir, 'dist', relative);
  return existsSync(executable) ? { path: executable } : { reason: `${executable} does not exist` };
}

const found = findElectron();
const missing = 'reason' in found ? found.reason : null;
if (missing !== null) {
  console.log(`[electron.spec] skipped: Electron binary not installed here: ${missing}`);
}

test.describe('desktop app (Electron)', () => {
  test.skip(missing !== null, `Electron binary not installed here: ${missing ?? ''}`);

  let userData: string;
  test.beforeAll(() => {
    userData = mkdtempSync(path.join(tmpdir(), 'inkwell-electron-'));
  });
  test.afterAll(() => rmSync(userData, { recursive: true, force: true }));

  async function launch(...files: string[]): Promise<ElectronApplication> {
    return electron.launch({
      executablePath: 'path' in found ? found.path : undefined,
      args: [repoRoot, ...files],
      cwd: repoRoot,
      env: { ...process.env, INKWELL_USER_DATA: userData },
    });
  }

  test('write, continue, quit, relaunch: the text is still there', async () => {
    test.setTimeout(120_000);
    const first = await launch();
    const window = await first.firstWindow();
    await expect(window).toHaveURL(/^app:\/\/inkwell\//);
    const editor = window.getByTestId('editor');
    await expect(editor).toBeVisible();

    // The page has no Node: the preload's bridge is the only way out.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await window.evaluate(() => typeof (window as { inkwell?: unknown }).inkwell)).toBe(
      'object',
    );

    await editor.click();
    const opening = 'The lighthouse keeper climbed the stairs';
    await window.keyboard.type(opening);
    await window.keyboard.press('ControlOrMeta+Enter');
    // The bundled model streams a continuation; Tab accepts it into the text.
    await expect
      .poll(async () => (await editor.innerText()).length, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(opening.length);
    await window.keyboard.press('Tab');

    // Quitting asks the window to save first (app.command flush), so no wait for autosave here.
    await first.close();

    const second = await launch();
    const again = await second.firstWindow();
    await expect(again.getByTestId('editor')).toContainText(opening);
    await second.close();
  });

  test('a document on the command line is imported, joins Open Recent, and the log says the app started', async () => {
    test.setTimeout(120_000);
    const folder = mkdtempSync(path.join(tmpdir(), 'inkwell-open-'));
    const story = path.join(folder, 'Harbour Lights.md');
    writeFileSync(story, '# Harbour Lights\n\nThe ferry came in late.\n');
    const app = await launch(story);
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('editor')).toContainText('The ferry came in late.');
      await expect
        .poll(() =>
          app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('recent:0')?.label),
        )
        .toBe('Harbour Lights.md');
      const mainLog = path.join(userData, 'logs', 'main.log');
      await expect.poll(() => existsSync(mainLog)).toBe(true);
      expect(readFileSync(mainLog, 'utf8')).toMatch(/INFO {2}Inkwell .+ starting \(Electron 4\d\./);
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('right-clicking a misspelled word offers suggestions, the dictionary and the edit commands', async () => {
    test.setTimeout(120_000);
    const app = await launch();
    try {
      await app.firstWindow();
      // A native menu cannot be clicked from Playwright: main's popup is caught and its labels read.
      const labels = await app.evaluate(({ BrowserWindow, Menu }) => {
        const window = BrowserWindow.getAllWindows()[0];
        if (!window) return [];
        let shown: string[] = [];
        const popup = Menu.prototype.popup;
        Menu.prototype.popup = function (this: Electron.Menu) {
          shown = this.items.map((item) => item.label || item.type);
        };
        try {
          window.webContents.emit(
            'context-menu',
            { preventDefault: () => undefined },
            {
              isEditable: true,
              formControlType: 'none',
              selectionText: '',
              misspelledWord: 'lighthuose',
              dictionarySuggestions: ['lighthouse'],
              editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
            },
          );
        } finally {
          Menu.prototype.popup = popup;
        }
        return shown;
      });
      expect(labels).toEqual([
        'lighthouse',
        'Add to dictionary',
        'separator',
        'Cut',
        'Copy',
        'Paste',
        'Select all',
        'separator',
        'Continue writing',
        'Another alternative',
      ]);
    } finally {
      await app.close();
    }
  });

  test('Ctrl+, opens the app settings; Dark applies to the page and to the native theme', async () => {
    test.setTimeout(120_000);
    const app = await launch();
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('editor')).toBeVisible();
      await window.keyboard.press('ControlOrMeta+Comma');
      await window.getByTestId('app-settings-theme').selectOption('dark');
      await expect(window.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect
        .poll(() => app.evaluate(({ nativeTheme }) => nativeTheme.themeSource))
        .toBe('dark');
      await window.getByTestId('app-settings-theme').selectOption('system');
    } finally {
      await app.close();
    }
  });
});
