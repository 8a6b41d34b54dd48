/**
 * Continue writing end to end: the bundled demo model (loaded on the first continue), the
 * headless server, and the page. Every wait is on something the page shows, never on time.
 */
import type { Page } from '@playwright/test';
import { openApp, waitUntilSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

const OPENING =
  'The lighthouse keeper climbed the stairs at dusk. The lamp had to be lit before the ships came';

/** The document's own text: the editor's text without the pending suggestion in it. */
async function documentText(page: Page): Promise<string> {
  return page.getByTestId('editor').evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    for (const pending of copy.querySelectorAll('.pending-text')) pending.remove();
    return copy.innerText;
  });
}

async function setMaxTokens(page: Page, maxTokens: number): Promise<void> {
  await page.getByTestId('toggle-generation-settings').click();
  const panel = page.getByTestId('generation-settings-panel');
  await panel.getByTestId('param-max-tokens').fill(String(maxTokens));
  await expect(panel.getByTestId('settings-save-status')).toHaveText('Saved');
  await page.getByTestId('toggle-generation-settings').click();
  await expect(panel).toBeHidden();
}

async function writeOpening(page: Page): Promise<void> {
  await page.getByTestId('editor').click();
  await page.keyboard.type(OPENING);
  await waitUntilSaved(page);
}

test('a continuation streams in as pending text, Tab keeps it, and it is saved and in history', async ({
  page,
  inkwell,
}) => {
  test.setTimeout(120_000);
  await openApp(page, inkwell.url);
  await setMaxTokens(page, 40);
  await writeOpening(page);
  await page.keyboard.press('ControlOrMeta+Enter');

  const ghost = page.getByTestId('ghost-text');
  await expect(ghost).toBeVisible();
  // The text grows over several updates while it streams.
  const lengths = new Set<number>();
  await expect
    .poll(
      async () => {
        lengths.add(((await ghost.textContent()) ?? '').length);
        return [...lengths].filter((length) => length > 0).length;
      },
      { timeout: 60_000, intervals: [5] },
    )
    .toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('status-generating')).toHaveCount(0, { timeout: 60_000 });
  const suggestion = (await ghost.textContent()) ?? '';
  expect(suggestion.length).toBeGreaterThan(0);
  // Pending text is not part of the document: not counted, not saved.
  expect(await documentText(page)).toBe(OPENING);
  await expect(page.getByTestId('word-count')).toHaveText(`${OPENING.split(' ').length} words`);

  await page.keyboard.press('Tab');
  await expect(ghost).toHaveCount(0);
  await expect(page.getByTestId('status-speed')).toContainText('tokens/s');
  await expect(page.getByTestId('status-model')).toContainText('.gguf');
  await expect(page.getByTestId('status-backend')).toContainText(/CPU|CUDA|Vulkan|Metal/);
  await expect(page.getByTestId('status-context')).toContainText(/Context \d+ \+ 40 \/ [\d,]+/);
  const kept = (await documentText(page)).trim();
  expect(kept.startsWith(OPENING)).toBe(true);
  expect(kept.length).toBeGreaterThan(OPENING.length);
  await waitUntilSaved(page);

  await page.reload();
  await expect(page.getByTestId('editor')).toContainText(OPENING);
  expect((await documentText(page)).trim()).toBe(kept);

  await page.getByTestId('toggle-history').click();
  const history = page.getByTestId('history-panel');
  const item = history.getByTestId('history-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('kept');
  await item.click();
  await expect(history.getByTestId('history-params')).toContainText('Max new tokens');
  await expect(history.getByTestId('history-params')).toContainText('40');
});
