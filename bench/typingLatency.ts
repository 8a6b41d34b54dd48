/**
 * Typing latency in a 50,000-word document: key event to the next paint, idle and while a
 * continuation streams in. Expects `npm run build` done; starts the built headless server (as the
 * e2e fixture does) with a fresh data folder, and drives Debian's Chromium with Playwright.
 *
 *   node --import tsx bench/typingLatency.ts [--keys 200] [--words 50000] [--panel <toggle test id>]
 *
 * --panel opens a side panel for the whole run, e.g. --panel toggle-context-viewer: the context
 * viewer follows the text as it is typed, and its cost shows in the figures (most in the
 * "single keys, idle" phase: it answers in the pauses between them). --phases runs only some.
 *
 * Each keystroke is timed in the page: from the keydown's timeStamp (when the input event was
 * made, so queueing behind other work counts) to requestAnimationFrame → setTimeout(0), which
 * runs once the frame that shows the key's effect has been produced. Slow events (≥ 16 ms, from
 * the Event Timing API) are counted as a second opinion. Four kinds of typing, and a control: in
 * the text with nothing pending; through a suggestion (each key its next character, since any other key would drop it) once the
 * model has finished, which is the page's own cost of type-through; through a suggestion the
 * model is still writing, typed steadily (the model waits while the writer types, see
 * electron/engine/typingHold.ts); and single keys after a pause longer than that wait, through
 * a suggestion the model is still writing (it writes on between them only while less than
 * LOOKAHEAD_CHARS are ahead of the writer: see shared/channels/engine.ts). The control: the
 * same single keys, as far apart, through a finished suggestion while another process keeps the
 * other core busy the way a model does (reading through more memory than the cache holds): the
 * page's own work under a model's contention, with no model and no tokens. The same keys on a
 * page with only a textarea give the floor: the wait for the next frame (up to one frame
 * interval) that no page can avoid, on a quiet machine and with that core busy. Figures only;
 * the goal is p95 under 16 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { LOOKAHEAD_CHARS, TYPING_PAUSE_MS } from '../shared/channels/generation.js';
import { launchServer } from '../test/e2e/fixtures/inkwellServer.js';
import { describeMachine } from './machine.js';

const { values: args } = parseArgs({
  options: {
    keys: { type: 'string', default: '200' },
    words: { type: 'string', default: '50000' },
    /**
     * Frames as soon as there is something to draw instead of at the display's 60 Hz: the
     * latency is then the page's own work, without up to 16.7 ms of waiting for the next vsync
     * (which even a blank page pays; see the floor line).
     */
    unthrottled: { type: 'boolean', default: false },
    /** A side panel's toggle (its test id) to open before typing, kept open throughout. */
    panel: { type: 'string' },
    /**
     * Only these kinds of typing, comma-separated (idle,finished,streaming,afterPause,
     * finishedBusyCore): short runs to interleave, e.g. with and without a panel.
     */
    phases: { type: 'string' },
  },
});
const FRAME_FLAGS = args.unthrottled ? ['--disable-gpu-vsync', '--disable-frame-rate-limit'] : [];
const keyCount = Math.max(10, Number(args.keys));
const wordCount = Math.max(100, Number(args.words));
const MAX_TOKENS = 400;
/** A pause between keys, so that one key's frame is not also the next key's. */
const KEY_GAP_MS = 40;
/** Between single keys: long enough that the model and the drawing of its tokens have resumed. */
const SINGLE_KEY_GAP_MS = TYPING_PAUSE_MS + 200;

/** What was going on when a key was typed. */
const PHASES = [
  'idle',
  'idlePauses',
  'finished',
  'streaming',
  'afterPause',
  'finishedBusyCore',
] as const;
type Phase = (typeof PHASES)[number];
const chosenPhases = new Set<Phase>(
  args.phases === undefined
    ? PHASES
    : PHASES.filter((phase) => args.phases?.split(',').includes(phase)),
);

interface Sample {
  ms: number;
  phase: Phase;
  /** The keydown's timeStamp, to find its Event Timing entry. */
  at: number;
}

declare global {
  interface Window {
    typingSamples?: Sample[];
    /** Set by the harness: what the keys type into when the model is not writing. */
    typingPhase?: Phase;
    /** Set by the harness: keys typed while the model writes come one at a time. */
    singleKeys?: boolean;
    slowEvents?: number;
    /** Event Timing durations of keydowns of 16 ms and more, by the keydown's startTime. */
    keydownDurations?: Record<string, number>;
  }
}

