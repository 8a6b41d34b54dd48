/**
 * Chinese never shows as empty boxes: the app ships Noto Sans SC (split by unicode-range) and its
 * font stacks end with it, so on a machine without any CJK font (Debian's Chromium here has none)
 * the page loads the subsets for the characters it shows, from the app's own origin.
 */
import { openApp, waitUntilSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

const CHINESE = '父亲画的每一张地图都完美无缺，只有一张例外。';

test('Chinese text is drawn with the shipped Noto Sans SC, loaded from the app itself', async ({
  page,
  inkwell,
}) => {
  await openApp(page, inkwell.url);
  await page.getByTestId('editor').click();
  await page.keyboard.insertText(CHINESE);
  await waitUntilSaved(page);

  const fonts = await page.evaluate(async (text) => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter((face) => face.family.includes('Noto Sans SC'));
    const fontFiles = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.woff2'));
    return {
      declared: faces.length,
      loaded: faces.filter((face) => face.status === 'loaded').length,
      // Every face the text needs is loaded (check() is false while one is still missing).
      covers: document.fonts.check('16px "Noto Sans SC"', text),
      fontFiles,
      origin: location.origin,
    };
  }, CHINESE);

  // Many subsets are declared, only the few the text needs are loaded.
  expect(fonts.declared).toBeGreaterThan(50);
  expect(fonts.loaded).toBeGreaterThan(0);
  expect(fonts.loaded).toBeLessThan(fonts.declared / 4);
  expect(fonts.covers).toBe(true);
  expect(fonts.fontFiles.length).toBeGreaterThan(0);
  for (const file of fonts.fontFiles) expect(file.startsWith(`${fonts.origin}/`)).toBe(true);

  // The glyphs are the font's own: each ideograph and full-width mark is one em wide.
  const widths = await page.evaluate((text) => {
    const canvas = document.createElement('canvas').getContext('2d');
    if (!canvas) return null;
    canvas.font = '20px "Noto Sans SC"';
    return { withFont: canvas.measureText(text).width, expected: 20 * [...text].length };
  }, CHINESE);
  expect(widths).not.toBeNull();
  expect(Math.abs((widths?.withFont ?? 0) - (widths?.expected ?? 0))).toBeLessThan(2);
});
