import { z } from 'zod';
import { errorCodes, isLocalizedMessage, type LocalizedMessage } from '../errors.js';

/** A prompt is the text before the cursor; the engine trims it to fit, but a request has a cap. */
export const MAX_PROMPT_CHARS = 400_000;
export const MAX_PATH_CHARS = 4096;
export const MAX_STOP_STRINGS = 8;
export const MAX_STOP_STRING_CHARS = 64;
/** GPT-2 has 1024 positions; larger contexts are allowed for other models, within reason. */
export const MAX_CONTEXT_SIZE = 32_768;
export const MAX_NEW_TOKENS = 4096;
/** Banned words and word biases: each list and each word's length. */
export const MAX_WORDS = 64;
export const MAX_WORD_CHARS = 64;
/** Seeds are 32-bit in llama.cpp's sampler. */
export const MAX_SEED = 0xffff_ffff;

/** What the writer asks for; 'cpu' means no GPU at all, 'auto' lets node-llama-cpp pick. */
export const backendChoice = z.enum(['auto', 'cpu', 'cuda', 'vulkan', 'metal']);
export type BackendChoice = z.infer<typeof backendChoice>;

/** What actually runs the model after any fallback. */
export const backendInUse = z.enum(['cpu', 'cuda', 'vulkan', 'metal']);
export type BackendInUse = z.infer<typeof backendInUse>;

export const gpuLayersChoice = z.union([
  z.number().int().min(0).max(10_000),
  z.enum(['auto', 'max']),
]);
export type GpuLayersChoice = z.infer<typeof gpuLayersChoice>;

/**
 * Sampling parameters. Defaults are filled in at the router, so a stored generation always has
 * the full set it ran with; a missing seed is chosen by the service and reported back, so any
 * generation can be replayed exactly.
 */
export const generationParams = z
  .object({
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    /** 0 is greedy: always the most likely token. */
    temperature: z.number().min(0).max(2).default(0.8),
    /** 0 disables top-k (the whole vocabulary is considered). */
    topK: z.number().int().min(0).max(1_000_000).default(40),
    /** 1 disables top-p. */
    topP: z.number().min(0).max(1).default(0.95),
    /** 0 disables min-p. */
    minP: z.number().min(0).max(1).default(0.05),
    /** 1 disables the repeat penalty. */
    repeatPenalty: z.number().min(1).max(3).default(1.1),
    /** How many of the most recent generated tokens the repeat penalty looks at. */
    repeatLastTokens: z.number().int().min(0).max(4096).default(64),
    // The penalties and word lists below are optional (absent: off, none), so parameters
    // written before they existed, or by an engine that lacks them, still read the same.
    /** Lowers a token by this much for each time it is among the recent tokens; 0 is off. */
    frequencyPenalty: z.number().min(0).max(1).optional(),
    /** Lowers every token that is among the recent tokens by this much, once; 0 is off. */
    presencePenalty: z.number().min(0).max(1).optional(),
    /**
     * DRY ("don't repeat yourself"): how hard a token that would repeat a sequence already in the
     * continuation is held back, growing with the length of the repeat; 0 is off.
     */
    dryStrength: z.number().min(0).max(5).optional(),
    /** DRY lets repeats of up to this many tokens through (absent: 2). */
    dryAllowedLength: z.number().int().min(1).max(20).optional(),
    /** Whether a line break counts as a repeat for the penalties (absent: it does). */
    penalizeNewLine: z.boolean().optional(),
    /** Words and phrases the model must never write (every tokenization listed in wordBias.ts). */
    bannedWords: z.array(z.string().min(1).max(MAX_WORD_CHARS)).max(MAX_WORDS).optional(),
    /** Words made likelier (+) or less likely (−), in logits: −10 almost never, +10 very often. */
    wordBiases: z
      .array(
        z
          .object({
            word: z.string().min(1).max(MAX_WORD_CHARS),
            bias: z.number().min(-10).max(10),
          })
          .strict(),
      )
      .max(MAX_WORDS)
      .optional(),
    maxTokens: z.number().int().min(1).max(MAX_NEW_TOKENS).default(80),
    /** Generation ends before any of these strings; they are not part of the output. */
    stop: z.array(z.string().min(1).max(MAX_STOP_STRING_CHARS)).max(MAX_STOP_STRINGS).default([]),
  })
  .strict();
