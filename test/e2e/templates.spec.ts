/**
 * Templates end to end on the bundled demo model: choose the haiku, fill its fields, watch the
 * prompt preview, generate into a new document, see the streamed text in the panel and then in
 * the document under the title from the fields, find the generation in history, and regenerate.
 * Needs the panel mounted in App.tsx (toggle button `toggle-templates`).
 */
import type { Page } from '@playwright/test';
import { openApp, openDocumentId, withAnyNumbers } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

const TITLE = 'Autumn Moon';

async function openPanel(page: Page, toggleId: string, panelId: string): Promise<void> {
  const panel = page.getByTestId(panelId);
  if (!(await panel.isVisible())) await page.getByTestId(toggleId).click();
  await expect(panel).toBeVisible();
}

test('a poem from a template: preview, generate into a new document, history, regenerate', async ({
  page,
  inkwell,
  tr,
}) => {
  await openApp(page, inkwell.url);
  const startId = openDocumentId(page);
  await openPanel(page, 'toggle-templates', 'templates-panel');
  const panel = page.getByTestId('templates-panel');

  await panel.getByTestId('template-search').fill('haiku');
  await panel.locator('[data-testid="template-card"][data-template-id="haiku"]').click();
  const form = panel.getByTestId('template-form');
  await expect(form).toBeVisible();

  // A required field left empty is marked and nothing is generated.
  const title = form.getByTestId('template-field-title');
  await title.fill('');
  await form.getByTestId('template-generate').click();
  await expect(form.locator('.field-error').first()).toBeVisible();
  expect(openDocumentId(page)).toBe(startId);

  await title.fill(TITLE);
  await form.getByTestId('template-field-season').selectOption('Autumn');
  const preview = form.getByTestId('template-preview');
  await expect(preview).toContainText(TITLE);
  await expect(preview).toContainText('AUTUMN HAIKU');
  await expect(form.getByTestId('template-preview-tokens')).toContainText(
    withAnyNumbers(
      tr('templates:preview.tokensNoRoom', {
        promptTokens: 111_111,
        contextSize: 222_222,
        maxNewTokens: 333_333,
      }).split(/[;；]/)[0] ?? '',
      [111_111, 222_222],
    ),
  );

  await form.getByTestId('template-generate').click();
  await expect.poll(() => openDocumentId(page)).not.toBe(startId);
  const documentId = openDocumentId(page);
  const stream = form.getByTestId('template-stream');
  await expect(stream).toContainText(TITLE);
  await expect(form.getByTestId('template-stream-status')).not.toHaveText(
    tr('templates:generation.writing'),
    {
      timeout: 30_000,
    },
  );
  const output = (await form.getByTestId('template-stream-output').textContent()) ?? '';
  expect(output.trim(), 'the demo model wrote something').not.toBe('');

  // The document is titled from the fields and holds the opening and the output.
  await expect(page.getByTestId('doc-title')).toHaveValue(TITLE);
  const editor = page.getByTestId('editor');
  await expect(editor).toContainText(TITLE);
  const firstWord = /[A-Za-z]{3,}/.exec(output)?.[0];
  if (firstWord) await expect(editor).toContainText(firstWord);

  // Regenerate writes again into the same document.
  await form.getByTestId('template-regenerate').click();
  await expect(form.getByTestId('template-stop')).toBeDisabled({ timeout: 30_000 });
  await expect(form.getByTestId('template-stream-status')).not.toHaveText(
    tr('templates:generation.writing'),
  );
  expect(openDocumentId(page)).toBe(documentId);

  // Both generations are in this document's history.
  await openPanel(page, 'toggle-history', 'history-panel');
  const history = page.getByTestId('history-panel');
  await expect(history.getByTestId('history-item')).toHaveCount(2, { timeout: 30_000 });
  await expect(editor).toContainText(TITLE);
});
