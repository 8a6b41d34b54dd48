/**
 * A new writer's first Continue, on a fresh data folder: no model is loaded and no thread count
 * is known, so the continue loads the demo model. Where the writer looks (at the cursor), the
 * page says that the model is loading, which step it is on and that Esc stops; Tab and Ctrl+R
 * wait for the first words (nothing to keep or replace yet) instead of ending the continue with
 * nothing. Every wait is on something the page shows.
 */
import type { Page } from '@playwright/test';
import { openApp, waitUntilSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

const OPENING = 'The lighthouse keeper climbed the stairs at dusk, counting the steps';

/** The document's own text, without the pending suggestion. */
async function documentText(page: Page): Promise<string> {
  return page.getByTestId('editor').evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    for (const pending of copy.querySelectorAll('.pending-text')) pending.remove();
    return copy.innerText.trim();
  });
}

async function writeOpening(page: Page): Promise<void> {
  await page.getByTestId('editor').click();
  await page.keyboard.type(OPENING);
  await waitUntilSaved(page);
}

test('the first continue shows the model loading at the cursor, waits on Tab and Ctrl+R, then shows words', async ({
  page,
  inkwell,
  tr,
}) => {
  test.slow();
  await openApp(page, inkwell.url);
  await writeOpening(page);
  await page.keyboard.press('ControlOrMeta+Enter');

  // At the cursor: inside the suggestion's place in the text, not in the status bar.
  const loading = page.getByTestId('editor').locator('.pending-text [data-testid="ghost-loading"]');
  await expect(loading).toBeVisible();
  await expect(loading).toContainText(tr('editor:continue.loadingKeys'));
  // "Loading the model (2 of 4: validating)": which step shows depends on how fast it loads.
  const loadingWords = tr('editor:continue.loadingAtCursor', { number: 9, count: 4, step: '' });
  await expect(loading).toContainText(loadingWords.split('9')[0] ?? loadingWords);

  // Nothing to keep or replace yet: the continue goes on and its words come.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+r');
  const ghost = page.getByTestId('ghost-text');
  await expect(ghost).not.toBeEmpty({ timeout: 60_000 });
  await expect(loading).toBeHidden();
  expect(await documentText(page)).toBe(OPENING);

  await page.keyboard.press('Tab');
  await expect(ghost).toHaveCount(0);
  const kept = await documentText(page);
  expect(kept.startsWith(OPENING)).toBe(true);
  expect(kept.length).toBeGreaterThan(OPENING.length);
});

test('Esc while the model loads stops the continue and leaves the text as it was; the next continue writes', async ({
  page,
  inkwell,
}) => {
  test.slow();
  await openApp(page, inkwell.url);
  await writeOpening(page);
  await page.keyboard.press('ControlOrMeta+Enter');
  const loading = page.getByTestId('ghost-loading');
  await expect(loading).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ghost-text')).toHaveCount(0, { timeout: 30_000 });
  expect(await documentText(page)).toBe(OPENING);

  // The load went on: once the model is ready, Continue writes at once, with no loading hint.
  await expect(page.getByTestId('status-model')).toContainText('.gguf', { timeout: 60_000 });
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('ghost-text')).not.toBeEmpty({ timeout: 30_000 });
  await expect(page.getByTestId('ghost-loading')).toBeHidden();
});
