/**
 * A writer who uses greedy (temperature 0) sees what the model weighed too: the legend says the
 * figures are greedy's (among the model's likeliest tokens), and a token's popover lists its
 * top alternatives, the written one first, to branch from.
 */
import { openApp, waitUntilSaved, waitUntilSettingsSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';
import { GREEDY_CANDIDATES, TOP_ALTERNATIVES } from '../../shared/schemas/tokenSteps.js';

test('greedy continues list the alternatives of each token and the legend says they are greedy', async ({
  page,
  inkwell,
  tr,
}) => {
  test.setTimeout(120_000);
  await openApp(page, inkwell.url);
  await page.getByTestId('toggle-generation-settings').click();
  const panel = page.getByTestId('generation-settings-panel');
  await panel.getByTestId('param-temperature').fill('0');
  await panel.getByTestId('param-max-tokens').fill('12');
  await waitUntilSettingsSaved(page);
  await page.getByTestId('toggle-generation-settings').click();
  await expect(panel).toBeHidden();

  await page.getByTestId('editor').click();
  await page.keyboard.type('The lighthouse keeper climbed the stairs at dusk.');
  await waitUntilSaved(page);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('ghost-text')).not.toBeEmpty({ timeout: 60_000 });
  await expect(page.getByTestId('continue')).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('probabilities-toggle').click();
  const legend = page.getByRole('group', { name: tr('editor:probabilities.legendLabel') });
  await expect(legend).toContainText(
    tr('editor:probabilities.legendGreedy', { candidates: GREEDY_CANDIDATES }),
  );

  await page.keyboard.press('Alt+ArrowDown');
  const popover = page.getByRole('listbox');
  await expect(popover).toBeFocused();
  const options = popover.getByRole('option');
  await expect(options).toHaveCount(TOP_ALTERNATIVES);
  // Greedy writes the most likely token: the first one listed.
  await expect(options.first()).toContainText(tr('editor:probabilities.chosen'));
  await expect(popover).not.toContainText(tr('editor:probabilities.noAlternatives'));
});
