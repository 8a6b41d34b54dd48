/**
 * Continue writing end to end: the bundled demo model (loaded on the first continue), the
 * headless server, and the page. Every wait is on something the page shows, never on time.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import {
  openApp,
  waitUntilSaved,
  waitUntilSettingsSaved,
  withAnyNumbers,
} from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

const OPENING =
  'The lighthouse keeper climbed the stairs at dusk. The lamp had to be lit before the ships came';

/** Long enough to stop or kill mid-stream (the demo model's context is 512 tokens). */
const LONG_GENERATION_TOKENS = 400;
/** Enough to see the text grow over several updates, short enough to finish quickly. */
const STREAMED_TOKENS = 200;
/** A seed whose continuation of OPENING with the demo model is still running seconds later. */
const LONG_GENERATION_SEED = 7;

/** Records, in the page, every distinct length the pending text has had (its updates). */
async function recordPendingLengths(page: Page): Promise<() => Promise<number[]>> {
  await page.getByTestId('editor').evaluate((editor) => {
    const lengths = new Set<number>();
    const observer = new MutationObserver(() => {
      const ghost = editor.querySelector('[data-testid="ghost-text"]');
      if (ghost?.textContent) lengths.add(ghost.textContent.length);
    });
    observer.observe(editor, { subtree: true, childList: true, characterData: true });
    Object.assign(window, { pendingLengths: lengths });
  });
  return () =>
    page.evaluate(() => [...(window as unknown as { pendingLengths: Set<number> }).pendingLengths]);
}

/** The document's own text: the editor's text without the pending suggestion in it. */
async function documentText(page: Page): Promise<string> {
  return page.getByTestId('editor').evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    for (const pending of copy.querySelectorAll('.pending-text')) pending.remove();
    return copy.innerText;
  });
}

/**
 * A fixed seed makes a long generation deterministic: with a random one the model may end the
 * text early (end-of-text), and a test that needs it still running would race its end.
 */
async function setMaxTokens(page: Page, maxTokens: number, seed?: number): Promise<void> {
  await page.getByTestId('toggle-generation-settings').click();
  const panel = page.getByTestId('generation-settings-panel');
  await panel.getByTestId('param-max-tokens').fill(String(maxTokens));
  if (seed !== undefined) {
    await panel.getByTestId('param-seed-mode').selectOption('fixed');
    await panel.getByTestId('param-seed').fill(String(seed));
  }
  await waitUntilSettingsSaved(page);
  await page.getByTestId('toggle-generation-settings').click();
  await expect(panel).toBeHidden();
}

async function writeOpening(page: Page): Promise<void> {
  await page.getByTestId('editor').click();
  await page.keyboard.type(OPENING);
  await waitUntilSaved(page);
}

test('a continuation streams in as pending text, Tab keeps it, and it is saved and in history', async ({
  page,
  inkwell,
  tr,
}) => {
  test.setTimeout(120_000);
  await openApp(page, inkwell.url);
  // The long-running seed and enough tokens that even the small, fast demo model takes several
  // frames to write them (a random seed may end the text after a token or two).
  await setMaxTokens(page, STREAMED_TOKENS, LONG_GENERATION_SEED);
  await writeOpening(page);
  const pendingLengths = await recordPendingLengths(page);
  await page.keyboard.press('ControlOrMeta+Enter');

  const ghost = page.getByTestId('ghost-text');
  await expect(ghost).toBeVisible();
  await expect(page.getByTestId('status-generating')).toHaveCount(0, { timeout: 60_000 });
  // The text grew over several updates while it streamed.
  expect((await pendingLengths()).length).toBeGreaterThanOrEqual(3);
  const suggestion = (await ghost.textContent()) ?? '';
  expect(suggestion.length).toBeGreaterThan(0);
  // Pending text is not part of the document: not counted, not saved.
  expect(await documentText(page)).toBe(OPENING);
  await expect(page.getByTestId('word-count')).toHaveText(
    tr('common:words', { count: OPENING.split(' ').length }),
  );

  await page.keyboard.press('Tab');
  await expect(ghost).toHaveCount(0);
  await expect(page.getByTestId('status-speed')).toContainText(
    tr('editor:status.speed', { speed: '' }).trim(),
  );
  await expect(page.getByTestId('status-model')).toContainText('.gguf');
  await expect(page.getByTestId('status-backend')).toContainText(/CPU|CUDA|Vulkan|Metal/);
  await expect(page.getByTestId('status-context')).toContainText(
    withAnyNumbers(
      tr('editor:status.context', { prompt: 111_111, newTokens: STREAMED_TOKENS, size: 222_222 }),
      [111_111, 222_222],
    ),
  );
  const kept = (await documentText(page)).trim();
  expect(kept.startsWith(OPENING)).toBe(true);
  expect(kept.length).toBeGreaterThan(OPENING.length);
  await waitUntilSaved(page);

  await page.reload();
  await expect(page.getByTestId('editor')).toContainText(OPENING);
  expect((await documentText(page)).trim()).toBe(kept);

  await page.getByTestId('toggle-history').click();
  const history = page.getByTestId('history-panel');
  const item = history.getByTestId('history-item');
  await expect(item).toHaveCount(1);
  // By its badge: the entry's first line is model text, which may hold the word itself.
  await expect(item.getByTestId('history-kept')).toHaveText(tr('generation:history.kept'));
  await item.click();
  await expect(history.getByTestId('history-params')).toContainText(
    tr('generation:params.maxTokens.label'),
  );
  await expect(history.getByTestId('history-params')).toContainText(String(STREAMED_TOKENS));
});

