/**
 * A new writer's first Continue: from a fresh data folder (no tuned threads, no model loaded,
 * nothing cached), the time from `continue.start` to the first words, and when each load step
 * began. A real headless server (HTTP + WebSocket + router + model host process + SQLite) with
 * the bundled demo model, as `npm run serve` starts it, and a `ws` client as the page.
 *
 *   npm run build:main && npm run bench:first [-- --runs 3 --model path.gguf]
 *
 * Each run is a new server on a new data folder. The server is the built one in dist/ (as
 * `npm run serve` runs it: the model host starts from compiled JavaScript), or the sources under
 * tsx when there is no build, which starts the host about 2 s later. Figures only; nothing passes or fails. The goal
 * is the first words within 5 s on the 2-core build machine.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { fileURLToPath } from 'node:url';
import { BUNDLED_MODEL_FILE } from '../electron/models/bundledModel.js';
import type { LoadProgress, LoadStep } from '../shared/schemas/engine.js';
import type * as ServerModule from '../electron/server.js';
import { WS_PATH } from '../shared/wire.js';
import { describeMachine } from './machine.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    model: { type: 'string', default: path.resolve('resources', 'models', BUNDLED_MODEL_FILE) },
  },
});
const runs = Math.max(1, Number(args.runs));
const builtServer = fileURLToPath(new URL('../dist/electron/server.js', import.meta.url));
const serverModule = existsSync(builtServer) ? builtServer : '../electron/server.js';
const { startServer } = (await import(serverModule)) as typeof ServerModule;
const modelPath = path.resolve(args.model);

const text =
  'The harbour was quiet in the early morning, and the fishermen mended their nets on the ' +
  'stones while the gulls argued over what the night boats had left behind. ';

interface Frame {
  id?: string | null;
  ok?: boolean;
  data?: unknown;
  error?: { message: string };
  event?: string;
  payload?: unknown;
}

interface FirstRun {
  firstWordsMs: number | null;
  endMs: number;
  finishReason: string;
  /** When each load step was first reported, from the continue. */
  steps: Partial<Record<LoadStep, number>>;
  threads: string;
}

async function oneFreshRun(): Promise<FirstRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inkwell-bench-first-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');
  const server = await startServer({
    port: 0,
    dataDir: path.join(dir, 'data'),
    rendererDir,
    defaultModelPath: modelPath,
    templatesDir: path.resolve('resources', 'templates'),
  });
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}${WS_PATH}?token=${server.token}`);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 0;
  const replies = new Map<string, (frame: Frame) => void>();
  const listeners = new Set<(frame: Frame, at: number) => void>();
  socket.on('message', (data: WebSocket.RawData) => {
    const at = performance.now();
    const frame = JSON.parse(String(data)) as Frame;
    if (frame.event !== undefined) for (const listener of listeners) listener(frame, at);
    else if (typeof frame.id === 'string') replies.get(frame.id)?.(frame);
  });
  const call = <T>(channel: string, payload: unknown): Promise<T> => {
    const id = String(++nextId);
    return new Promise<T>((resolve, reject) => {
      replies.set(id, (frame) => {
        replies.delete(id);
        if (frame.ok) resolve(frame.data as T);
        else reject(new Error(`${channel}: ${frame.error?.message ?? 'failed'}`));
      });
      socket.send(JSON.stringify({ id, channel, payload }));
    });
  };
  try {
    const document = await call<{ id: string }>('documents.create', { title: 'Bench' });
    const generationId = randomUUID();
    const steps: Partial<Record<LoadStep, number>> = {};
    let firstWordsAt: number | null = null;
    let sentAt = 0;
    const ended = new Promise<{ at: number; finishReason: string }>((resolve) => {
      listeners.add((frame, at) => {
        if (frame.event === 'engine.loadProgress') {
          const { step } = frame.payload as LoadProgress;
          steps[step] ??= at - sentAt;
          return;
        }
        const payload = frame.payload as { generationId?: string; finishReason?: string };
        if (payload.generationId !== generationId) return;
        if (frame.event === 'generation.chunk') firstWordsAt ??= at;
        if (frame.event === 'generation.end') {
          resolve({ at, finishReason: payload.finishReason ?? '?' });
        }
      });
    });
    sentAt = performance.now();
    await call('continue.start', { generationId, documentId: document.id, textBeforeCursor: text });
    const end = await ended;
    const status = await call<{
      model: { threads: { prompt: number; generation: number; source: string } } | null;
    }>('engine.status', {});
    const threads = status.model
      ? `${status.model.threads.prompt}/${status.model.threads.generation} (${status.model.threads.source})`
      : '?';
    return {
      firstWordsMs: firstWordsAt === null ? null : firstWordsAt - sentAt,
      endMs: end.at - sentAt,
      finishReason: end.finishReason,
      steps,
      threads,
    };
  } finally {
    socket.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const STEPS: LoadStep[] = ['starting engine', 'validating', 'loading model', 'creating context'];

async function main(): Promise<void> {
  console.log(`\nInkwell first-continue benchmark — ${new Date().toISOString()}`);
  console.log(
    `machine: ${describeMachine()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`model: ${modelPath}; a new server and data folder for each run`);
  console.log(`server: ${serverModule === builtServer ? 'dist/ (built)' : 'sources under tsx'}\n`);
  const results: FirstRun[] = [];
  for (let run = 0; run < runs; run++) results.push(await oneFreshRun());
  const ms = (value: number | undefined | null) =>
    value === undefined || value === null ? '–' : value.toFixed(0);
  const header = ['run', ...STEPS.map((step) => `${step} at`), 'first words', 'end', 'threads p/g'];
  const rows = results.map((r, index) => [
    String(index + 1),
    ...STEPS.map((step) => ms(r.steps[step])),
    ms(r.firstWordsMs),
    `${ms(r.endMs)} (${r.finishReason})`,
    r.threads,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const format = (cells: readonly string[]) =>
    cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(format(row));
  const firsts = results.flatMap((r) => (r.firstWordsMs === null ? [] : [r.firstWordsMs]));
  const sorted = [...firsts].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `\nfirst words after the first Continue (ms from continue.start): median ${ms(median)}, ` +
      `range ${ms(sorted[0])}–${ms(sorted.at(-1))}; goal ≤ 5000 on the 2-core build machine`,
  );
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

await main();
