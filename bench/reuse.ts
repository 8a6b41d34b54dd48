/**
 * Prompt reuse benchmark: how soon a continue shows its first words when the engine already read
 * most of the prompt. A ~750-token document on GPT-2-124M-shaped models (f16 and q8_0, random
 * weights) through the app's own engine (a real model host process, threads as the app tunes
 * them): time to first token cold, after appending a sentence, after keeping a 40-token
 * continuation, and for an alternative (the same prompt again); generation speed over 128
 * tokens. With INKWELL_LLAMA_SERVER=http://127.0.0.1:8080 (a llama.cpp server started on the same
 * GGUF, e.g. built from node-llama-cpp's bundled release), the same cases through its
 * /completion endpoint with cache_prompt, for comparison.
 *
 *   node --import tsx bench/reuse.ts [--runs 3] [--types f16,q8_0] [--threads N]
 *
 * Figures only; nothing passes or fails. Goals: every warm case at most 10% of cold; cold and
 * generation at least 95% of llama.cpp's on the same GGUF and threads.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ConversionType } from '../electron/gguf/convertGpt2Checkpoint.js';
import type { CompletionOutcome } from '../electron/engine/engine.js';
import { EngineClient } from '../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../electron/engine/supervisor/forkModelHost.js';
import type { ResolvedGenerationParams } from '../shared/schemas/engine.js';
import { PROMPT_CHUNK_TOKENS } from '../electron/engine/host/promptCache.js';
import { benchModel, benchWorkDir } from './benchModel.js';
import { findLlamaBench, nativeFigures } from './llamaBench.js';
import { describeMachine } from './machine.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    types: { type: 'string', default: 'f16,q8_0' },
    threads: { type: 'string' },
  },
});
const runs = Math.max(1, Number(args.runs));
const types = (args.types ?? 'f16,q8_0').split(',') as ConversionType[];
const threads = args.threads === undefined ? undefined : Math.max(1, Number(args.threads));
const server = process.env.INKWELL_LLAMA_SERVER?.replace(/\/$/, '');
const llamaBench = await findLlamaBench();

const paragraph =
  'The harbour was quiet in the early morning, and the fishermen mended their nets on the ' +
  'stones while the gulls argued over what the night boats had left behind. ';
/**
 * About 750 tokens; each run starts with its own word, so a cold run shares nothing, and ends a
 * few words further on than the last, so that the end falls at different places in the last
 * prompt chunk (what an appended sentence reads again depends on it: up to a chunk).
 */
const documentFor = (run: number): string =>
  `Chapter ${run + 1}.\n\n${paragraph.repeat(23)}${'The tide turned. '.repeat(run % 7)}`;
const sentence = ' A bell rang somewhere in the town, and the dogs began to bark.';

const params = (maxTokens: number, seed: number): ResolvedGenerationParams => ({
  seed,
  temperature: 0.8,
  topK: 40,
  topP: 0.95,
  minP: 0.05,
  repeatPenalty: 1,
  repeatLastTokens: 0,
  maxTokens,
  stop: [],
});

interface Case {
  ttftMs: number;
  promptTokens: number;
  readTokens: number;
}
const CASES = ['cold', 'sentence appended', '40-token continuation kept', 'alternative'] as const;
type CaseName = (typeof CASES)[number];

/** One document through the four cases, in this order (each warms the next). */
async function casesThrough(
  run: (prompt: string, maxTokens: number) => Promise<{ text: string } & Case>,
  document: string,
): Promise<Record<CaseName, Case>> {
  const cold = await run(document, 40);
  const appended = await run(document + sentence, 40);
  const kept = await run(document + sentence + appended.text, 40);
  const alternative = await run(document + sentence + appended.text, 40);
  return {
    cold,
    'sentence appended': appended,
    '40-token continuation kept': kept,
    alternative,
  };
}

async function inkwellRun(engine: EngineClient, prompt: string, maxTokens: number, seed: number) {
  const outcome: CompletionOutcome = await engine.complete(
    { kind: 'text', text: prompt },
    params(maxTokens, seed),
    { fitted: () => {}, chunk: () => {} },
  ).done;
  const { timeToFirstTokenMs, promptTokens, reusedPromptTokens, tokensPerSecond } = outcome.timings;
  return {
    text: outcome.text,
    ttftMs: timeToFirstTokenMs ?? Number.NaN,
    promptTokens,
    readTokens: promptTokens - (reusedPromptTokens ?? 0),
    tokensPerSecond,
  };
}

interface ServerTimings {
  prompt_n: number;
  prompt_ms: number;
  predicted_per_second: number;
}

async function serverRun(prompt: string, maxTokens: number, seed: number) {
  const response = await fetch(`${server}/completion`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      prompt,
      n_predict: maxTokens,
      cache_prompt: true,
      seed,
      temperature: 0.8,
      top_k: 40,
      top_p: 0.95,
      min_p: 0.05,
      repeat_penalty: 1,
    }),
  });
  const body = (await response.json()) as {
    content: string;
    timings?: ServerTimings;
    tokens_evaluated?: number;
    error?: unknown;
  };
  if (!body.timings) {
    // This release's server refuses some outputs of a random-weight model (a 500 saying the
    // output 'does not match the expected Content-only format'); such a case counts as missing.
    serverFailures.push(JSON.stringify(body.error ?? body).slice(0, 160));
    return {
      text: '',
      ttftMs: Number.NaN,
      promptTokens: 0,
      readTokens: 0,
      tokensPerSecond: Number.NaN,
    };
  }
  return {
    text: body.content,
    ttftMs: body.timings.prompt_ms,
    promptTokens: body.tokens_evaluated ?? body.timings.prompt_n,
    readTokens: body.timings.prompt_n,
    tokensPerSecond: body.timings.predicted_per_second,
  };
}

