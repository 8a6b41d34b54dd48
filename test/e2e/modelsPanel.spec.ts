/**
 * The Models panel end to end: a fine-tuned GPT-2 folder (here a tiny random checkpoint with the
 * real GPT-2 tokenizer, written by the test) is imported and converted in the app, becomes the
 * active model, and Continue writes with it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeTinyGpt2Checkpoint } from '../fixtures/tinyGpt2.js';
import { openApp, waitUntilSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

test('a GPT-2 folder imported in the Models panel is selected and continues the text', async ({
  page,
  inkwell,
}) => {
  test.setTimeout(120_000);
  const scratch = await mkdtemp(path.join(tmpdir(), 'inkwell-e2e-models-'));
  try {
    const folder = await writeTinyGpt2Checkpoint(path.join(scratch, 'my-fine-tune'), {
      nLayer: 2,
      nEmbd: 64,
      nHead: 2,
      nPositions: 256,
      seed: 3,
    });
    await openApp(page, inkwell.url);
    await page.getByTestId('toggle-models').click();
    const panel = page.getByTestId('models-panel');
    await expect(panel).toBeVisible();
    // The bundled demo model is there from the first start.
    await expect(panel.getByTestId('model-item').first()).toBeVisible();

    await panel.getByTestId('import-folder-path').fill(folder);
    await panel.getByTestId('import-type').selectOption('q8_0');
    await panel.getByTestId('import-submit').click();
    const active = panel.locator('[data-testid="model-item"][aria-current="true"]');
    await expect(active).toContainText('my-fine-tune', { timeout: 60_000 });
    await expect(panel.getByTestId('job-progress')).toHaveCount(0);

    await page.getByTestId('toggle-models').click();
    await expect(panel).toBeHidden();
    await page.getByTestId('editor').click();
    await page.keyboard.type('The lighthouse keeper climbed the stairs.');
    await waitUntilSaved(page);
    await page.keyboard.press('ControlOrMeta+Enter');
    const ghost = page.getByTestId('ghost-text');
    await expect(ghost).not.toBeEmpty({ timeout: 60_000 });
    await expect(page.getByTestId('status-model')).toContainText('my-fine-tune');
    await page.keyboard.press('Tab');
    await expect(ghost).toHaveCount(0);
    await expect(page.getByTestId('editor')).not.toHaveText(
      'The lighthouse keeper climbed the stairs.',
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
