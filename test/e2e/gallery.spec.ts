/**
 * The README's gallery: the main window, each side panel, dark mode and Chinese, made from the
 * real app in Chromium so the pictures stay current. They are written to resources/gallery/
 * only when asked (INKWELL_UPDATE_SCREENSHOT=1), so an ordinary test run leaves the checkout
 * unchanged; otherwise each lands in the test's output folder. The page's fonts are the ones the
 * app ships (the CJK fallback included), so the Chinese pictures are true on any machine.
 */
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { openApp, waitUntilSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

const STORY = {
  en: [
    'Every map her father drew was perfect except one. It hung above the stove, curling at the corners, and it showed a river where there had never been a river.',
    'When he died, Mara took it down to burn it. The paper was warm in her hands, and when she held it to the window she saw that the river was moving.',
  ],
  'zh-CN': [
    '父亲画的每一张地图都完美无缺，只有一张例外。它挂在炉子上方，边角卷起，上面画着一条从来没有存在过的河。',
    '父亲去世后，玛拉把它取下来准备烧掉。纸在她手里是温热的，她把它举到窗前，看见那条河在流动。',
  ],
} as const;

/** The gallery's lorebook entry: its key is in the story. */
const LORE = {
  en: {
    title: 'The map',
    keys: 'map\nriver',
    text: 'Her father drew the river on the map the night before he died.',
  },
  'zh-CN': {
    title: '地图',
    keys: '地图\n河',
    text: '父亲在去世前一晚把那条河画在了地图上。',
  },
} as const;

/** The pictures the README shows in Chinese (every panel is pictured in both languages). */
const README_IN_CHINESE = new Set(['main', 'models', 'templates', 'dark']);

async function picture(page: Page, info: TestInfo, name: string): Promise<void> {
  const file = `${info.project.name}-${name}.png`;
  const inReadme = info.project.name === 'en' || README_IN_CHINESE.has(name);
  const target =
    process.env.INKWELL_UPDATE_SCREENSHOT === '1' && inReadme
      ? path.resolve('resources/gallery', file)
      : info.outputPath(file);
  // Nothing half-drawn: the fonts the page uses are loaded and the pointer is out of the way.
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(1270, 790);
  await page.screenshot({ path: target });
}

async function writeStory(page: Page, paragraphs: readonly string[]): Promise<void> {
  await page.getByTestId('editor').click();
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
  await waitUntilSaved(page);
}

test('the gallery: the main window, each panel, the app settings, dark mode', async ({
  page,
  inkwell,
}, info) => {
  test.slow();
  const language = info.project.name === 'zh-CN' ? 'zh-CN' : 'en';
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, inkwell.url);
  // A second document, so the list shows titles made from first words.
  await writeStory(page, STORY[language].slice(1));
  await page.getByTestId('new-document').click();
  await expect(page.getByTestId('doc-item')).toHaveCount(2);
  await writeStory(page, STORY[language]);
  await expect(page.getByTestId('doc-item').first()).toContainText(STORY[language][0].slice(0, 6));
  await picture(page, info, 'main');

  for (const [toggle, panel, name] of [
    ['revisions-toggle', 'revisions-panel', 'revisions'],
    ['toggle-history', 'history-panel', 'history'],
    ['toggle-tree', 'tree-panel', 'tree'],
    ['toggle-generation-settings', 'generation-settings-panel', 'settings'],
    ['toggle-models', 'models-panel', 'models'],
    ['toggle-templates', 'templates-panel', 'templates'],
  ] as const) {
    await page.getByTestId(toggle).click();
    await expect(page.getByTestId(panel)).toBeVisible();
    await picture(page, info, name);
    await page.getByTestId(toggle).click();
    await expect(page.getByTestId(panel)).toBeHidden();
  }

  await page.keyboard.press('ControlOrMeta+Comma');
  await expect(page.getByTestId('app-settings-dialog')).toBeVisible();
  await picture(page, info, 'app-settings');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('app-settings-dialog')).toBeHidden();

  await page.emulateMedia({ colorScheme: 'dark' });
  await picture(page, info, 'dark');
  await page.getByTestId('toggle-models').click();
  await expect(page.getByTestId('models-panel')).toBeVisible();
  await picture(page, info, 'dark-models');
  await page.getByTestId('toggle-models').click();

  // The lorebook with an entry whose key is in the story, and the context viewer counting it:
  // last, as they load the model, which the other pictures show unloaded.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const prefix = scheme === 'dark' ? 'dark-' : '';
    await page.getByTestId('toggle-lorebook').click();
    const lorebook = page.getByTestId('lorebook-panel');
    if (scheme === 'light') {
      await lorebook.getByTestId('lorebook-add-entry').click();
      await lorebook.getByTestId('lore-title').fill(LORE[language].title);
      await lorebook.getByTestId('lore-keys').fill(LORE[language].keys);
      await lorebook.getByTestId('lore-text').fill(LORE[language].text);
      await picture(page, info, 'lorebook-entry');
      await lorebook.getByTestId('lore-save').click();
    }
    await expect(lorebook.getByTestId('lore-entry')).toHaveCount(1);
    if (scheme === 'light') await picture(page, info, 'lorebook');
    await page.getByTestId('toggle-context-viewer').click();
    const viewer = page.getByTestId('context-viewer');
    if (scheme === 'light') await viewer.getByTestId('context-count').click();
    await expect(viewer.getByTestId('context-entry')).toHaveAttribute('data-state', 'included', {
      timeout: 90_000,
    });
    await picture(page, info, `${prefix}context`);
    await page.getByTestId('toggle-context-viewer').click();
    await expect(viewer).toBeHidden();
  }
});