test('typing the suggestion keeps what was typed, the rest stays pending, and another key drops it', async ({
  page,
  inkwell,
  tr,
}) => {
  test.setTimeout(120_000);
  await openApp(page, inkwell.url);
  await setMaxTokens(page, 40, LONG_GENERATION_SEED);
  await page.getByTestId('toggle-history').click();
  await writeOpening(page);
  await page.keyboard.press('ControlOrMeta+Enter');
  const ghost = page.getByTestId('ghost-text');
  await expect(ghost).not.toBeEmpty({ timeout: 60_000 });
  await expect(page.getByTestId('status-generating')).toHaveCount(0, { timeout: 60_000 });
  const suggestion = (await ghost.textContent()) ?? '';
  const typed = suggestion.slice(0, 4);
  expect(typed, 'the suggestion goes on in the same line').not.toContain('\n');

  // Each key is the browser's own typing, as anywhere else in the text.
  await page.keyboard.type(typed, { delay: 30 });
  await expect(ghost).toHaveText(suggestion.slice(typed.length));
  expect(await documentText(page)).toBe(OPENING + typed);
  await expect(page.getByTestId('word-count')).toHaveText(
    tr('common:words', { count: (OPENING + typed).trim().split(/\s+/).length }),
  );

  const other = suggestion[typed.length] === '~' ? '^' : '~';
  await page.keyboard.type(other);
  await expect(ghost).toHaveCount(0);
  expect(await documentText(page)).toBe(OPENING + typed + other);
  await expect(
    page.getByTestId('history-panel').getByTestId('history-item').getByTestId('history-kept'),
  ).toHaveText(tr('generation:history.kept'));
  await waitUntilSaved(page);

  await page.reload();
  await expect(page.getByTestId('editor')).toContainText(OPENING);
  expect(await documentText(page)).toBe(OPENING + typed + other);
});

test('Ctrl+R asks for a second alternative and Alt+[ goes back to the first', async ({
  page,
  inkwell,
}) => {
  test.setTimeout(120_000);
  await openApp(page, inkwell.url);
  await setMaxTokens(page, 12);
  await writeOpening(page);
  const ghost = page.getByTestId('ghost-text');
  const counter = page.getByTestId('ghost-alternatives');
  const generating = page.getByTestId('status-generating');

  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(ghost).not.toBeEmpty({ timeout: 60_000 });
  await expect(generating).toHaveCount(0, { timeout: 60_000 });
  const first = (await ghost.textContent()) ?? '';

  await page.keyboard.press('ControlOrMeta+r');
  await expect(counter).toHaveText('2 / 2');
  await expect(generating).toHaveCount(0, { timeout: 60_000 });
  await expect(ghost).not.toBeEmpty();
  const second = (await ghost.textContent()) ?? '';

  await page.keyboard.press('Alt+BracketLeft');
  await expect(counter).toHaveText('1 / 2');
  await expect(ghost).toHaveText(first);
  await page.keyboard.press('Alt+BracketRight');
  await expect(counter).toHaveText('2 / 2');
  await expect(ghost).toHaveText(second);

  // Esc with nothing running drops the suggestion; the document is as it was.
  await page.keyboard.press('Escape');
  await expect(ghost).toHaveCount(0);
  expect(await documentText(page)).toBe(OPENING);
});

