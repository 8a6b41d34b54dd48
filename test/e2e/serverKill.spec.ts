import { openApp, waitUntilSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

test('text typed before the server is killed is there after it starts again', async ({
  page,
  startInkwell,
}) => {
  const first = await startInkwell();
  await openApp(page, first.url);
  await page.getByTestId('editor').click();
  const sentence = 'The storm took the roof but not the manuscript.';
  await page.keyboard.type(sentence);
  // The autosave waits for a pause in typing; this is the pause a writer would make.
  await page.waitForTimeout(1500);
  await waitUntilSaved(page);

  await first.kill();
  expect(first.process.signalCode).toBe('SIGKILL');

  const second = await startInkwell();
  await openApp(page, second.url);
  await expect(page.getByTestId('editor')).toContainText(sentence);
});
