/**
 * The text's focus line runs beside the words and ends with them, not at the foot of the taller
 * editable area (which reaches below the text so that a click there lands in it).
 */
import type { Page } from '@playwright/test';
import { openApp } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

/** The focus line's height and the text's, in the editor's own box. */
function measure(page: Page) {
  return page.getByTestId('editor').evaluate((editor) => {
    const line = getComputedStyle(editor, '::before');
    const last = editor.lastElementChild as HTMLElement;
    return {
      focused: editor.matches(':focus-visible'),
      shown: line.content !== 'none' && line.display !== 'none',
      line: parseFloat(line.height),
      text: last.offsetTop + last.offsetHeight,
      area: editor.getBoundingClientRect().height,
    };
  });
}

test('the focus line beside the text ends where the text ends, and follows it as it grows', async ({
  page,
  inkwell,
}) => {
  await openApp(page, inkwell.url);
  await page.getByTestId('editor').click();
  await page.keyboard.type('The keeper climbed the stairs.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The lamp was lit before the ships came.');

  await expect.poll(async () => (await measure(page)).focused).toBe(true);
  await expect
    .poll(async () => {
      const { line, text } = await measure(page);
      return Math.abs(line - text);
    })
    .toBeLessThan(2);
  const twoParagraphs = await measure(page);
  expect(twoParagraphs.shown).toBe(true);
  // The editable area is much taller than two paragraphs; the line is not.
  expect(twoParagraphs.area).toBeGreaterThan(twoParagraphs.line * 2);

  await page.keyboard.press('Enter');
  await page.keyboard.type('A third paragraph.');
  await expect.poll(async () => (await measure(page)).line).toBeGreaterThan(twoParagraphs.line);
  const three = await measure(page);
  expect(Math.abs(three.line - three.text)).toBeLessThan(2);
});
