/**
 * Import and export in the browser (headless mode), where the desktop's dialogs answer
 * 'unavailable': a Markdown file chosen in the file input becomes a new document with its
 * heading and bold text; exports arrive as downloads that keep them, and a Word export imports
 * back (both read in the page's workers). Hostile files are refused with the limit they hit
 * and leave nothing behind. Needs the dialog mounted in App.tsx (toggle button
 * `toggle-import-export`).
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import {
  MAX_EMPHASIS_RUNS_PER_LINE,
  MAX_NESTING_LEVELS,
} from '../../renderer/documentFormats/importLimits.js';
import { openApp, openDocumentId } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

const LIGHTHOUSE_MARKDOWN = '# The lighthouse\n\nIt was a **stormy** night.\n';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function openDialogAt(page: Page, tab: 'import' | 'export'): Promise<void> {
  const dialog = page.getByTestId('import-export-dialog');
  if (!(await dialog.isVisible())) await page.getByTestId('toggle-import-export').click();
  await expect(dialog).toBeVisible();
  await page.getByTestId(`import-export-tab-${tab}`).click();
}

async function exportAs(page: Page, format: 'markdown' | 'docx'): Promise<Download> {
  await openDialogAt(page, 'export');
  await page.getByTestId('export-format').selectOption(format);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-submit').click();
  return downloading;
}

async function downloadedBytes(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

async function expectLighthouseOpen(page: Page, previousId: string): Promise<string> {
  await expect.poll(() => openDocumentId(page)).not.toBe(previousId);
  const editor = page.getByTestId('editor');
  await expect(editor.locator('h1')).toHaveText('The lighthouse');
  await expect(editor.locator('.ed-bold')).toHaveText('stormy');
  return openDocumentId(page);
}

test('a Markdown file becomes a new document and exports as Markdown and Word', async ({
  page,
  inkwell,
}) => {
  await openApp(page, inkwell.url);
  const startId = openDocumentId(page);

  await openDialogAt(page, 'import');
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'Lighthouse.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(LIGHTHOUSE_MARKDOWN),
  });
  const importedId = await expectLighthouseOpen(page, startId);
  await expect(page.getByTestId('doc-title')).toHaveValue('Lighthouse');

  const markdown = await exportAs(page, 'markdown');
  expect(markdown.suggestedFilename()).toBe('Lighthouse.md');
  const markdownText = (await downloadedBytes(markdown)).toString('utf8');
  expect(markdownText).toMatch(/^# The lighthouse$/m);
  expect(markdownText).toContain('**stormy**');

  const word = await exportAs(page, 'docx');
  expect(word.suggestedFilename()).toBe('Lighthouse.docx');
  const wordBytes = await downloadedBytes(word);
  expect(wordBytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // "Export again" repeats the last format: another Word file.
  await openDialogAt(page, 'export');
  const again = page.waitForEvent('download');
  await page.getByTestId('export-again').click();
  expect((await again).suggestedFilename()).toBe('Lighthouse.docx');

  await openDialogAt(page, 'import');
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'Lighthouse from Word.docx',
    mimeType: DOCX_TYPE,
    buffer: wordBytes,
  });
  await expectLighthouseOpen(page, importedId);
  await expect(page.getByTestId('doc-title')).toHaveValue('Lighthouse from Word');
});

test('the dialog opens from the keyboard and Escape closes it', async ({ page, inkwell }) => {
  await openApp(page, inkwell.url);
  const dialog = page.getByTestId('import-export-dialog');
  await page.keyboard.press('Control+Alt+O');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('import-submit')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+Alt+S');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('export-format')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a list nested 2,000 levels deep and a line crowded with emphasis are refused with their limits named, and nothing is stored', async ({
  page,
  inkwell,
  tr,
}) => {
  await openApp(page, inkwell.url);
  const startId = openDocumentId(page);
  await expect(page.getByTestId('doc-item')).toHaveCount(1);
  const deepList = Array.from({ length: 2000 }, (_, index) => `${'  '.repeat(index)}- item`);

  await openDialogAt(page, 'import');
  await page.getByTestId('import-file-input').setInputFiles([
    { name: 'Deep.md', mimeType: 'text/markdown', buffer: Buffer.from(deepList.join('\n')) },
    { name: 'Stars.md', mimeType: 'text/markdown', buffer: Buffer.from('*a'.repeat(100_000)) },
  ]);
  const status = page.locator('.import-export-status');
  await expect(status).toContainText(
    tr('importExport:import.limits.nesting', { max: MAX_NESTING_LEVELS }),
  );
  await expect(status).toContainText(
    tr('importExport:import.limits.emphasis', { line: 1, max: MAX_EMPHASIS_RUNS_PER_LINE }),
  );
  await expect(page.getByTestId('import-submit')).toBeEnabled();
  await expect(page.getByTestId('doc-item')).toHaveCount(1);
  expect(openDocumentId(page)).toBe(startId);
});
