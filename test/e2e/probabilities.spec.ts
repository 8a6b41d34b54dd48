/**
 * The probabilities view end to end, on the bundled demo model through the headless server:
 * continue, turn the view on (a heat map with its legend), open the popover of a token from the
 * keyboard, choose another token and see the new branch stream from it; then the tree of
 * continuations, whose first branch is used, and which is still there after a reload.
 */
import type { Page } from '@playwright/test';
import { openApp, waitUntilSaved, waitUntilSettingsSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

const OPENING =
  'The lighthouse keeper climbed the stairs at dusk. The lamp had to be lit before the ships came';

async function fixSettings(page: Page, maxTokens: number, seed: number): Promise<void> {
  await page.getByTestId('toggle-generation-settings').click();
  const panel = page.getByTestId('generation-settings-panel');
  await panel.getByTestId('param-max-tokens').fill(String(maxTokens));
  await panel.getByTestId('param-seed-mode').selectOption('fixed');
  await panel.getByTestId('param-seed').fill(String(seed));
  await waitUntilSettingsSaved(page);
  await page.getByTestId('toggle-generation-settings').click();
  await expect(panel).toBeHidden();
}

/** The tokens the heat map tints, in order, as the page's CSS highlights hold them. */
function tintedTokens(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    for (let level = 0; level < 5; level += 1) {
      const highlight = CSS.highlights.get(`inkwell-probability-${level}`);
      highlight?.forEach((range) => ranges.push(range as Range));
    }
    return ranges.sort((a, b) => a.startOffset - b.startOffset).map((range) => range.toString());
  });
}

/** An option's token as the popover spells it, back to its text. */
const tokenText = (shown: string): string => shown.replace(/␣/g, ' ').replace(/↵/g, '\n');

test('the probabilities view tints the suggestion and branches from a token chosen by keyboard', async ({
  page,
  inkwell,
  tr,
}) => {
  test.setTimeout(120_000);
  await openApp(page, inkwell.url);
  await fixSettings(page, 24, 11);
  await page.getByTestId('editor').click();
  await page.keyboard.type(OPENING);
  await waitUntilSaved(page);

  await page.keyboard.press('Control+Enter');
  const ghost = page.getByTestId('ghost-text');
  await expect(ghost).not.toBeEmpty({ timeout: 60_000 });
  await expect(page.getByTestId('continue')).toBeVisible({ timeout: 60_000 });
  const first = (await ghost.textContent()) ?? '';

  await page.getByTestId('probabilities-toggle').click();
  await expect(page.getByTestId('probabilities-toggle')).toHaveAttribute('aria-pressed', 'true');
  const legend = page.getByRole('group', { name: tr('editor:probabilities.legendLabel') });
  await expect(legend).toContainText(tr('editor:probabilities.legendDistribution'));
  await expect.poll(async () => (await tintedTokens(page)).join('')).toBe(first);
  const tokens = await tintedTokens(page);
  expect(tokens.length).toBeGreaterThan(3);

  // Keyboard only: the popover opens on the first token; → goes to the third.
  await page.keyboard.press('Alt+ArrowDown');
  const popover = page.getByRole('listbox');
  await expect(popover).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(popover).toHaveAccessibleName(new RegExp(`${tokens.length}`));
  const written = popover.getByRole('option', { selected: true });
  await expect(written).toContainText(tr('editor:probabilities.chosen'));
  // The next most likely token that is not the one written.
  await page.keyboard.press(
    (await popover.getByRole('option').first().getAttribute('aria-selected')) === 'true'
      ? 'ArrowDown'
      : 'Home',
  );
  const chosenOption = popover.getByRole('option', { selected: true });
  const chosen = tokenText((await chosenOption.locator('.token-option-text').textContent()) ?? '');
  expect(chosen).not.toBe(tokens[2]);
  await page.keyboard.press('Enter');
  await expect(popover).toHaveCount(0);

  // The text after the token went, the chosen token took its place, and the branch streams on.
  const prefix = tokens[0]! + tokens[1]! + chosen;
  await expect(ghost).toHaveText(new RegExp(`^${escape(prefix)}.+`, 's'), { timeout: 60_000 });
  await expect(page.getByTestId('continue')).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(async () => (await tintedTokens(page)).join(''))
    .toBe(await ghost.textContent());
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
