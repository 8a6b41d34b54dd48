/**
 * End-to-end continue benchmark: what the renderer sees. A real headless server (startServer:
 * HTTP + WebSocket + router + model host process + SQLite) and a `ws` client that sends
 * continue.start and times the events: time to the first chunk, and tokens per second from the
 * first chunk to the end. Against it, node-llama-cpp in this process (getLlama build 'never',
 * no GPU) on the same GPT-2-124M-shaped model (12 layers, 768 wide, 12 heads, 1024 positions,
 * q8_0, random weights), the same prompt text, sampler settings, seed, context and threads.
 * Both read their prompt cold (each run's text starts with its own words); a third row sends
 * each run's text again, which the engine answers from its kept prefix.
 *
 *   node --import tsx bench/continue.ts [--runs 5] [--threads N] [--tokens 128]
 *
 * Figures only; nothing passes or fails. The goal is the end-to-end path within 5% of in-process.
 */
import './singleLibuvWorker.js';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getLlama, LlamaCompletion, LlamaLogLevel } from 'node-llama-cpp';
import WebSocket from 'ws';
import { PROMPT_CHUNK_TOKENS } from '../electron/engine/host/promptCache.js';
import { startServer } from '../electron/server.js';
import type { ApiErrorShape } from '../shared/errors.js';
import type { GenerationTimings, LoadedModelInfo } from '../shared/schemas/engine.js';
import type {
  DocumentGenerationSettings,
  GenerationRecord,
} from '../shared/schemas/generations.js';
import { MAX_TEXT_BEFORE_CURSOR_CHARS } from '../shared/schemas/generations.js';
import { WS_PATH } from '../shared/wire.js';
import { benchModel } from './benchModel.js';
import { describeMachine } from './machine.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    threads: { type: 'string', default: String(Math.min(4, os.cpus().length)) },
    tokens: { type: 'string', default: '128' },
  },
});
const runs = Math.max(1, Number(args.runs));
const threads = Math.max(1, Number(args.threads));
const newTokens = Math.max(2, Number(args.tokens));
const passage =
  'The harbour was quiet in the early morning, and the fishermen mended their nets on the ' +
  'stones while the gulls argued over what the night boats had left behind. ';
/** About 250 tokens of prose before the cursor. */
const textBeforeCursor = passage.repeat(8);
/**
 * A 50,000-word document continued at its end: the renderer sends the tail of the text before
 * the cursor (MAX_TEXT_BEFORE_CURSOR_CHARS), and main must fit it into the context.
 */
const longDocumentTail = passage
  .repeat(Math.ceil(50_000 / passage.split(' ').length))
  .slice(-MAX_TEXT_BEFORE_CURSOR_CHARS);
/** Balanced-like sampling; repeat penalty off so that random weights cannot end early. */
const sampler = {
  temperature: 0.8,
  topK: 40,
  topP: 0.95,
  minP: 0.05,
  repeatPenalty: 1,
  repeatLastTokens: 0,
  maxTokens: newTokens,
  seed: 7,
};

interface Measure {
  ttftMs: number;
  tokensPerSecond: number;
  outputTokens: number;
}