export type GenerationParamsInput = z.input<typeof generationParams>;
export type GenerationParams = z.output<typeof generationParams>;
/** Parameters as the model host receives them: every field, seed included, is decided. */
export type ResolvedGenerationParams = GenerationParams & { seed: number };

export const finishReason = z.enum(['stop', 'length', 'cancelled', 'error']);
export type FinishReason = z.infer<typeof finishReason>;

export const generationTimings = z.object({
  /** From the request reaching the model host to the first generated token; null if none came. */
  timeToFirstTokenMs: z.number().nonnegative().nullable(),
  /** Tokens of the prompt after trimming, as the model saw them. */
  promptTokens: z.number().int().nonnegative(),
  /** Tokens cut from the start of the prompt so that prompt + maxTokens fits the context. */
  droppedPromptTokens: z.number().int().nonnegative(),
  /**
   * Prompt tokens the engine already had evaluated (a prefix kept from the last request) and
   * did not read again; absent in generations recorded before it was kept.
   */
  reusedPromptTokens: z.number().int().nonnegative().optional(),
  outputTokens: z.number().int().nonnegative(),
  /** Generation speed after the first token. */
  tokensPerSecond: z.number().nonnegative(),
  /** Prompt processing speed (prompt tokens over the time to the first token). */
  promptTokensPerSecond: z.number().nonnegative(),
  totalMs: z.number().nonnegative(),
});
export type GenerationTimings = z.infer<typeof generationTimings>;

export const threadSettings = z.object({
  /** Threads used while generating tokens one by one. */
  generation: z.number().int().positive(),
  /** Threads used while reading the prompt in batches. */
  prompt: z.number().int().positive(),
  /** user: the load request said so; tuned: measured now; remembered: measured earlier on this machine. */
  source: z.enum(['user', 'tuned', 'remembered', 'default']),
});
export type ThreadSettings = z.infer<typeof threadSettings>;

/**
 * What the loaded model costs, measured in the model host (not estimated): after the load, and
 * again whenever the writer asks (engine.measureMemory).
 */
export const modelMemory = z.object({
  /** The weights as llama.cpp holds them (LlamaModel.size; with mmap, pages may be shared). */
  modelBytes: z.number().nonnegative(),
  /** The context's state, mostly the KV cache (LlamaContext.stateSize). */
  contextBytes: z.number().nonnegative(),
  /** Resident memory of the whole model host process: weights, context and the runtime. */
  hostRssBytes: z.number().nonnegative(),
  /** GPU memory in use now beyond what was in use before the load; null on the CPU. */
  vramBytes: z.number().nonnegative().nullable(),
  /** Free and total GPU memory when measured; null on the CPU. */
  freeVramBytes: z.number().nonnegative().nullable(),
  totalVramBytes: z.number().nonnegative().nullable(),
  /** When it was measured (ms since the epoch). */
  measuredAt: z.number().int(),
});
export type ModelMemory = z.infer<typeof modelMemory>;