const serverFailures: string[] = [];

const median = (values: number[]): number => {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function benchType(type: ConversionType): Promise<void> {
  const model = await benchModel(type);
  const engine = new EngineClient({
    spawnHost: () => forkModelHost({ quiet: true }),
    threadTuningFile: path.join(benchWorkDir, 'reuse-thread-tuning.json'),
  });
  try {
    const info = await engine.load({
      path: model,
      backend: 'cpu',
      ...(threads === undefined ? {} : { threads }),
    });
    const results: { inkwell: Record<CaseName, Case>[]; server: Record<CaseName, Case>[] } = {
      inkwell: [],
      server: [],
    };
    const speeds = { inkwell: [] as number[], server: [] as number[] };
    for (let run = 0; run < runs; run++) {
      // Interleaved, so that other load on the machine falls on both alike.
      results.inkwell.push(
        await casesThrough((prompt, max) => inkwellRun(engine, prompt, max, run), documentFor(run)),
      );
      speeds.inkwell.push((await inkwellRun(engine, documentFor(run), 128, run)).tokensPerSecond);
      if (server) {
        results.server.push(
          await casesThrough((prompt, max) => serverRun(prompt, max, run), documentFor(run)),
        );
        speeds.server.push((await serverRun(documentFor(run), 128, run)).tokensPerSecond);
      }
    }
    const { prompt, generation } = info.threads;
    console.log(
      `\n${type}: ${(info.sizeBytes / 2 ** 20).toFixed(0)} MiB, context ${info.contextSize}, llama.cpp ${info.engineBuild ?? 'prebuilt'} build, threads ${prompt} (prompt) / ${generation} (generation), ${info.threads.source}; ${runs} runs, medians`,
    );
    const rows: string[][] = [
      ['case', 'prompt tokens', 'read', 'Inkwell first token ms', '% of cold'],
    ];
    if (server) rows[0]?.push('llama.cpp server ms', '% of cold');
    for (const name of CASES) {
      const of = (list: Record<CaseName, Case>[], pick: (c: Case) => number) =>
        median(list.map((r) => pick(r[name])));
      const row = [
        name,
        String(of(results.inkwell, (c) => c.promptTokens)),
        String(of(results.inkwell, (c) => c.readTokens)),
        of(results.inkwell, (c) => c.ttftMs).toFixed(0),
        name === 'cold'
          ? ''
          : `${((100 * of(results.inkwell, (c) => c.ttftMs)) / median(results.inkwell.map((r) => r.cold.ttftMs))).toFixed(1)}%`,
      ];
      if (server) {
        row.push(
          of(results.server, (c) => c.ttftMs).toFixed(0),
          name === 'cold'
            ? ''
            : `${((100 * of(results.server, (c) => c.ttftMs)) / median(results.server.map((r) => r.cold.ttftMs))).toFixed(1)}%`,
        );
      }
      rows.push(row);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
    for (const row of rows)
      console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
    console.log(
      `sentence appended, per run: ${results.inkwell
        .map(
          (r) =>
            `${r['sentence appended'].readTokens} tokens read, ${((100 * r['sentence appended'].ttftMs) / r.cold.ttftMs).toFixed(1)}% of cold`,
        )
        .join('; ')}`,
    );
    const inkwellCold = median(results.inkwell.map((r) => r.cold.ttftMs));
    const line = [`generation (128 tokens): Inkwell ${median(speeds.inkwell).toFixed(1)} tokens/s`];
    if (server) {
      const serverCold = median(results.server.map((r) => r.cold.ttftMs));
      line.push(
        `llama.cpp server ${median(speeds.server).toFixed(1)} tokens/s (${((100 * median(speeds.inkwell)) / median(speeds.server)).toFixed(0)}%)`,
        `cold first token Inkwell at ${((100 * serverCold) / inkwellCold).toFixed(0)}% of the server's speed`,
      );
    }
    console.log(line.join('; '));
    if (serverFailures.length > 0) {
      console.log(
        `llama.cpp server refused ${serverFailures.length} requests: ${serverFailures[0]}`,
      );
      serverFailures.length = 0;
    }
    if (llamaBench) {
      const coldTokens = median(results.inkwell.map((r) => r.cold.promptTokens));
      const coldSpeed = (1000 * coldTokens) / inkwellCold;
      for (const batch of [PROMPT_CHUNK_TOKENS, 512]) {
        const native = await nativeFigures(llamaBench, model, {
          threads: prompt,
          promptTokens: coldTokens,
          newTokens: 128,
          batch,
        });
        console.log(
          `llama-bench, batch ${batch}, ${prompt} threads: prompt ${native.promptTokensPerSecond.toFixed(0)} tokens/s (Inkwell cold ${coldSpeed.toFixed(0)}, ${((100 * coldSpeed) / native.promptTokensPerSecond).toFixed(0)}%), generation ${native.tokensPerSecond.toFixed(1)} tokens/s (Inkwell ${((100 * median(speeds.inkwell)) / native.tokensPerSecond).toFixed(0)}%)`,
        );
      }
    }
  } finally {
    await engine.dispose();
  }
}

console.log(`Inkwell prompt reuse benchmark — ${new Date().toISOString()}`);
console.log(
  `machine: ${describeMachine()}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  server ? `llama.cpp server: ${server}` : 'llama.cpp server: none given (INKWELL_LLAMA_SERVER)',
);
console.log(
  `llama-bench: ${llamaBench ?? 'none (scripts/build-llama-server.sh builds one, or INKWELL_LLAMA_BENCH)'}`,
);
for (const type of types) await benchType(type);
