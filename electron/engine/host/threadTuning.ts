/**
 * Measuring the best thread counts for this machine and model. Prompt processing (batches of
 * tokens) usually gains from more threads; generating one token at a time on a small model often
 * does not (on a 2-core VM a 124M GPT-2 is fastest with 1 thread), so the two are measured apart.
 */
import os from 'node:os';
import type { Llama, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { TunedThreads, TuningRecord } from './threadTuningCache.js';

/** Counts worth trying: 1, 2, 4, … up to the number of cores, and the number of cores itself. */
export function threadCandidates(cores: number = os.cpus().length): number[] {
  const candidates = new Set<number>();
  for (let threads = 1; threads <= cores && threads <= 64; threads *= 2) candidates.add(threads);
  candidates.add(Math.max(1, Math.min(cores, 64)));
  return [...candidates].sort((a, b) => a - b);
}

/** Text to measure with: ordinary prose, so the tokens are like a writer's. */
const SAMPLE_TEXT =
  'The evening train came in late, and the station master walked the length of the platform ' +
  'with his lamp, counting the doors as they opened. Nobody got off. He wrote the time in his ' +
  'book, as he had every night for thirty years, and went back inside to the stove. ';

function sampleTokens(model: LlamaModel, count: number): Token[] {
  const unit = model.tokenize(SAMPLE_TEXT, false);
  const tokens: Token[] = [];
  while (tokens.length < count && unit.length > 0) tokens.push(...unit);
  return tokens.slice(0, count);
}

const MAX_GENERATION_MEASURE_MS = 1000;

interface Measurement {
  threads: number;
  promptTokensPerSecond: number;
  tokensPerSecond: number;
}

async function measureOnce(
  sequence: LlamaContextSequence,
  prompt: Token[],
  newTokens: number,
  signal?: AbortSignal,
): Promise<Omit<Measurement, 'threads'>> {
  await sequence.clearHistory();
  const start = performance.now();
  let firstTokenAt = 0;
  let generated = 0;
  // Greedy, so every candidate does the same work.
  for await (const _token of sequence.evaluate(prompt, { temperature: 0 })) {
    generated += 1;
    if (generated === 1) firstTokenAt = performance.now();
    if (generated > newTokens || signal?.aborted) break;
    // A count that is badly slow here (threads spinning against other programs) is already
    // known to lose; waiting for all its tokens would only make the load slower.
    if (generated > 2 && performance.now() - firstTokenAt > MAX_GENERATION_MEASURE_MS) break;
  }
  const end = performance.now();
  const promptSeconds = (firstTokenAt - start) / 1000;
  const generationSeconds = (end - firstTokenAt) / 1000;
  return {
    promptTokensPerSecond: promptSeconds > 0 ? prompt.length / promptSeconds : 0,
    tokensPerSecond:
      generated > 1 && generationSeconds > 0 ? (generated - 1) / generationSeconds : 0,
  };
}

/** Picks the fastest, preferring fewer threads when within 3% (they leave the CPU to others). */
function fastest(measurements: Measurement[], speed: (m: Measurement) => number): number {
  const best = Math.max(...measurements.map(speed));
  const good = measurements.filter((m) => speed(m) >= best * 0.97);
  return Math.min(...good.map((m) => m.threads));
}

/**
 * The counts a model starts with before it has been measured, so that measuring never holds the
 * writer's first continue: prompt batches gain from threads up to about four; generating one
 * token at a time on a small model gains little past half the cores (on 2 cores, 1 is fastest
 * for a 124M GPT-2), and leaves the other half to the window.
 */
export function startingThreads(cores: number = os.cpus().length): TunedThreads {
  return {
    prompt: Math.max(1, Math.min(cores, 4)),
    generation: Math.max(1, Math.min(4, Math.floor(cores / 2))),
  };
}

/** The measuring stopped because the sequence was needed (a writer's request came). */
export class TuningInterrupted extends Error {
  constructor() {
    super('Thread tuning was interrupted by a request.');
  }
}

/**
 * Measures every candidate count. `signal` interrupts it between (and within) measurements, so
 * a request that needs the sequence waits for at most one short evaluation; it then throws
 * TuningInterrupted and the sequence is left cleared.
 */
export async function measureBestThreads(
  llama: Llama,
  model: LlamaModel,
  sequence: LlamaContextSequence,
  candidates: number[] = threadCandidates(),
  signal?: AbortSignal,
): Promise<TuningRecord> {
  const contextSize = sequence.context.contextSize;
  const promptLength = Math.max(8, Math.min(128, Math.floor(contextSize / 2)));
  const newTokens = Math.max(2, Math.min(16, contextSize - promptLength - 2));
  const prompt = sampleTokens(model, promptLength);
  const ceiling = llama.maxThreads;
  const measurements: Measurement[] = [];
  try {
    // The first evaluation allocates buffers; it would make whichever count goes first look slow.
    llama.maxThreads = candidates[0] ?? 1;
    await measureOnce(sequence, prompt.slice(0, 8), 2, signal);
    // Two interleaved rounds, keeping each count's best: other programs on the machine slow
    // single measurements down at random, and the best is the closest to what the count can do.
    const best = new Map<number, Measurement>();
    for (let round = 0; round < 2; round++) {
      for (const threads of candidates) {
        if (signal?.aborted) throw new TuningInterrupted();
        llama.maxThreads = threads;
        const measured = await measureOnce(sequence, prompt, newTokens, signal);
        const previous = best.get(threads);
        best.set(threads, {
          threads,
          promptTokensPerSecond: Math.max(
            measured.promptTokensPerSecond,
            previous?.promptTokensPerSecond ?? 0,
          ),
          tokensPerSecond: Math.max(measured.tokensPerSecond, previous?.tokensPerSecond ?? 0),
        });
      }
    }
    if (signal?.aborted) throw new TuningInterrupted();
    measurements.push(...best.values());
  } finally {
    llama.maxThreads = ceiling;
    await sequence.clearHistory();
  }
  return {
    generation: fastest(measurements, (m) => m.tokensPerSecond),
    prompt: fastest(measurements, (m) => m.promptTokensPerSecond),
    measuredAt: new Date().toISOString(),
    measurements: measurements.map((m) => ({
      threads: m.threads,
      promptTokensPerSecond: Math.round(m.promptTokensPerSecond * 10) / 10,
      tokensPerSecond: Math.round(m.tokensPerSecond * 10) / 10,
    })),
  };
}
