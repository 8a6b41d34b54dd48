/**
 * The Models panel in the browser: the loaded model's load time and memory as the model host
 * measured them, and a .gguf dropped on the page, which a browser cannot add (it never tells the
 * page where a file lives), answered with a pointer to the path field.
 */
import { openApp } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

test('the loaded model shows its load time and memory; a dropped .gguf points to the path field', async ({
  page,
  inkwell,
  tr,
}) => {
  test.setTimeout(120_000);
  await openApp(page, inkwell.url);
  await page.getByTestId('toggle-models').click();
  const panel = page.getByTestId('models-panel');
  await expect(panel).toBeVisible();
  // No "Choose file…" in a browser: main has no dialog to show here.
  await expect(panel.getByTestId('model-add-choose')).toHaveCount(0);

  await panel.getByTestId('model-select').first().click();
  const memory = panel.getByTestId('engine-memory');
  // The sentences' fixed words, in the UI language, each followed by a measured figure.
  const before = (text: string): string => text.split('§')[0] ?? text;
  const loadedIn = before(tr('models:engine.loadedIn', { duration: '§', memory: '§' }));
  const uses = before(tr('models:engine.memory', { total: '§', weights: '§', contextMemory: '§' }));
  await expect(memory).toContainText(loadedIn, { timeout: 60_000 });
  await expect(memory).toContainText(new RegExp(`${uses}\\d`));
  await memory.getByTestId('engine-measure-memory').click();
  await expect(memory).toContainText(uses);

  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['GGUF'], 'story-model.gguf'));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
  });
  const banner = page.getByTestId('error-banner');
  await expect(banner).toContainText(tr('models:drop.browser'));
});
