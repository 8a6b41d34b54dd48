/**
 * The desktop app end to end, through Playwright's Electron driver: launch, write, continue,
 * quit, relaunch, and the text is still there. Runs only where Electron's binary is installed
 * (`npm start` works); elsewhere it is skipped with the reason printed. Needs `npm run build`
 * and better-sqlite3 built for Electron (`node scripts/prepare-electron-native.mjs`).
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

  async function launch(): Promise<ElectronApplication> {
    return electron.launch({
      executablePath: 'path' in found ? found.path : undefined,
      args: [repoRoot],
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
});
