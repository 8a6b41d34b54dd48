/**
 * The UI language: it follows the browser's language (the project's locale) until the writer
 * picks one; the pick switches the page at once, is kept across a reload, and "System" goes back.
 */
import { createI18n } from '../../shared/i18n/createI18n.js';
import { matchLanguage, type Language } from '../../shared/i18n/languages.js';
import { openApp } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

test('choosing the other language switches the page at once, survives a reload, and System goes back', async ({
  page,
  inkwell,
  locale,
}) => {
  const system: Language = matchLanguage(locale ?? 'en') ?? 'en';
  const other: Language = system === 'en' ? 'zh-CN' : 'en';
  const continueLabel = (language: Language): string =>
    createI18n(language).t('editor:continue.continue');

  await openApp(page, inkwell.url);
  const continueButton = page.getByTestId('continue');
  await expect(continueButton).toHaveText(continueLabel(system));
  await expect(page.locator('html')).toHaveAttribute('lang', system);
  const picker = page.getByTestId('language-picker');
  await expect(picker).toBeEnabled();
  await expect(picker).toHaveValue('system');

  await picker.selectOption(other);
  await expect(continueButton).toHaveText(continueLabel(other));
  await expect(page.locator('html')).toHaveAttribute('lang', other);

  await page.reload();
  await expect(page.getByTestId('continue')).toHaveText(continueLabel(other));
  await expect(page.getByTestId('language-picker')).toHaveValue(other);

  await page.getByTestId('language-picker').selectOption('system');
  await expect(page.getByTestId('continue')).toHaveText(continueLabel(system));
});

test('a language chosen in one window reaches another open window', async ({
  page,
  context,
  inkwell,
  locale,
}) => {
  const system: Language = matchLanguage(locale ?? 'en') ?? 'en';
  const other: Language = system === 'en' ? 'zh-CN' : 'en';
  await openApp(page, inkwell.url);
  const second = await context.newPage();
  await openApp(second, inkwell.url);

  await page.getByTestId('language-picker').selectOption(other);
  await expect(second.getByTestId('continue')).toHaveText(
    createI18n(other).t('editor:continue.continue'),
  );
  await expect(second.getByTestId('language-picker')).toHaveValue(other);
});
