/**
 * The probabilities view end to end, on the bundled demo model through the headless server:
 * continue, turn the view on (a heat map with its legend), open the popover of a token from the
 * keyboard, choose another token and see the new branch stream from it; then the tree of
 * continuations, whose first branch is used, and which is still there after a reload. Then kept
 * text: tinted once kept and after a reload, its popover by a click and by Alt+↓ at the caret, a
 * branch from a kept token and Ctrl+Z bringing the kept text back, the tint kept through bold,
 * the tint gone from an edited word, and a subtree of the tree deleted and brought back (Ctrl+Z
 * in the panel, the toast).
 */
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
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

/** The README's pictures: written to resources/ only with INKWELL_UPDATE_SCREENSHOT=1 (English). */
function pictureAt(name: string, info: TestInfo): string {
  return process.env.INKWELL_UPDATE_SCREENSHOT === '1' && info.project.name === 'en'
    ? path.resolve(`resources/${name}`)
    : info.outputPath(name);
}

/** Types the opening with fixed settings, continues, and waits for the whole suggestion. */
async function continueOpening(page: Page): Promise<string> {
  await fixSettings(page, 24, 11);
  await page.getByTestId('editor').click();
  await page.keyboard.type(OPENING);
  await waitUntilSaved(page);
  await page.keyboard.press('Control+Enter');
  const ghost = page.getByTestId('ghost-text');
  await expect(ghost).not.toBeEmpty({ timeout: 60_000 });
  await expect(page.getByTestId('continue')).toBeVisible({ timeout: 60_000 });
  return (await ghost.textContent()) ?? '';
}

test('the probabilities view tints the suggestion and branches from a token chosen by keyboard', async ({
  page,
  inkwell,
  tr,
}, info) => {
  test.setTimeout(120_000);
  await openApp(page, inkwell.url);
  const first = await continueOpening(page);
  const ghost = page.getByTestId('ghost-text');

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
  await page.screenshot({ path: pictureAt('probabilities.png', info) });
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

  // The tree: the first continuation and the branch under it; the first one is used, by keyboard.
  await page.keyboard.press('Control+Alt+KeyJ');
  const tree = page.getByRole('tree', { name: tr('generation:tree.treeLabel') });
  const nodes = tree.getByRole('treeitem');
  await expect(nodes).toHaveCount(2);
  await expect(nodes.nth(1)).toContainText(tr('generation:tree.branchAt', { index: 3 }));
  await nodes.nth(1).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(nodes.nth(0)).toBeFocused();
  await expect(nodes.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tree-preview')).toContainText(first.trim());
  await page.screenshot({ path: pictureAt('tree.png', info) });
  await page.getByRole('button', { name: tr('generation:tree.use') }).click();
  await expect(page.getByTestId('tree-message')).toHaveText(tr('generation:tree.used'));
  const editor = page.getByTestId('editor');
  await expect(editor).toHaveText(OPENING + first);
  await waitUntilSaved(page);

  // After a reload the tree is still there, and the used branch is marked as kept.
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveText(OPENING + first);
  await page.getByTestId('toggle-tree').click();
  await expect(tree.getByRole('treeitem')).toHaveCount(2);
  await expect(tree.getByRole('treeitem').first()).toContainText(tr('generation:tree.kept'));

  // Deleting the branch asks first; the safe choice has the focus.
  await tree.getByRole('treeitem').nth(1).click();
  await page.getByRole('button', { name: tr('generation:tree.delete') }).click();
  const confirm = page.getByRole('alertdialog', { name: tr('generation:tree.deleteTitle') });
  await expect(
    confirm.getByRole('button', { name: tr('generation:tree.deleteCancel') }),
  ).toBeFocused();
  await confirm.getByRole('button', { name: tr('generation:tree.deleteConfirm') }).click();
  await expect(tree.getByRole('treeitem')).toHaveCount(1);
});

/** The token the view marks (under the pointer or with its popover open), or null. */
async function markedToken(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let marked: string | null = null;
    CSS.highlights.get('inkwell-probability-focus')?.forEach((range) => {
      marked = (range as Range).toString();
    });
    return marked;
  });
}