function passage(words: number): string {
  const vocabulary =
    'the keeper climbed stairs at dusk lamp ships harbour night wind letter sea rope light stone tide bell'.split(
      ' ',
    );
  const paragraphs: string[] = [];
  for (let made = 0; made < words; made += 100) {
    const paragraph: string[] = [];
    for (let i = 0; i < 100; i += 1)
      paragraph.push(vocabulary[(made + i * 7) % vocabulary.length] ?? 'x');
    paragraphs.push(`${paragraph.join(' ')}.`);
  }
  return paragraphs.join('\n');
}

/** Pastes the text as the writer would (one paste, one paragraph per line). */
async function pasteDocument(page: Page, text: string): Promise<void> {
  await page.getByTestId('editor').evaluate((editor, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.typingSamples = [];
    window.slowEvents = 0;
    window.keydownDurations = {};
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Control' || event.ctrlKey || event.key === 'Tab') return;
        // From the event's own timestamp, so that time spent queued behind other work (a save,
        // a streamed token) counts too, as the Event Timing API counts it.
        const at = event.timeStamp;
        const generating = document.querySelector('[data-testid="status-generating"]') !== null;
        const streaming: Phase = window.singleKeys === true ? 'afterPause' : 'streaming';
        const phase: Phase = generating ? streaming : (window.typingPhase ?? 'idle');
        requestAnimationFrame(() =>
          setTimeout(
            () => window.typingSamples?.push({ ms: performance.now() - at, phase, at }),
            0,
          ),
        );
      },
      true,
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name.startsWith('key') || entry.name.includes('input'))
          window.slowEvents = (window.slowEvents ?? 0) + 1;
        if (entry.name === 'keydown' && window.keydownDurations)
          window.keydownDurations[String(entry.startTime)] = entry.duration;
      }
    }).observe({
      type: 'event',
      durationThreshold: 16,
      buffered: false,
    } as PerformanceObserverInit);
  });
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const format = (value: number): string => `${value.toFixed(1)} ms`;
  return `${label.padEnd(22)} n=${String(sorted.length).padStart(3)}  p50 ${format(percentile(sorted, 0.5))}  p95 ${format(percentile(sorted, 0.95))}  max ${format(sorted.at(-1) ?? Number.NaN)}`;
}

async function typeIdle(page: Page, keys = keyCount, gapMs = KEY_GAP_MS): Promise<void> {
  const text = ' and the lamp burned on through the long night while the sea';
  for (let i = 0; i < keys; i += 1) {
    await page.keyboard.press(
      text[i % text.length] === ' ' ? 'Space' : (text[i % text.length] ?? 'a'),
    );
    await page.waitForTimeout(gapMs);
  }
}

/** Types the suggestion's next character while it streams; starts another when one ends. */
async function typeWhileStreaming(page: Page, keys: number, gapMs: number): Promise<number> {
  const ghost = page.getByTestId('ghost-text');
  let typed = 0;
  let continues = 0;
  while (typed < keys && continues < 40) {
    // One round trip per key: the harness's own DOM polling competes with the page it measures.
    const { generating, pending } = await page.evaluate(() => ({
      generating: document.querySelector('[data-testid="status-generating"]') !== null,
      pending: document.querySelector('[data-testid="ghost-text"]')?.textContent ?? null,
    }));
    if (pending === null || (!generating && pending === '')) {
      continues += 1;
      await page.keyboard.press('ControlOrMeta+Enter');
      await ghost.waitFor({ state: 'attached', timeout: 60_000 }).catch(async (error: unknown) => {
        const banner = page.getByTestId('error-banner');
        const message = (await banner.count()) > 0 ? await banner.textContent() : 'no error shown';
        throw new Error(`No suggestion appeared (${message ?? ''})`, { cause: error });
      });
      await page.waitForFunction(
        () =>
          (document.querySelector('[data-testid="ghost-text"]')?.textContent ?? '') !== '' ||
          !document.querySelector('[data-testid="status-generating"]'),
      );
      continue;
    }
    if (!generating) {
      await page.keyboard.press('Tab');
      continue;
    }
    const next = pending[0];
    if (next === undefined) {
      await page.waitForTimeout(5);
      continue;
    }
    await page.keyboard.press(next === '\n' ? 'Enter' : next === ' ' ? 'Space' : next);
    typed += 1;
    await page.waitForTimeout(gapMs);
  }
  // What is left of the last suggestion is kept, so the next phase starts with nothing pending.
  await page.getByTestId('status-generating').waitFor({ state: 'detached', timeout: 120_000 });
  if ((await ghost.count()) > 0) await page.keyboard.press('Tab');
  return continues;
}