test('Esc stops a running continuation: its text stays pending, history says it was stopped', async ({
  page,
  inkwell,
  tr,
}) => {
  test.setTimeout(120_000);
  await openApp(page, inkwell.url);
  await setMaxTokens(page, LONG_GENERATION_TOKENS, LONG_GENERATION_SEED);
  // History first: opening a panel later would take the focus, which dismisses pending text.
  await page.getByTestId('toggle-history').click();
  await writeOpening(page);
  const ghost = page.getByTestId('ghost-text');

  // The small demo model writes its 400 tokens in about a second; on a busy machine the Esc can
  // arrive after the end, where it rightly drops the finished text instead. Continue again until
  // the Esc lands while the model is still writing.
  const item = page.getByTestId('history-panel').getByTestId('history-item');
  let attempts = 0;
  let stoppedMidStream = false;
  while (!stoppedMidStream && attempts < 4) {
    attempts += 1;
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(ghost).not.toBeEmpty({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('status-generating')).toHaveCount(0);
    // The history (newest first) says how the generation ended once its end is recorded.
    await expect(item).toHaveCount(attempts);
    await expect(item.first()).not.toContainText(tr('generation:finish.running'));
    const ending = (await item.first().textContent()) ?? '';
    stoppedMidStream = ending.includes(tr('generation:finish.cancelled'));
  }
  expect(stoppedMidStream, 'an Esc landed while the model was still writing').toBe(true);
  await expect(page.getByTestId('continue')).toBeVisible();
  await expect(ghost).not.toBeEmpty();
  const stopped = (await ghost.textContent()) ?? '';
  // The text stopped growing: what is pending is what was there when it stopped.
  await expect(ghost).toHaveText(stopped);

  await page.keyboard.press('Escape');
  await expect(ghost).toHaveCount(0);
  expect(await documentText(page)).toBe(OPENING);
});

test('the engine dying mid-stream is reported, the text is intact, and the next continue works', async ({
  page,
  inkwell,
  tr,
}) => {
  test.setTimeout(120_000);
  await openApp(page, inkwell.url);
  await setMaxTokens(page, LONG_GENERATION_TOKENS, LONG_GENERATION_SEED);
  await writeOpening(page);
  const ghost = page.getByTestId('ghost-text');

  const banner = page.getByTestId('error-banner');
  const continuationFailed = tr('editor:continue.failed');
  // The small demo model writes its 400 tokens in about a second; on a busy machine the kill can
  // land after the end (an idle engine dies, nothing is reported). Continue again (which starts a
  // fresh engine) until the kill lands while the model is still writing.
  let killedMidStream = false;
  for (let attempt = 0; attempt < 4 && !killedMidStream; attempt += 1) {
    if ((await ghost.count()) > 0) await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(ghost).not.toBeEmpty({ timeout: 60_000 });
    // The model host is the server's child process.
    const serverPid = String(inkwell.process.pid);
    const children = execFileSync('pgrep', ['-P', serverPid], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean);
    expect(children.length).toBeGreaterThan(0);
    for (const pid of children) process.kill(Number(pid), 'SIGKILL');
    await expect(page.getByTestId('status-model')).toHaveAttribute('data-state', 'crashed');
    killedMidStream = await expect(banner)
      .toContainText(continuationFailed, { timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
  }
  expect(killedMidStream, 'a kill landed while the model was still writing').toBe(true);
  await expect(page.getByTestId('status-generating')).toHaveCount(0);
  await expect(page.getByTestId('status-model')).toHaveAttribute('data-state', 'crashed');
  expect(await documentText(page)).toBe(OPENING);

  // Whatever arrived before the crash is still only a suggestion: drop it and continue again.
  if ((await ghost.count()) > 0) await page.keyboard.press('Escape');
  await expect(ghost).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(ghost).not.toBeEmpty({ timeout: 60_000 });
  // Tab keeps what has arrived (and stops the rest) whether or not the model is still writing;
  // Esc first would mean "reject" if the generation happened to finish in between.
  await page.keyboard.press('Tab');
  await expect(ghost).toHaveCount(0);
  await expect(page.getByTestId('status-generating')).toHaveCount(0);
  expect((await documentText(page)).length).toBeGreaterThan(OPENING.length);
});

test('continuing with no text before the cursor says so, and a continue after writing works', async ({
  page,
  inkwell,
  tr,
}) => {
  test.setTimeout(120_000);
  await openApp(page, inkwell.url);
  await page.getByTestId('editor').click();
  await page.getByTestId('continue').click();
  await expect(page.getByTestId('error-banner')).toContainText(
    tr('errors:continue.noTextBeforeCursor'),
    {
      timeout: 60_000,
    },
  );
  await expect(page.getByTestId('ghost-text')).toHaveCount(0);
  await expect(page.getByTestId('continue')).toBeVisible();

  await page.keyboard.type('It was late when the letter came.');
  await page.getByTestId('continue').click();
  await expect(page.getByTestId('ghost-text')).not.toBeEmpty({ timeout: 60_000 });
  // Esc stops it (if it is still running), Esc again drops it.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('status-generating')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ghost-text')).toHaveCount(0);
  expect(await documentText(page)).toBe('It was late when the letter came.');
});
