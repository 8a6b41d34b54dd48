/**
 * Model engine benchmark: a GPT-2-124M-shaped GGUF (12 layers, 768 wide, 12 heads, 1024
 * positions, random weights, made locally by the converter), a 256-token prompt and 128 new
 * tokens, through the model host process and with node-llama-cpp in this process, at 1 and 2
 * threads and with the measured (auto-tuned) choice. Also the cancel latency.
 *
 *   node --import tsx bench/engine.ts [--type q8_0|f16|f32] [--runs 3]
 *
 * Figures only; nothing passes or fails. The model is cached in the OS temp folder.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ConversionType } from '../electron/gguf/convertGpt2Checkpoint.js';
import { runCompletion, type CompletionResult } from '../electron/engine/host/completionRunner.js';
import { fitPrompt } from '../electron/engine/host/promptFit.js';
import { EngineClient } from '../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../electron/engine/supervisor/forkModelHost.js';
import {
  disposeLoadedModel,
  loadModel,
  type LoadedModel,
} from '../electron/engine/host/modelLoader.js';
import type { ResolvedGenerationParams } from '../shared/schemas/engine.js';
import { benchModel, benchWorkDir as workDir } from './benchModel.js';
import { describeMachine } from './machine.js';

const { values: args } = parseArgs({
  options: { type: { type: 'string', default: 'q8_0' }, runs: { type: 'string', default: '3' } },
});
const type = args.type as ConversionType;
const runs = Math.max(1, Number(args.runs));
const PROMPT_TOKENS = 256;
const NEW_TOKENS = 128;
const tuningFile = path.join(workDir, `thread-tuning-${process.pid}.json`);

const params: ResolvedGenerationParams = {
  seed: 1,
  // Greedy: every configuration does exactly the same work.
  temperature: 0,
  topK: 40,
  topP: 0.95,
  minP: 0.05,
  repeatPenalty: 1,
  repeatLastTokens: 0,
  maxTokens: NEW_TOKENS,
  stop: [],
};

interface Row {
  mode: 'host process' | 'in process';
  threads: string;
  loadMs: number;
  ttftMs: number;
  promptTokensPerSecond: number;
  tokensPerSecond: number;
  promptTokens: number;
  outputTokens: number;
  rssMiB: number;
}

function rssMiBOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kib / 1024);
  } catch {
    return 0;
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function summarize(
  mode: Row['mode'],
  threads: string,
  loadMs: number,
  results: CompletionResult[],
  rssMiB: number,
): Row {
  const timings = results.map((result) => result.timings);
  return {
    mode,
    threads,
    loadMs: Math.round(loadMs),
    ttftMs: Math.round(median(timings.map((t) => t.timeToFirstTokenMs ?? 0))),
    promptTokensPerSecond: Math.round(median(timings.map((t) => t.promptTokensPerSecond))),
    tokensPerSecond: Math.round(median(timings.map((t) => t.tokensPerSecond)) * 10) / 10,
    promptTokens: timings[0]?.promptTokens ?? 0,
    outputTokens: timings[0]?.outputTokens ?? 0,
    rssMiB,
  };
}

/** A prose prompt of exactly PROMPT_TOKENS tokens for this tokenizer. */
function promptOf(loaded: LoadedModel): string {
  const passage =
    'The harbour was quiet in the early morning, and the fishermen mended their nets on the ' +
    'stones while the gulls argued over what the night boats had left behind. ';
  const tokens = loaded.model.tokenize(passage.repeat(20), false).slice(0, PROMPT_TOKENS);
  return loaded.model.detokenize(tokens);
}

async function inProcess(model: string, threads: number | undefined, prompt: string) {
  const started = performance.now();
  const loaded = await loadModel(
    {
      type: 'load',
      id: 'bench',
      path: model,
      backend: 'cpu',
      threadTuningFile: tuningFile,
      ...(threads !== undefined ? { threads } : {}),
    },
    () => undefined,
  );
  const loadMs = performance.now() - started;
  const never = new AbortController().signal;
  // Fitted inside each run, as the host does for each completion.
  const fitted = (maxTokens: number) =>
    fitPrompt(loaded, { kind: 'text', text: prompt }, maxTokens);
  await runCompletion(loaded, fitted(4), { ...params, maxTokens: 4 }, never, () => undefined);
  const results: CompletionResult[] = [];
  for (let run = 0; run < runs; run++) {
    results.push(
      await runCompletion(loaded, fitted(params.maxTokens), params, never, () => undefined),
    );
  }
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  const label =
    threads === undefined ? `auto ${describeThreads(loaded.info.threads)}` : `${threads}`;
  const row = summarize('in process', label, loadMs, results, rss);
  const cancel = await cancelLatencies(async (onChunk) => {
    const controller = new AbortController();
    const done = runCompletion(
      loaded,
      fitted(1000),
      { ...params, maxTokens: 1000 },
      controller.signal,
      onChunk,
    );
    return { cancel: () => controller.abort(), done: done.then((r) => r.finishReason) };
  });
  await disposeLoadedModel(loaded);
  return { row, cancel };
}

