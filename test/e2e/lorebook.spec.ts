/**
 * The lorebook end to end, on the headless server with the bundled demo model: an entry added in
 * the lorebook panel lights up in the context viewer once its key is typed, says which key
 * matched, and is in the prompt the history records for the continue. Every wait is on
 * something the page shows.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openApp, waitUntilSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

const MODEL_LOAD_LIMIT_MS = 90_000;
const ENTRY_TEXT = 'Everard keeps bees behind the chapel.';

async function openPanel(page: Page, toggleId: string, panelId: string): Promise<void> {
  const panel = page.getByTestId(panelId);
  if (!(await panel.isVisible())) await page.getByTestId(toggleId).click();
  await expect(panel).toBeVisible();
}

test('a lorebook entry lights up in the context viewer when its key is typed, and is in the prompt of the continue', async ({
  page,
  inkwell,
  tr,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, inkwell.url);

  await openPanel(page, 'toggle-lorebook', 'lorebook-panel');
  const lorebook = page.getByTestId('lorebook-panel');
  await lorebook.getByTestId('lorebook-add-entry').click();
  await lorebook.getByTestId('lore-title').fill('Everard');
  await lorebook.getByTestId('lore-keys').fill('Everard');
  await lorebook.getByTestId('lore-text').fill(ENTRY_TEXT);
  await lorebook.getByTestId('lore-save').click();
  await expect(lorebook.getByTestId('lore-entry')).toHaveAttribute('data-entry-title', 'Everard');

  await openPanel(page, 'toggle-context-viewer', 'context-viewer');
  const viewer = page.getByTestId('context-viewer');
  await page.getByTestId('editor').click();
  await page.keyboard.type('At dawn the old knight walked down to the chapel.');
  await waitUntilSaved(page);
  // Opening the viewer loads no model: it shows which entries are active and offers to count.
  await expect(viewer.getByTestId('context-needs-model')).toBeVisible();
  await expect(viewer.getByTestId('context-no-entries')).toBeVisible();
  await expect(page.getByTestId('status-model')).toHaveAttribute('data-state', 'idle');
  await viewer.getByTestId('context-count').click();
  // The demo model loads; its tokenizer counts the parts.
  await expect(viewer.getByTestId('context-summary')).toBeVisible({
    timeout: MODEL_LOAD_LIMIT_MS,
  });
  await expect(viewer.getByTestId('context-needs-model')).toHaveCount(0);
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+End');
  await expect(viewer.getByTestId('status-context-bar')).toHaveCount(0);
  await expect(page.getByTestId('status-context-bar')).toBeVisible();

  await page.keyboard.type(' Everard looked at the hives');
  const entry = viewer.getByTestId('context-entry');
  await expect(entry).toHaveAttribute('data-entry-title', 'Everard');
  await expect(entry).toHaveAttribute('data-state', 'included');
  await expect(entry).toContainText(
    tr('lorebook:viewer.whyKey', { key: 'Everard', match: 'Everard' }),
  );
  await expect(viewer.getByTestId('context-prompt').locator('[data-part="lore"]')).toHaveText(
    `${ENTRY_TEXT}\n`,
  );
  await expect(viewer.getByTestId('context-part-memory')).toBeVisible();
  // The README's picture of the viewer, written to resources/ only when asked.
  if (process.env.INKWELL_UPDATE_SCREENSHOT === '1' && test.info().project.name === 'en') {
    await page.screenshot({ path: path.resolve('resources/context-viewer.png') });
  }

  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('ghost-text')).toHaveText(/\S/, { timeout: 60_000 });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('ghost-text')).toHaveCount(0);

  await openPanel(page, 'toggle-history', 'history-panel');
  const history = page.getByTestId('history-panel');
  await history.getByTestId('history-item').first().click();
  const prompt = history.getByTestId('history-prompt');
  await expect(prompt).toContainText(ENTRY_TEXT, { useInnerText: false });
  await expect(prompt).toContainText('Everard looked at the hives', { useInnerText: false });
});

test("the author's note depth set in the settings is what the context viewer shows", async ({
  page,
  inkwell,
  tr,
}) => {
  test.slow();
  await openApp(page, inkwell.url);
  await page.getByTestId('editor').click();
  await page.keyboard.type('One.\nTwo.\nThree.\nFour.\nFive.');
  await waitUntilSaved(page);

  await openPanel(page, 'toggle-generation-settings', 'generation-settings-panel');
  const settings = page.getByTestId('generation-settings-panel');
  await settings.getByTestId('authors-note-input').fill('Keep it bright.');
  await settings.getByTestId('note-depth').fill('12');
  await settings.getByTestId('note-depth-unit').selectOption('tokens');
  await expect(page.getByTestId('settings-save-status')).toHaveAttribute('data-status', 'saved');

  await openPanel(page, 'toggle-context-viewer', 'context-viewer');
  const viewer = page.getByTestId('context-viewer');
  await viewer.getByTestId('context-count').click();
  await expect(viewer.getByTestId('context-note-depth')).toHaveText(
    tr('lorebook:viewer.noteDepthTokens', { count: 12 }),
    { timeout: MODEL_LOAD_LIMIT_MS },
  );
  await expect(viewer.getByTestId('context-prompt').locator('[data-part="note"]')).toHaveText(
    "[Author's note: Keep it bright.]\n",
  );
});

test('after typing stops, the viewer shows exactly what the continue sends: its prompt and its token count', async ({
  page,
  inkwell,
  tr,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, inkwell.url);
  await page.getByTestId('editor').click();
  // More than the demo model's context holds: the viewer shows what is trimmed.
  const opening = 'The keeper climbed the stairs at dusk and lit the lamp for the ships. '.repeat(
    40,
  );
  await page.keyboard.insertText(opening);
  await waitUntilSaved(page);

  await openPanel(page, 'toggle-context-viewer', 'context-viewer');
  const viewer = page.getByTestId('context-viewer');
  await viewer.getByTestId('context-count').click();
  await expect(viewer.getByTestId('context-summary')).toBeVisible({
    timeout: MODEL_LOAD_LIMIT_MS,
  });
  await expect(viewer.getByTestId('context-trimmed')).toBeVisible();

  // Typed straight on, key after key, with no pause for the viewer to answer in between.
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+End');
  const typed = 'Far out, a bell rang twice';
  await page.keyboard.type(typed);
  const prompt = viewer.getByTestId('context-prompt');
  await expect(prompt).toContainText(typed);
  const shownPrompt = (await prompt.textContent()) ?? '';
  expect(shownPrompt.endsWith(typed)).toBe(true);
  const shownTokens = Number(
    await viewer.getByTestId('context-summary').getAttribute('data-prompt-tokens'),
  );
  expect(shownTokens).toBeGreaterThan(100);

  // The caret is still at the end of what was typed.
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('ghost-text')).toHaveText(/\S/, { timeout: 60_000 });
  await expect(page.getByTestId('status-generating')).toHaveCount(0, { timeout: 60_000 });
  await page.keyboard.press('Escape');

  await openPanel(page, 'toggle-history', 'history-panel');
  const history = page.getByTestId('history-panel');
  await history.getByTestId('history-item').first().click();
  const recorded = history.getByTestId('history-prompt');
  await expect(recorded).toHaveText(shownPrompt, { useInnerText: false });
  await expect(history.locator('.history-prompt summary')).toHaveText(
    tr('generation:details.prompt', { count: shownTokens }),
  );
});

test('the lorebook form works from the keyboard: the title has the focus, Esc cancels, Enter saves, the focus goes back', async ({
  page,
  inkwell,
}) => {
  await openApp(page, inkwell.url);
  await openPanel(page, 'toggle-lorebook', 'lorebook-panel');
  const lorebook = page.getByTestId('lorebook-panel');
  const add = lorebook.getByTestId('lorebook-add-entry');
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(lorebook.getByTestId('lore-title')).toBeFocused();
  await page.keyboard.type('Draft');
  await page.keyboard.press('Escape');
  await expect(lorebook.getByTestId('lore-entry-form')).toHaveCount(0);
  await expect(lorebook.getByTestId('lore-entry')).toHaveCount(0);
  await expect(add).toBeFocused();
  // Esc in the form cancelled only the form: the panel is still open.
  await expect(lorebook).toBeVisible();

  await page.keyboard.press('Enter');
  await page.keyboard.type('Everard');
  await lorebook.getByTestId('lore-text').fill(ENTRY_TEXT);
  await lorebook.getByTestId('lore-title').press('Enter');
  await expect(lorebook.getByTestId('lore-entry')).toHaveAttribute('data-entry-title', 'Everard');
  await expect(add).toBeFocused();
});
