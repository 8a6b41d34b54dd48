/**
 * Token probabilities benchmark, through the app's own engine (a real model host process):
 *
 * 1. Generation speed with each token's probability and top-10 alternatives on vs off (the
 *    Balanced sampler, and greedy, where the engine hands over the whole vocabulary's
 *    distribution at every token), 128 new tokens after a ~100-token prompt.
 * 2. The time from choosing another token (a branch: the text cut after token k, the chosen
 *    token put in) to the first new token, against a cold continue of the same text in a host
 *    that has read none of it; a document that fills most of the context.
 *
 *   node --import tsx bench/probabilities.ts [--runs 5] [--types demo,q8_0]
 *
 * `demo` is the bundled gpt2-brown-mini (a real distribution); q8_0 and f16 are the
 * GPT-2-124M-shaped models of bench/benchModel.ts (random weights). Figures only; nothing
 * passes or fails. Goals: speed with probabilities at least 90% of without; a branch's first
 * token within 10% of a cold continue's time.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ConversionType } from '../electron/gguf/convertGpt2Checkpoint.js';
import type { CompletionOutcome } from '../electron/engine/engine.js';
import { EngineClient } from '../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../electron/engine/supervisor/forkModelHost.js';
import type { ResolvedGenerationParams } from '../shared/schemas/engine.js';
import type { TokenStep } from '../shared/schemas/tokenSteps.js';
import { benchModel, benchWorkDir } from './benchModel.js';
import { describeMachine } from './machine.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    types: { type: 'string', default: 'demo,q8_0' },
  },
});
const runs = Math.max(1, Number(args.runs));
const types = (args.types ?? 'demo,q8_0').split(',');
const demoModel = fileURLToPath(
  new URL('../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);

const paragraph =
  'The harbour was quiet in the early morning, and the fishermen mended their nets on the ' +
  'stones while the gulls argued over what the night boats had left behind. ';
const shortPrompt = (run: number): string => `Chapter ${run + 1}.\n\n${paragraph.repeat(3)}`;
/** The paragraph is about 33 tokens. */
const PARAGRAPH_TOKENS = 33;
/**
 * Most of the context (room left for the continuation and the branch); each run starts with its
 * own word, so the cold host shares nothing with it.
 */
const longDocument = (run: number, contextSize: number): string =>
  `Part ${run + 1}.\n\n${paragraph.repeat(Math.floor((contextSize - 120) / PARAGRAPH_TOKENS))}`;

const balanced = (seed: number, maxTokens: number): ResolvedGenerationParams => ({
  seed,
  temperature: 0.8,
  topK: 40,
  topP: 0.95,
  minP: 0.05,
  repeatPenalty: 1.1,
  repeatLastTokens: 64,
  maxTokens,
  stop: [],
});
const greedy = (seed: number, maxTokens: number): ResolvedGenerationParams => ({
  ...balanced(seed, maxTokens),
  temperature: 0,
});

async function complete(
  engine: EngineClient,
  prompt: string,
  params: ResolvedGenerationParams,
  withSteps: boolean,
): Promise<{ outcome: CompletionOutcome; steps: TokenStep[] }> {
  const steps: TokenStep[] = [];
  const outcome = await engine.complete({ kind: 'text', text: prompt }, params, {
    fitted: () => {},
    chunk: () => {},
    ...(withSteps ? { steps: (more: TokenStep[]) => steps.push(...more) } : {}),
  }).done;
  return { outcome, steps };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function hostFor(name: string): EngineClient {
  return new EngineClient({
    spawnHost: () => forkModelHost({ quiet: true }),
    threadTuningFile: path.join(benchWorkDir, `probabilities-${name}-threads.json`),
  });
}

async function benchModelFile(type: string): Promise<void> {
  const file = type === 'demo' ? demoModel : await benchModel(type as ConversionType);
  const warm = hostFor('warm');
  const cold = hostFor('cold');
  try {
    const info = await warm.load({ path: file, backend: 'cpu' });
    await cold.load({ path: file, backend: 'cpu' });
    console.log(
      `\n${type === 'demo' ? 'demo (gpt2-brown-mini q8_0)' : `GPT-2-124M-shaped ${type}`}: context ${info.contextSize}, threads ${info.threads.prompt} (prompt) / ${info.threads.generation} (generation); ${runs} runs, medians`,
    );

    // 1. Speed, on and off interleaved so that the machine's other load falls on both alike.
    for (const [label, sampler] of [
      ['Balanced', balanced],
      ['greedy (whole vocabulary)', greedy],
    ] as const) {
      const on: number[] = [];
      const off: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const order = run % 2 === 0 ? [true, false] : [false, true];
        for (const withSteps of order) {
          const { outcome } = await complete(warm, shortPrompt(run), sampler(run, 128), withSteps);
          (withSteps ? on : off).push(outcome.timings.tokensPerSecond);
        }
      }
      const ratio = median(on) / median(off);
      console.log(
        `  speed, ${label}: ${median(on).toFixed(1)} tok/s with probabilities, ${median(off).toFixed(1)} without: ${(100 * ratio).toFixed(1)}% (goal ≥ 90%)`,
      );
    }

    // 2. Branch: the warm host has just written the continuation the writer branches from.
    const branchTtft: number[] = [];
    const coldTtft: number[] = [];
    const reread: number[] = [];
    let promptTokens = 0;
    for (let run = 0; run < runs; run += 1) {
      const document = longDocument(run, info.contextSize);
      const { steps } = await complete(warm, document, balanced(run, 40), true);
      const k = Math.min(12, steps.length - 1);
      const chosen = steps[k]?.alternatives.find((alt) => alt.text !== steps[k]?.text);
      if (!chosen) continue;
      const prefix = steps
        .slice(0, k)
        .map((step) => step.text)
        .join('');
      const branched = `${document}${prefix}${chosen.text}`;
      const branch = await complete(warm, branched, balanced(run + 100, 40), true);
      const fresh = await complete(cold, branched, balanced(run + 100, 40), true);
      branchTtft.push(branch.outcome.timings.timeToFirstTokenMs ?? Number.NaN);
      coldTtft.push(fresh.outcome.timings.timeToFirstTokenMs ?? Number.NaN);
      promptTokens = branch.outcome.timings.promptTokens;
      reread.push(promptTokens - (branch.outcome.timings.reusedPromptTokens ?? 0));
      if (branch.outcome.text !== fresh.outcome.text) {
        console.log(`  (run ${run}: the branch and the cold continue differ: not exact!)`);
      }
    }
    console.log(
      `  branch from a token (${promptTokens}-token prompt): first new token after ${median(branchTtft).toFixed(0)} ms (${median(reread)} prompt tokens read again) vs a cold continue of the same text ${median(coldTtft).toFixed(0)} ms: ${((100 * median(branchTtft)) / median(coldTtft)).toFixed(1)}% (goal ≤ 10%)`,
    );
  } finally {
    await warm.dispose();
    await cold.dispose();
  }
}

console.log(`Token probabilities benchmark — ${describeMachine()}`);
for (const type of types) await benchModelFile(type);