/** Waits for a suggestion to be written in full, then types its first characters. */
async function typeThroughFinished(
  page: Page,
  phase: Phase,
  keys: number,
  gapMs: number,
): Promise<void> {
  await page.evaluate((name) => (window.typingPhase = name), phase);
  const ghost = page.getByTestId('ghost-text');
  let typed = 0;
  for (let continues = 0; typed < keys && continues < 40; continues += 1) {
    if ((await ghost.count()) > 0) await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+Enter');
    await ghost.waitFor({ state: 'attached', timeout: 60_000 });
    await page.getByTestId('status-generating').waitFor({ state: 'detached', timeout: 120_000 });
    const pending = (await ghost.count()) > 0 ? ((await ghost.textContent()) ?? '') : '';
    // Up to the first line break: Enter would type through too, but as a paragraph of its own.
    const line = pending.split('\n')[0] ?? '';
    for (const next of line.slice(0, keys - typed)) {
      await page.keyboard.press(next === ' ' ? 'Space' : next);
      typed += 1;
      await page.waitForTimeout(gapMs);
    }
  }
  if ((await ghost.count()) > 0) await page.keyboard.press('Tab');
}

/**
 * Another process keeping one core busy the way a model does: it reads through 64 MB over and
 * over (a model reads all its weights for every token), so it takes cache and memory bandwidth
 * as well as the core.
 */
function startBusyCore(): ChildProcess {
  const script =
    'const a = new Float64Array(8 * 1024 * 1024); for (;;) for (let i = 0; i < a.length; i += 8) a[i] += 1;';
  return spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
}

/**
 * The same probe and keys on a page with nothing but a textarea: what this browser and machine
 * take from a key to its frame (waiting for the next frame included) when the page does no work.
 */
