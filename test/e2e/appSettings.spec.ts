/**
 * The app settings (Ctrl/Cmd+,) in a browser, as in the desktop app: the theme applies at once
 * and is kept across a reload, the model at start lists the library, and the dialog says where
 * the documents are kept and that saving is automatic.
 */
import { createI18n } from '../../shared/i18n/createI18n.js';
import { matchLanguage } from '../../shared/i18n/languages.js';
import { openApp } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

test('the theme chosen in the app settings applies at once, survives a reload, and System goes back', async ({
  page,
  inkwell,
  dataDir,
  locale,
}) => {
  const t = createI18n(matchLanguage(locale ?? 'en') ?? 'en').getFixedT(null, 'app');
  await openApp(page, inkwell.url);
  const html = page.locator('html');
  await expect(html).not.toHaveAttribute('data-theme', /.*/);

  await page.keyboard.press('ControlOrMeta+Comma');
  const dialog = page.getByTestId('app-settings-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: t('appSettings.title') })).toBeVisible();
  await expect(dialog.getByTestId('app-settings-data-folder')).toHaveText(dataDir);
  await expect(dialog).toContainText(t('appSettings.autosaveNote'));
  const startupModel = dialog.getByTestId('app-settings-startup-model');
  await expect(startupModel).toHaveValue('');
  await expect(startupModel.locator('option')).toHaveCount(2); // the one used last, the demo model

  const theme = dialog.getByTestId('app-settings-theme');
  await theme.selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expect.poll(background).toBe('rgb(28, 27, 25)'); // the dark page colour
  // Light chosen on a system that is dark: the page is light, the heat map's tints too.
  await page.emulateMedia({ colorScheme: 'dark' });
  await theme.selectOption('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect.poll(background).toBe('rgb(251, 250, 247)');
  await theme.selectOption('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).toBe('rgb(28, 27, 25)');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('ControlOrMeta+Comma');
  await expect(page.getByTestId('app-settings-theme')).toHaveValue('dark');
  await page.getByTestId('app-settings-theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
});

test('the app settings copy the documents folder’s path for the writer', async ({
  page,
  context,
  inkwell,
  dataDir,
  locale,
}) => {
  const t = createI18n(matchLanguage(locale ?? 'en') ?? 'en').getFixedT(null, 'app');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, inkwell.url);
  await page.keyboard.press('ControlOrMeta+Comma');
  const dialog = page.getByTestId('app-settings-dialog');
  await dialog.getByRole('button', { name: t('appSettings.copyFolder') }).click();
  await expect(dialog.getByRole('button', { name: t('appSettings.folderCopied') })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(dataDir);
});