async function throughHost(model: string, threads: number | undefined, prompt: string) {
  const engine = new EngineClient({
    spawnHost: () => forkModelHost({ quiet: true }),
    threadTuningFile: tuningFile,
  });
  try {
    const started = performance.now();
    const info = await engine.load({
      path: model,
      backend: 'cpu',
      ...(threads !== undefined ? { threads } : {}),
    });
    const loadMs = performance.now() - started;
    if (threads === undefined) {
      // Auto loads with starting counts and measures once the host is idle; the row is the
      // measured counts' (the load time above is without the measuring).
      let status = await engine.measureMemory();
      while (status.model?.threads.source === 'default') {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = await engine.measureMemory();
      }
      if (status.model) info.threads = status.model.threads;
    }
    await engine.complete(
      { kind: 'text', text: prompt },
      { ...params, maxTokens: 4 },
      { fitted: () => {}, chunk: () => {} },
    ).done;
    const results: CompletionResult[] = [];
    for (let run = 0; run < runs; run++) {
      results.push(
        await engine.complete({ kind: 'text', text: prompt }, params, {
          fitted: () => {},
          chunk: () => {},
        }).done,
      );
    }
    const label = threads === undefined ? `auto ${describeThreads(info.threads)}` : `${threads}`;
    const row = summarize('host process', label, loadMs, results, rssMiBOf(engine.hostPid));
    const cancel = await cancelLatencies(async (onChunk) => {
      const handle = engine.complete(
        { kind: 'text', text: prompt },
        { ...params, maxTokens: 1000 },
        {
          fitted: () => {},
          chunk: onChunk,
        },
      );
      return { cancel: handle.cancel, done: handle.done.then((r) => r.finishReason) };
    });
    return { row, cancel, tuned: info.threads };
  } finally {
    await engine.dispose();
  }
}

function describeThreads(threads: { generation: number; prompt: number; source: string }): string {
  return `(gen ${threads.generation}, prompt ${threads.prompt}, ${threads.source})`;
}

/** Request → 'cancelled' done, cancelling after the 10th chunk, five times. */
async function cancelLatencies(
  start: (onChunk: () => void) => Promise<{ cancel: () => void; done: Promise<string> }>,
): Promise<{ medianMs: number; maxMs: number; reasons: string[] }> {
  const latencies: number[] = [];
  const reasons: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    let chunks = 0;
    let cancelledAt = 0;
    let cancel: () => void = () => undefined;
    const started = await start(() => {
      chunks += 1;
      if (chunks === 10) {
        cancelledAt = performance.now();
        cancel();
      }
    });
    cancel = started.cancel;
    reasons.push(await started.done);
    latencies.push(performance.now() - cancelledAt);
  }
  return {
    medianMs: Math.round(median(latencies) * 10) / 10,
    maxMs: Math.round(Math.max(...latencies) * 10) / 10,
    reasons,
  };
}

function printTable(rows: Row[]): void {
  const header = [
    'mode',
    'threads',
    'load ms',
    'TTFT ms',
    'prompt tok/s',
    'gen tok/s',
    'prompt/out tokens',
    'RSS MiB',
  ];
  const lines = rows.map((r) => [
    r.mode,
    r.threads,
    String(r.loadMs),
    String(r.ttftMs),
    String(r.promptTokensPerSecond),
    String(r.tokensPerSecond),
    `${r.promptTokens}/${r.outputTokens}`,
    String(r.rssMiB),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<void> {
  await mkdir(workDir, { recursive: true });
  const model = await benchModel(type);
  console.log(`\nInkwell engine benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${describeMachine()}`);
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `model: ${path.basename(model)} (GPT-2 124M shape, random weights), backend cpu; ` +
      `prompt ${PROMPT_TOKENS} tokens, ${NEW_TOKENS} new tokens, greedy; median of ${runs} runs after a warm-up\n`,
  );

  // The prompt text is made with the model's own tokenizer so it is exactly PROMPT_TOKENS long.
  const probe = await loadModel(
    { type: 'load', id: 'probe', path: model, backend: 'cpu', threads: 1 },
    () => undefined,
  );
  const prompt = promptOf(probe);
  await disposeLoadedModel(probe);

  const rows: Row[] = [];
  const cancels: string[] = [];
  // Auto first: it measures and remembers; the later auto run (in process) reuses the result.
  const tuningStarted = performance.now();
  const hostAuto = await throughHost(model, undefined, prompt);
  console.log(
    `auto-tuned threads: ${describeThreads(hostAuto.tuned)} — load and measuring (at idle) took ${Math.round(performance.now() - tuningStarted)} ms in all`,
  );
  rows.push(hostAuto.row);
  cancels.push(`host process, auto: ${JSON.stringify(hostAuto.cancel)}`);
  for (const threads of [1, 2]) rows.push((await throughHost(model, threads, prompt)).row);
  for (const threads of [undefined, 1, 2]) {
    const result = await inProcess(model, threads, prompt);
    rows.push(result.row);
    if (threads === undefined) cancels.push(`in process, auto: ${JSON.stringify(result.cancel)}`);
  }
  console.log('');
  printTable(rows);
  console.log(
    '\ncancel latency (cancel() → done with finish reason), after the 10th chunk, 5 tries:',
  );
  for (const line of cancels) console.log(`  ${line}`);
  console.log(
    '\nRSS: host process = the host child alone (/proc VmRSS); in process = this whole process, ' +
      'including models loaded earlier in the run.',
  );
  await rm(tuningFile, { force: true });
}

await main();
