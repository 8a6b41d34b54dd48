/** The shortcuts overlay is a proper modal dialog: F1 opens it, focus stays in it, Esc returns. */
import { openApp } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

test('F1 shows the shortcuts; Tab stays inside; Escape closes it and the text has the focus again', async ({
  page,
  inkwell,
  tr,
}) => {
  await openApp(page, inkwell.url);
  const editor = page.getByTestId('editor');
  await editor.click();
  await expect(editor).toBeFocused();

  await page.keyboard.press('F1');
  const dialog = page.getByTestId('shortcuts-help');
  await expect(dialog).toBeVisible();
  const close = dialog.getByRole('button', { name: tr('common:close') });
  await expect(close).toBeFocused();
  // Close is the only control: Tab and Shift+Tab go round to it, never to the page behind.
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(close).toBeFocused();
  await expect(dialog).toContainText(tr('app:shortcutsHelp.title'));

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(editor).toBeFocused();
});