/** The tokens tinted in the text, in the order they read (kept pieces are in several nodes). */
function tintedInOrder(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    for (let level = 0; level < 5; level += 1) {
      const highlight = CSS.highlights.get(`inkwell-probability-${level}`);
      highlight?.forEach((range) => ranges.push(range as Range));
    }
    return ranges
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((range) => range.toString());
  });
}

/** A token as the popover's label spells it. */
const visible = (text: string): string =>
  text.replace(/\n/g, '↵').replace(/^ /, '␣').replace(/ $/, '␣') || '∅';

const withoutSpace = (text: string): string => text.replace(/\s/g, '');

test('kept text stays tinted across a reload, opens its popover by click and by keyboard, branches from a kept token, and loses its tint where edited', async ({
  page,
  inkwell,
  tr,
}) => {
  test.setTimeout(180_000);
  await openApp(page, inkwell.url);
  const first = await continueOpening(page);
  const editor = page.getByTestId('editor');
  const ghost = page.getByTestId('ghost-text');
  await page.keyboard.press('Tab');
  await expect(ghost).toHaveCount(0);
  await expect(editor).toHaveText(OPENING + first);

  // The view on: the kept text is tinted as the suggestion was.
  const toggle = page.getByTestId('probabilities-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => withoutSpace((await tintedInOrder(page)).join('')))
    .toBe(withoutSpace(first));

  // After a reload it still is: the pieces were saved with the document, the steps in the store.
  await waitUntilSaved(page);
  await page.reload();
  await expect(editor).toHaveText(OPENING + first);
  await toggle.click();
  await expect
    .poll(async () => withoutSpace((await tintedInOrder(page)).join('')))
    .toBe(withoutSpace(first));
  const tokens = await tintedInOrder(page);
  expect(tokens.length).toBeGreaterThan(3);

  // A click on a kept token opens its popover too; Esc closes it.
  const firstToken = await page.evaluate(() => {
    const ranges: Range[] = [];
    for (let level = 0; level < 5; level += 1) {
      CSS.highlights.get(`inkwell-probability-${level}`)?.forEach((range) => {
        ranges.push(range as Range);
      });
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const rect = ranges[0]!.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  // Hovering a kept token marks it, as on the suggestion.
  await page.mouse.move(firstToken.x, firstToken.y);
  await expect.poll(() => markedToken(page)).toBe(tokens[0]);
  await page.mouse.click(firstToken.x, firstToken.y);
  const popover = page.getByRole('listbox');
  await expect(popover).toBeFocused();
  await expect(popover).toHaveAccessibleName(
    tr('editor:probabilities.popoverLabel', {
      token: visible(tokens[0]!),
      index: 1,
      count: tokens.length,
    }),
  );
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);

  // Keyboard only: the caret at the end of the kept text, Alt+↓ opens its last token; ← to the third.
  await editor.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(popover).toBeFocused();
  await expect(popover).toHaveAccessibleName(
    tr('editor:probabilities.popoverLabel', {
      token: visible(tokens.at(-1)!),
      index: tokens.length,
      count: tokens.length,
    }),
  );
  for (let step = tokens.length; step > 3; step -= 1) await page.keyboard.press('ArrowLeft');
  await expect(popover).toHaveAccessibleName(
    tr('editor:probabilities.popoverLabel', {
      token: visible(tokens[2]!),
      index: 3,
      count: tokens.length,
    }),
  );
  await page.keyboard.press(
    (await popover.getByRole('option').first().getAttribute('aria-selected')) === 'true'
      ? 'ArrowDown'
      : 'Home',
  );
  const chosen = tokenText(
    (await popover
      .getByRole('option', { selected: true })
      .locator('.token-option-text')
      .textContent()) ?? '',
  );
  expect(chosen).not.toBe(tokens[2]);
  await page.keyboard.press('Enter');
  await expect(popover).toHaveCount(0);

  // The kept text after the token went (the text before it stays kept), and a branch streams.
  await expect(ghost).toHaveText(new RegExp(`^${escape(chosen)}.+`, 's'), { timeout: 60_000 });
  await expect(page.getByTestId('continue')).toBeVisible({ timeout: 60_000 });
  const branch = (await ghost.textContent()) ?? '';
  await expect(editor).toHaveText(OPENING + tokens[0]! + tokens[1]! + branch);

  // Ctrl+Z: the kept text is back as it was, tinted again, and the suggestion has gone.
  await page.keyboard.press('Control+z');
  await expect(ghost).toHaveCount(0);
  await expect(editor).toHaveText(OPENING + first);
  await expect
    .poll(async () => withoutSpace((await tintedInOrder(page)).join('')))
    .toBe(withoutSpace(first));

  // Bold on a kept token (selected on the page, then Ctrl+B) changes no character: every token
  // stays tinted, the bold one too. Ctrl+Z takes the bold off again.
  await editor.focus();
  await page.evaluate(() => {
    const ranges: Range[] = [];
    for (let level = 0; level < 5; level += 1) {
      CSS.highlights.get(`inkwell-probability-${level}`)?.forEach((range) => {
        ranges.push(range as Range);
      });
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(ranges[1]!.cloneRange());
  });
  await page.keyboard.press('Control+b');
  await expect
    .poll(async () => withoutSpace((await editor.locator('.ed-bold').allTextContents()).join('')))
    .toBe(withoutSpace(tokens[1]!));
  await expect.poll(async () => (await tintedInOrder(page)).join('')).toBe(tokens.join(''));
  await page.keyboard.press('Control+z');
  await expect(editor.locator('.ed-bold')).toHaveCount(0);

  // Typing inside the last kept word: that word is no longer the model's; the ones before are.
  await editor.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('q');
  const edited = first.slice(0, -1) + 'q' + first.slice(-1);
  await expect(editor).toHaveText(OPENING + edited);
  await expect.poll(async () => (await tintedInOrder(page)).length).toBe(tokens.length - 1);
  expect((await tintedInOrder(page)).join('')).toBe(tokens.slice(0, -1).join(''));

  // The tree: the first continuation and the branch; deleting the branch can be undone.
  await page.keyboard.press('Control+Alt+KeyJ');
  const tree = page.getByRole('tree', { name: tr('generation:tree.treeLabel') });
  const nodes = tree.getByRole('treeitem');
  await expect(nodes).toHaveCount(2);
  await nodes.nth(1).click();
  const deleteBranch = async (): Promise<void> => {
    await page.getByRole('button', { name: tr('generation:tree.delete') }).click();
    await page
      .getByRole('alertdialog', { name: tr('generation:tree.deleteTitle') })
      .getByRole('button', { name: tr('generation:tree.deleteConfirm') })
      .click();
    await expect(nodes).toHaveCount(1);
  };
  await deleteBranch();
  // Ctrl+Z with the focus in the panel.
  await expect(nodes.first()).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(nodes).toHaveCount(2);
  await expect(nodes.nth(1)).toContainText(tr('generation:tree.branchAt', { index: 3 }));
  await expect(page.getByTestId('tree-message')).toHaveText(
    tr('generation:tree.restored', { count: 1 }),
  );
  await expect(editor).toHaveText(OPENING + edited, { timeout: 1_000 });
  // The toast's Undo.
  await nodes.nth(1).click();
  await deleteBranch();
  await page
    .getByTestId('toast')
    .getByRole('button', { name: tr('undo') })
    .click();
  await expect(nodes).toHaveCount(2);
  await expect(nodes.nth(1)).toContainText(tr('generation:tree.branchAt', { index: 3 }));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
