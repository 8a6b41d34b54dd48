/**
 * Token probabilities benchmark, through the app's own engine (a real model host process):
 *
 * 1. Generation speed with each token's probability and top-10 alternatives on vs off, 128 new
 *    tokens after a ~100-token prompt: the Balanced sampler; greedy (temperature 0, where the
 *    engine samples the top GREEDY_CANDIDATES and feeds back the most likely token); and
 *    temperature 1 over the whole vocabulary (no top-k, top-p or min-p: only the chosen
 *    token's probability).
 * 2. The time from choosing another token (a branch: the text cut after token k, the chosen
 *    token put in) to the first new token, against a cold continue of the same text in a host
 *    that has read none of it; a document that fills most of the context.
 * 3. How much of the model's whole distribution greedy's GREEDY_CANDIDATES candidates hold (its
 *    shown probabilities are renormalised over them, so they are this share too high): the
 *    whole distribution at each greedy token, from node-llama-cpp in this process.
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
import { getLlama, LlamaLogLevel, type Token } from 'node-llama-cpp';
import type { ConversionType } from '../electron/gguf/convertGpt2Checkpoint.js';
import type { CompletionOutcome } from '../electron/engine/engine.js';
import { EngineClient } from '../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../electron/engine/supervisor/forkModelHost.js';
import type { ResolvedGenerationParams } from '../shared/schemas/engine.js';
import { GREEDY_CANDIDATES, type TokenStep } from '../shared/schemas/tokenSteps.js';
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

/** Temperature 1 with no truncation: the sampled distribution is the whole vocabulary. */
const untruncated = (seed: number, maxTokens: number): ResolvedGenerationParams => ({
  ...balanced(seed, maxTokens),
  temperature: 1,
  topK: 0,
  topP: 1,
  minP: 0,
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

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
};
const median = (values: number[]): number => quantile(values, 0.5);
/** The figures' spread: lowest–highest. */
const range = (values: number[]): string =>
  `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;

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
      [`greedy (top ${GREEDY_CANDIDATES} sampled, the likeliest fed back)`, greedy],
      ['temperature 1, whole vocabulary (chosen token only)', untruncated],
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
      // Each run's on/off pair ran back to back: their ratios show how much the load moved.
      const pairs = on.map((value, run) => (100 * value) / (off[run] as number));
      console.log(
        `  speed, ${label}: ${median(on).toFixed(1)} tok/s with probabilities (${range(on)}), ${median(off).toFixed(1)} without (${range(off)}): ${(100 * ratio).toFixed(1)}% (goal ≥ 90%; run by run ${range(pairs)}%, median ${median(pairs).toFixed(1)}%)`,
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

/**
 * At each token of a greedy run, the share of the whole distribution (after the same repetition
 * penalty) that the GREEDY_CANDIDATES most likely tokens hold. Slow (all ~50,000 probabilities
 * each token), so in this process, not through the engine.
 */
async function greedyCandidateShare(file: string, label: string): Promise<void> {
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath: file });
  const context = await model.createContext({ contextSize: 512, threads: 2 });
  try {
    const sequence = context.getSequence();
    const shares: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await sequence.clearHistory();
      const written: Token[] = [];
      const evaluation = sequence.evaluateWithMetadata(
        model.tokenize(shortPrompt(run)),
        { probabilities: true },
        {
          temperature: 0,
          repeatPenalty: { punishTokens: () => written.slice(-64), penalty: 1.1 },
          yieldEogToken: true,
        },
      );
      for await (const { token, probabilities } of evaluation) {
        let share = 0;
        let counted = 0;
        for (const p of probabilities.values()) {
          if (counted++ === GREEDY_CANDIDATES) break;
          share += p;
        }
        shares.push(share);
        written.push(token);
        if (written.length >= 64 || model.isEogToken(token)) break;
      }
    }
    console.log(
      `  greedy's top ${GREEDY_CANDIDATES} candidates (${label}): hold a median ${(100 * median(shares)).toFixed(1)}% of the model's whole distribution (10th percentile ${(100 * quantile(shares, 0.1)).toFixed(1)}%, lowest ${(100 * Math.min(...shares)).toFixed(1)}%; ${shares.length} tokens): shown probabilities are renormalised over them, that much too high`,
    );
  } finally {
    await context.dispose();
    await model.dispose();
  }
}

console.log(`Token probabilities benchmark — ${describeMachine()}`);
for (const type of types) {
  await benchModelFile(type);
  await greedyCandidateShare(
    type === 'demo' ? demoModel : await benchModel(type as ConversionType),
    type === 'demo' ? 'the demo model' : `random ${type}`,
  );
}
