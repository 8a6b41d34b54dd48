import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { openApp, waitUntilSaved, waitUntilSettingsSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

/** How long the first Continue may take to load the demo model (a bound, not an expectation). */
const MODEL_LOAD_LIMIT_MS = 90_000;

/** Opens a side panel with its toggle unless it is already open (a reload may keep it open). */
async function openPanel(page: Page, toggleId: string, panelId: string): Promise<void> {
  const panel = page.getByTestId(panelId);
  if (!(await panel.isVisible())) await page.getByTestId(toggleId).click();
  await expect(panel).toBeVisible();
}

/** Precise, 20 new tokens at most (a quick test), and a fixed seed. */
async function choosePreciseShortFixedSeed(page: Page): Promise<void> {
  await openPanel(page, 'toggle-generation-settings', 'generation-settings-panel');
  const panel = page.getByTestId('generation-settings-panel');
  await panel.getByTestId('preset-select').selectOption('precise');
  await expect(panel.getByTestId('param-temperature')).toHaveValue('0.5');
  await panel.getByTestId('param-max-tokens').fill('20');
  await panel.getByTestId('param-seed-mode').selectOption('fixed');
  await panel.getByTestId('param-seed').fill('1234');
  await waitUntilSettingsSaved(page);
}

test('generation settings: a preset, max tokens and a fixed seed are kept for the document across a reload', async ({
  page,
  inkwell,
}) => {
  await openApp(page, inkwell.url);
  await choosePreciseShortFixedSeed(page);
  const panel = page.getByTestId('generation-settings-panel');
  // DRY is off (0) and lets repeats of 2 tokens through until the writer sets it.
  await expect(panel.getByTestId('param-dry-strength')).toHaveValue('0');
  await expect(panel.getByTestId('param-dry-allowed-length')).toHaveValue('2');
  await panel.getByTestId('param-dry-strength').fill('0.8');
  await panel.getByTestId('memory-input').fill('The keeper of the lighthouse is called Ada.');
  await panel.getByTestId('stop-string-input').fill('THE END');
  await panel.getByTestId('stop-string-add').click();
  await waitUntilSettingsSaved(page);

  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await openPanel(page, 'toggle-generation-settings', 'generation-settings-panel');
  await expect(panel.getByTestId('preset-select')).toHaveValue('precise');
  await expect(panel.getByTestId('param-temperature')).toHaveValue('0.5');
  await expect(panel.getByTestId('param-max-tokens')).toHaveValue('20');
  await expect(panel.getByTestId('param-seed-mode')).toHaveValue('fixed');
  await expect(panel.getByTestId('param-seed')).toHaveValue('1234');
  await expect(panel.getByTestId('param-dry-strength')).toHaveValue('0.8');
  await expect(panel.getByTestId('memory-input')).toHaveValue(
    'The keeper of the lighthouse is called Ada.',
  );
  await expect(panel.getByTestId('stop-string')).toContainText(['THE END']);

  // A value the server refuses is named next to its field, and nothing is saved until fixed.
  await panel.getByTestId('param-temperature').fill('5');
  await expect(panel.getByTestId('settings-save-status')).toHaveAttribute('data-status', 'invalid');
  await expect(panel.locator('.field-error')).toBeVisible();
  await panel.getByTestId('param-temperature').fill('0.5');
  await waitUntilSettingsSaved(page);

  await panel.getByTestId('param-max-tokens').press('Escape');
  await expect(panel).toBeHidden();
});

test('history: an accepted continuation is listed with its params, found by a word of it, exported and replayed exactly', async ({
  page,
  inkwell,
  tr,
}) => {
  // Loading the model and a replay's second load are waits on states, bounded only by this.
  test.slow();
  await openApp(page, inkwell.url);
  await choosePreciseShortFixedSeed(page);
  await page.getByTestId('generation-settings-panel').getByTestId('param-seed').press('Escape');

  // History is opened first, so that nothing takes the focus from the editor while text is pending.
  await openPanel(page, 'toggle-history', 'history-panel');
  const history = page.getByTestId('history-panel');
  const editor = page.getByTestId('editor');
  await editor.click();
  await page.keyboard.type('The lighthouse keeper climbed the stairs at dusk, and');
  await waitUntilSaved(page);
  await page.keyboard.press('ControlOrMeta+Enter');
  // The pending text shows at once (an empty one as "…"), but the generation's history row goes
  // in only once the engine has fitted the prompt, and on this first Continue that comes after
  // the demo model has loaded: validated, its threads tuned, which on a busy machine takes longer
  // than any fixed wait. The first streamed word comes after the row, so once it shows the list
  // has had its history.changed and must list the entry within the ordinary wait.
  await expect(page.getByTestId('ghost-text')).toHaveText(/\S/, { timeout: MODEL_LOAD_LIMIT_MS });
  const item = history.getByTestId('history-item');
  await expect(item).toHaveCount(1);
  // The entry says "Running…" until the generation's end has been recorded.
  await expect(item).not.toContainText(tr('generation:finish.running'), { timeout: 30_000 });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('ghost-text')).toHaveCount(0);
  // By its badge: the entry's first line is model text, which may hold the word itself.
  await expect(item.getByTestId('history-kept')).toHaveText(tr('generation:history.kept'));

  await item.click();
  const details = history.getByTestId('history-details');
  await expect(details).toBeVisible();
  const output = (await history.getByTestId('history-output').textContent()) ?? '';
  const word = /[A-Za-z]{4,}/.exec(output)?.[0] ?? /[A-Za-z]{2,}/.exec(output)?.[0];
  expect(word, `the output has a word to look for: ${JSON.stringify(output)}`).toBeTruthy();
  const params = history.getByTestId('history-params');
  await expect(params).toContainText(tr('generation:params.maxTokens.label'));
  await expect(params).toContainText('20');
  await expect(params).toContainText('1234');
  await expect(editor).toContainText(word as string);

  await history.getByTestId('history-search').fill(word as string);
  await expect(item).toHaveCount(1);
  await history.getByTestId('history-search').fill('qqqzzzxxyy');
  await expect(item).toHaveCount(0);
  await history.getByTestId('history-search').fill('');
  await expect(item).toHaveCount(1);

  const downloading = page.waitForEvent('download');
  await history.getByTestId('history-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
  const lines = (await readFile((await download.path()) as string, 'utf8')).trim().split('\n');
  const records = lines.map((line) => JSON.parse(line) as { output: string; seed: number });
  expect(records).toHaveLength(1);
  expect(records[0]?.output).toBe(output);
  expect(records[0]?.seed).toBe(1234);

  await history.getByTestId('history-replay').click();
  await expect(history.getByTestId('history-replay-match')).toHaveAttribute(
    'data-verdict',
    'exact',
    { timeout: 30_000 },
  );
  await expect(history.getByTestId('history-replay-output')).toHaveText(output);
  // The replay is itself recorded.
  await expect(item).toHaveCount(2);

  await page.reload();
  await expect(editor).toContainText(word as string);
  await openPanel(page, 'toggle-history', 'history-panel');
  await expect(item).toHaveCount(2);

  // Deleting asks first.
  await item.filter({ hasText: tr('generation:kinds.replay') }).click();
  await history.getByTestId('history-delete').click();
  await history.getByTestId('history-delete-confirm').click();
  await expect(item).toHaveCount(1);
});