/** A minimal renderer-side client: requests with ids, replies, and events by name. */
class BenchClient {
  private nextId = 0;
  private readonly pending = new Map<string, (frame: ReplyFrame) => void>();
  private readonly listeners = new Set<(event: string, payload: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data)) as ReplyFrame | EventFrameIn;
      if ('event' in frame)
        for (const listener of this.listeners) listener(frame.event, frame.payload);
      else if (frame.id !== null) this.pending.get(frame.id)?.(frame);
    });
  }

  static async connect(port: number, token: string): Promise<BenchClient> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}?token=${token}`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return new BenchClient(socket);
  }

  call<T>(channel: string, payload: unknown): Promise<T> {
    const id = String(++this.nextId);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, (frame) => {
        this.pending.delete(id);
        if (frame.ok) resolve(frame.data as T);
        else reject(new Error(`${channel}: ${frame.error.message}`));
      });
      this.socket.send(JSON.stringify({ id, channel, payload }));
    });
  }

  on(listener: (event: string, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.socket.close();
  }
}
type ReplyFrame =
  | { id: string | null; ok: true; data: unknown }
  | { id: string | null; ok: false; error: ApiErrorShape };
interface EventFrameIn {
  event: string;
  payload: unknown;
}

/** One continue as the renderer sees it: request sent → first chunk event → end event. */
async function continueOverWebSocket(
  client: BenchClient,
  documentId: string,
  text = textBeforeCursor,
): Promise<Measure & { generationId: string }> {
  let firstChunkAt: number | null = null;
  const generationId = randomUUID();
  let resolveEnd: (value: { at: number; timings: GenerationTimings }) => void = () => undefined;
  const ended = new Promise<{ at: number; timings: GenerationTimings }>((resolve) => {
    resolveEnd = resolve;
  });
  // The generation is named here, so its events are known from the first one.
  const unsubscribe = client.on((event, payload) => {
    const at = performance.now();
    if ((payload as { generationId?: string }).generationId !== generationId) return;
    if (event === 'generation.chunk') firstChunkAt ??= at;
    if (event === 'generation.end') {
      resolveEnd({ at, timings: (payload as { timings: GenerationTimings }).timings });
    }
  });
  const sentAt = performance.now();
  await client.call('continue.start', { generationId, documentId, textBeforeCursor: text });
  const end = await ended;
  unsubscribe();
  const first = firstChunkAt ?? end.at;
  const outputTokens = end.timings.outputTokens;
  return {
    generationId,
    ttftMs: first - sentAt,
    tokensPerSecond: outputTokens > 1 ? (outputTokens - 1) / ((end.at - first) / 1000) : 0,
    outputTokens,
  };
}

async function inProcessRuns(model: string, info: LoadedModelInfo) {
  const llama = await getLlama({
    gpu: false,
    build: 'never',
    maxThreads: threads,
    logLevel: LlamaLogLevel.warn,
    progressLogs: false,
  });
  const loaded = await llama.loadModel({ modelPath: model, gpuLayers: 0 });
  const context = await loaded.createContext({
    contextSize: info.contextSize,
    sequences: 1,
    threads: { ideal: threads, min: 1 },
    // As the host pins them for exact reuse (engine/host/promptCache.ts).
    batchSize: PROMPT_CHUNK_TOKENS,
    flashAttention: false,
  });
  const sequence = context.getSequence();
  const completion = new LlamaCompletion({ contextSequence: sequence });
  const once = async (prompt: string): Promise<Measure> => {
    await sequence.clearHistory();
    const startedAt = performance.now();
    let firstAt: number | null = null;
    let outputTokens = 0;
    await completion.generateCompletion(prompt, {
      ...sampler,
      repeatPenalty: false,
      onToken: (tokens) => {
        outputTokens += tokens.length;
      },
      onTextChunk: () => {
        firstAt ??= performance.now();
      },
      disableContextShift: true,
    });
    const endedAt = performance.now();
    const first = firstAt ?? endedAt;
    return {
      ttftMs: first - startedAt,
      tokensPerSecond: outputTokens > 1 ? (outputTokens - 1) / ((endedAt - first) / 1000) : 0,
      outputTokens,
    };
  };
  return {
    once,
    async dispose() {
      completion.dispose();
      await context.dispose();
      await loaded.dispose();
    },
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function main(): Promise<void> {
  const model = await benchModel('q8_0');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inkwell-bench-continue-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');
  const server = await startServer({ port: 0, dataDir: path.join(dir, 'data'), rendererDir });
  const client = await BenchClient.connect(server.port, server.token);
  try {
    const info = await client.call<LoadedModelInfo>('engine.load', {
      path: model,
      backend: 'cpu',
      threads,
    });
    const document = await client.call<{ id: string }>('documents.create', { title: 'Bench' });
    const settings = await client.call<DocumentGenerationSettings>('settings.getDocument', {
      documentId: document.id,
    });
    await client.call('settings.saveDocument', {
      ...settings,
      presetId: null,
      params: { ...settings.params, ...sampler, stopAt: 'none', stop: [] },
    });

    // Warm-up (also hashes the model once); each measured run then starts with its own words,
    // so that the engine has none of its prompt cached (a cold continue, like the in-process
    // run, which clears its sequence and reads the exact prompt text the engine was given).
    const warm = await continueOverWebSocket(
      client,
      document.id,
      `Warm-up.\n\n${textBeforeCursor}`,
    );
    const direct = await inProcessRuns(model, info);
    await direct.once((await waitForRecord(client, warm.generationId)).promptText);

    const endToEnd: Measure[] = [];
    const inProcess: Measure[] = [];
    const again: Measure[] = [];
    let promptTokens = 0;
    // Interleaved, so that other load on the machine falls on both sides alike.
    for (let run = 0; run < runs; run++) {
      const text = `Draft ${run + 1}.\n\n${textBeforeCursor}`;
      const cold = await continueOverWebSocket(client, document.id, text);
      endToEnd.push(cold);
      const record = await waitForRecord(client, cold.generationId);
      promptTokens = record.promptTokens;
      inProcess.push(await direct.once(record.promptText));
      // The same text again (an alternative): the engine reads at most its last chunk.
      again.push(await continueOverWebSocket(client, document.id, text));
    }
    await direct.dispose();

    // The long document: time to the first chunk (fitting 64,000 characters into the context)
    // and to a plan (what the status bar asks after each pause in typing).
    const long: Measure[] = [];
    const plans: number[] = [];
    for (let run = 0; run < runs; run++) {
      long.push(await continueOverWebSocket(client, document.id, longDocumentTail));
      const planAt = performance.now();
      await client.call('continue.plan', {
        documentId: document.id,
        textBeforeCursor: longDocumentTail,
      });
      plans.push(performance.now() - planAt);
    }

    console.log(`\nInkwell continue benchmark — ${new Date().toISOString()}`);
    console.log(`machine: ${describeMachine()}`);
    console.log(
      `model: GPT-2-124M shape (12 layers, 768 wide, 12 heads, 1024 positions), q8_0, ${(info.sizeBytes / 2 ** 20).toFixed(0)} MiB, context ${info.contextSize}, CPU, ${threads} threads`,
    );
    console.log(
      `prompt: ${promptTokens} tokens; new tokens: ${newTokens}; temperature ${sampler.temperature}, top-k ${sampler.topK}, top-p ${sampler.topP}, min-p ${sampler.minP}, seed ${sampler.seed}; ${runs} runs each, medians\n`,
    );
    const rows = [
      ['end to end (WebSocket → router → host → events), cold', endToEnd],
      ['node-llama-cpp in process, cold', inProcess],
      ['end to end, the same text again (prefix reused)', again],
    ] as const;
    const header = ['path', 'first chunk ms', 'tokens/s', 'output tokens'];
    const lines = rows.map(([label, measures]) => [
      label,
      median(measures.map((m) => m.ttftMs)).toFixed(1),
      median(measures.map((m) => m.tokensPerSecond)).toFixed(1),
      String(median(measures.map((m) => m.outputTokens))),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
    const format = (cells: readonly string[]) =>
      cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
    console.log(format(header));
    console.log(widths.map((width) => '-'.repeat(width)).join('  '));
    for (const line of lines) console.log(format(line));
    const ratio = (pick: (m: Measure) => number) =>
      median(endToEnd.map(pick)) / median(inProcess.map(pick));
    const speed = ratio((m) => m.tokensPerSecond);
    const ttft = ratio((m) => m.ttftMs);
    console.log(
      `\nratio end to end / in process (both cold): tokens/s ${speed.toFixed(3)} (${pct(speed - 1)}), first chunk ${ttft.toFixed(3)} (${pct(ttft - 1)}); goal: within 5%`,
    );
    const range = (values: number[]) =>
      `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
    console.log(
      `50,000-word document (the last ${longDocumentTail.length.toLocaleString('en')} characters sent): first chunk ${long[0]?.ttftMs.toFixed(0)} ms the first time, then median ${median(long.slice(1).map((m) => m.ttftMs)).toFixed(0)} ms (${range(long.slice(1).map((m) => m.ttftMs))}), continue.plan median ${median(plans).toFixed(0)} ms (${range(plans)})`,
    );
  } finally {
    client.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function pct(value: number): string {
  return `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
}

async function waitForRecord(client: BenchClient, id: string): Promise<GenerationRecord> {
  for (;;) {
    const record = await client.call<GenerationRecord>('history.get', { id });
    if (record.finishReason !== null) return record;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

await main();
