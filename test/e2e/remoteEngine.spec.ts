/**
 * A remote llama.cpp server as the engine, end to end: the writer enters the address of a real
 * llama-server (started by the spec with the demo model) in the Models panel, lists its models,
 * saves it, continues, sees the suggestion tinted by the server's token probabilities, and sees
 * the server in the status bar and in the history entry.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startLlamaServer, type RunningLlamaServer } from '../fixtures/llamaServer.js';
import { openApp, waitUntilSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);

/** The tokens the heat map tints, in order, as the page's CSS highlights hold them. */
function tintedTokens(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    for (let level = 0; level < 5; level += 1) {
      CSS.highlights.get(`inkwell-probability-${level}`)?.forEach((range) => {
        ranges.push(range as Range);
      });
    }
    return ranges.sort((x, y) => x.startOffset - y.startOffset).map((range) => range.toString());
  });
}

let server: RunningLlamaServer;
test.beforeAll(async () => {
  server = await startLlamaServer(demoModel, ['--alias', 'brown-mini-remote']);
});
test.afterAll(async () => {
  await server?.stop();
});

test('a llama.cpp server set up in the Models panel continues the text, named in the status bar and the history', async ({
  page,
  inkwell,
  tr,
}) => {
  test.slow();
  const host = new URL(server.baseUrl).host;
  await openApp(page, inkwell.url);
  await page.getByTestId('toggle-models').click();
  const panel = page.getByTestId('models-panel');
  const form = panel.getByTestId('remote-engine');
  await form.getByTestId('remote-url').fill(server.baseUrl);
  await form.getByTestId('remote-list-models').click();
  await expect(form.getByTestId('remote-model')).toHaveValue('brown-mini-remote');
  await expect(form.getByTestId('remote-key-storage')).toHaveText(tr('models:remote.keyFile'));
  await form.getByTestId('remote-save').click();
  await expect(form.getByTestId('remote-connected')).toContainText(host);
  await expect(page.getByTestId('status-backend')).toHaveText(tr('editor:status.server', { host }));
  await expect(page.getByTestId('status-model')).toHaveText('brown-mini-remote');

  await page.getByTestId('toggle-models').click();
  await expect(panel).toBeHidden();
  await page.getByTestId('editor').click();
  await page.keyboard.type('The lighthouse keeper climbed the stairs.');
  await waitUntilSaved(page);
  await page.keyboard.press('ControlOrMeta+Enter');
  const ghost = page.getByTestId('ghost-text');
  await expect(ghost).toHaveText(/\S/, { timeout: 30_000 });
  await expect(page.getByTestId('continue')).toBeVisible({ timeout: 30_000 });
  // The server's token probabilities tint the suggestion, token by token, as the local ones do.
  const suggestion = (await ghost.textContent()) ?? '';
  await page.getByTestId('probabilities-toggle').click();
  await expect.poll(async () => (await tintedTokens(page)).join('')).toBe(suggestion);
  expect((await tintedTokens(page)).length).toBeGreaterThan(3);
  await page.getByTestId('probabilities-toggle').click();
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Tab');
  await expect(ghost).toHaveCount(0);

  await page.getByTestId('toggle-history').click();
  const history = page.getByTestId('history-panel');
  const item = history.getByTestId('history-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('brown-mini-remote');
  await item.click();
  await expect(history.getByTestId('history-server')).toContainText(server.baseUrl);
  await expect(history.getByTestId('history-server')).toContainText(
    tr('generation:replay.serverMayDiffer', { url: server.baseUrl }),
  );
});