export const loadedModelInfo = z.object({
  path: z.string(),
  fileName: z.string(),
  architecture: z.string(),
  description: z.string(),
  sizeBytes: z.number().nonnegative(),
  contextSize: z.number().int().positive(),
  trainContextSize: z.number().int().nonnegative(),
  layers: z.number().int().nonnegative(),
  embeddingSize: z.number().int().nonnegative(),
  vocabularySize: z.number().int().nonnegative(),
  backend: backendInUse,
  /** Names of the GPU devices in use; empty on the CPU. */
  devices: z.array(z.string()),
  gpuLayers: z.number().int().nonnegative(),
  /** Why the requested GPU backend is not in use, in words the UI can show; null if it is. */
  fallbackReason: z.string().nullable(),
  /** The fallback reason by its i18n key, for the UI to show in the writer's language. */
  fallbackReasonLocalized: localizedMessage(),
  threads: threadSettings,
  /**
   * Which llama.cpp library runs it: node-llama-cpp's prebuilt binaries, or a build made on this
   * machine from the same release (`npm run build:engine`), which is faster on some CPUs.
   */
  engineBuild: z.enum(['prebuilt', 'local']).optional(),
  loadMs: z.number().nonnegative(),
  memory: modelMemory,
  /**
   * Set when the engine is a remote OpenAI-compatible server rather than a local file: then
   * `path` is the server's address, `fileName` the model's name there, and the local-only
   * fields (backend, memory, layers) say nothing.
   */
  remote: z
    .object({
      baseUrl: z.string(),
      /** host:port, as the status bar shows it. */
      host: z.string(),
      model: z.string(),
      /** server: counts come from the server's /tokenize; estimate: it has none. */
      tokenizer: z.enum(['server', 'estimate']),
      /** Where the context size came from: the writer, the server (/props), or a default. */
      contextSource: z.enum(['writer', 'server', 'assumed']),
    })
    .optional(),
});
export type LoadedModelInfo = z.infer<typeof loadedModelInfo>;

export const engineState = z.enum(['idle', 'loading', 'ready', 'crashed']);
export type EngineState = z.infer<typeof engineState>;

export const engineStatus = z.object({
  state: engineState,
  /** The loaded model with its backend, devices, fallback reason and threads; null when none. */
  model: loadedModelInfo.nullable(),
  /** The model being loaded (state 'loading'), so the UI can name it. */
  loadingPath: z.string().nullable(),
  /** Why the engine is not ready (a crash, a failed load), in words for the writer; else null. */
  message: z.string().nullable(),
  /** The message by its i18n key (absent when there is none or it has no key). */
  messageLocalized: localizedMessage(),
  /**
   * Something the writer should know about the model that is loaded, e.g. that the last-used
   * model was missing or broken and the demo model was loaded instead; null when nothing.
   */
  notice: z.string().nullable(),
  /** The notice by its i18n key. */
  noticeLocalized: localizedMessage(),
});
export type EngineStatus = z.infer<typeof engineStatus>;

export const loadStep = z.enum([
  'starting engine',
  'validating',
  'loading model',
  'creating context',
]);
export type LoadStep = z.infer<typeof loadStep>;

export const loadProgress = z.object({
  path: z.string(),
  step: loadStep,
  /** 0..1 within the step where it is known (loading the weights), else null. */
  progress: z.number().min(0).max(1).nullable(),
});
export type LoadProgress = z.infer<typeof loadProgress>;

/** What the GGUF check says about a file before llama.cpp sees it. */
export const modelFileSummary = z.object({
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().nonnegative(),
  ggufVersion: z.number().int(),
  architecture: z.string(),
  name: z.string().nullable(),
  contextLength: z.number().int().nonnegative(),
  layers: z.number().int().nonnegative(),
  embeddingSize: z.number().int().nonnegative(),
  heads: z.number().int().nonnegative(),
  vocabularySize: z.number().int().nonnegative(),
  parameterCount: z.number().int().nonnegative(),
  tensorCount: z.number().int().nonnegative(),
  /** Readable weight type, e.g. "Q8_0 (mostly)". */
  quantization: z.string(),
});
export type ModelFileSummary = z.infer<typeof modelFileSummary>;

export const tokenCount = z.object({
  tokens: z.number().int().nonnegative(),
  /** The loaded model's context, so the UI can show how much of it the text uses. */
  contextSize: z.number().int().positive(),
});
export type TokenCount = z.infer<typeof tokenCount>;

/** An ApiError as it travels inside an event or a host message (see shared/errors.ts). */
export const apiErrorShape = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z
    .array(z.object({ path: z.string(), message: z.string(), localized: localizedMessage() }))
    .optional(),
  localized: localizedMessage(),
});

/** An i18n key with its values; one that is malformed or too large is dropped, not an error. */
export function localizedMessage() {
  return z
    .custom<LocalizedMessage>((value) => isLocalizedMessage(value))
    .optional()
    .catch(undefined);
}