async function measureFloor(browser: Browser, busyCore: boolean): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const busy = busyCore ? startBusyCore() : null;
  try {
    await page.setContent('<textarea aria-label="floor"></textarea>');
    await page.getByLabel('floor').click();
    await installProbe(page);
    await typeIdle(page);
    await page.waitForTimeout(200);
    return await page.evaluate(() => (window.typingSamples ?? []).map((sample) => sample.ms));
  } finally {
    busy?.kill();
    await page.close();
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'inkwell-bench-typing-'));
  const server = await launchServer(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.INKWELL_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', ...FRAME_FLAGS],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (process.env.DEBUG) page.on('console', (message) => console.log('page:', message.text()));
    await page.goto(server.url);
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('toggle-generation-settings').click();
    await page.getByTestId('param-max-tokens').fill(String(MAX_TOKENS));
    await page.locator('[data-testid="settings-save-status"][data-status="saved"]').waitFor();
    await page.getByTestId('toggle-generation-settings').click();

    await page.getByTestId('editor').click();
    const pasteStart = Date.now();
    await pasteDocument(page, passage(wordCount));
    await page
      .getByTestId('word-count')
      .filter({ hasText: wordCount.toLocaleString('en-US') })
      .waitFor({ timeout: 120_000 });
    const pasteMs = Date.now() - pasteStart;
    await page.keyboard.press('ControlOrMeta+End');
    await page
      .locator('[data-testid="save-status"][data-status="saved"]')
      .waitFor({ timeout: 60_000 });
    // The model loads on the first continue; load it before measuring anything.
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.getByTestId('ghost-text').waitFor({ state: 'attached' });
    await page.getByTestId('status-generating').waitFor({ state: 'detached', timeout: 120_000 });
    // Esc drops the finished suggestion (a further Esc would leave the text).
    if ((await page.getByTestId('ghost-text').count()) > 0) await page.keyboard.press('Escape');
    if (args.panel) {
      await page.getByTestId(args.panel).click();
      // The panel takes the focus when it opens; the keys go to the text again.
      await page.getByTestId('editor').click();
      await page.keyboard.press('ControlOrMeta+End');
    }

    await installProbe(page);
    if (chosenPhases.has('idle')) await typeIdle(page);
    const singleKeyCount = Math.max(10, Math.round(keyCount / 5));
    if (chosenPhases.has('idlePauses')) {
      // Single keys after pauses, nothing pending: what a side panel that follows the text
      // (the context viewer) does in each pause shows here, if it delays the next key.
      await page.evaluate(() => (window.typingPhase = 'idlePauses'));
      await typeIdle(page, singleKeyCount, SINGLE_KEY_GAP_MS);
      await page.evaluate(() => (window.typingPhase = 'idle'));
    }
    if (chosenPhases.has('finished'))
      await typeThroughFinished(page, 'finished', keyCount, KEY_GAP_MS);
    const streamingStartedAt = Date.now();
    const continues = chosenPhases.has('streaming')
      ? await typeWhileStreaming(page, keyCount, KEY_GAP_MS)
      : 0;
    const streamingSeconds = (Date.now() - streamingStartedAt) / 1000;
    await page.evaluate(() => (window.singleKeys = true));
    const singleKeyContinues = chosenPhases.has('afterPause')
      ? await typeWhileStreaming(page, singleKeyCount, SINGLE_KEY_GAP_MS)
      : 0;
    if (chosenPhases.has('finishedBusyCore')) {
      const busy = startBusyCore();
      try {
        await typeThroughFinished(page, 'finishedBusyCore', singleKeyCount, SINGLE_KEY_GAP_MS);
      } finally {
        busy.kill();
      }
    }
    await page.waitForTimeout(200);
    const samples = await page.evaluate(() => window.typingSamples ?? []);
    const slowEvents = await page.evaluate(() => window.slowEvents ?? 0);
    const keydownDurations = await page.evaluate(() => window.keydownDurations ?? {});
    // Event Timing reports only keydowns of 16 ms or more (rounded to 8 ms): the rest count as 0.
    const eventMs = (sample: Sample): number => keydownDurations[String(sample.at)] ?? 0;
    const words = await page.getByTestId('word-count').textContent();
    const floor = await measureFloor(browser, false);
    const busyFloor = chosenPhases.has('finishedBusyCore') ? await measureFloor(browser, true) : [];

    console.log(
      'Typing latency: key event → next frame (rAF → setTimeout 0), Chromium + Playwright',
    );
    console.log(
      `machine: ${describeMachine()}; chromium ${browser.version()} (--disable-gpu${FRAME_FLAGS.map((flag) => ` ${flag}`).join('')}), viewport 1280×800`,
    );
    console.log(`side panel open while typing: ${args.panel ?? 'none'}`);
    console.log(
      `document: ${words ?? '?'} in ${Math.ceil(wordCount / 100)} paragraphs (pasted in ${pasteMs} ms), caret at the end; ${KEY_GAP_MS} ms between keys`,
    );
    console.log(
      `streaming: demo model, max ${MAX_TOKENS} new tokens, typing through the suggestion: steadily (${continues} continues in ${streamingSeconds.toFixed(1)} s; the model waits while keys come ${TYPING_PAUSE_MS} ms apart or less), and single keys ${SINGLE_KEY_GAP_MS} ms apart (${singleKeyContinues} continues)`,
    );
    const inPhase = (phase: Phase): number[] =>
      samples.filter((sample) => sample.phase === phase).map((sample) => sample.ms);
    const line = (phase: Phase, text: string): void => {
      if (chosenPhases.has(phase)) console.log(text);
    };
    line('idle', summary('idle', inPhase('idle')));
    line(
      'idlePauses',
      `${summary('  single keys, idle', inPhase('idlePauses'))}  (${SINGLE_KEY_GAP_MS} ms apart, nothing pending)`,
    );
    line(
      'finished',
      `${summary('through a suggestion', inPhase('finished'))}  (the model has finished)`,
    );
    line(
      'streaming',
      `${summary('while streaming', inPhase('streaming'))}  (the model is writing it; it waits while the writer types)`,
    );
    line(
      'afterPause',
      `${summary('  a key after a pause', inPhase('afterPause'))}  (the model still writing; it writes on between keys only while less than ${LOOKAHEAD_CHARS} characters are ahead)`,
    );
    line(
      'finishedBusyCore',
      `${summary('  control: core busy', inPhase('finishedBusyCore'))}  (the same keys through a finished suggestion, no model, while another process reads through 64 MB on the other core: as if a model computed as they came)`,
    );
    console.log(
      `${summary('floor: blank textarea', floor)}  (the same probe on an empty page: the frame wait alone)`,
    );
    line(
      'finishedBusyCore',
      `${summary('  with one core busy', busyFloor)}  (the same, while that process keeps the other core busy)`,
    );
    console.log(
      'Event Timing API, keydown duration (to next paint; under 16 ms not reported, shown as 0):',
    );
    for (const phase of chosenPhases) {
      const chosen = samples.filter((sample) => sample.phase === phase);
      console.log(summary(`  ${phase}`, chosen.map(eventMs)));
    }
    console.log(`events over 16 ms (Event Timing API, key/input): ${slowEvents}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
