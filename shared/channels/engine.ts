import { z } from 'zod';
import {
  MAX_CONTEXT_SIZE,
  MAX_PATH_CHARS,
  MAX_PROMPT_CHARS,
  apiErrorShape,
  backendChoice,
  engineStatus,
  finishReason,
  generationParams,
  generationTimings,
  gpuLayersChoice,
  loadProgress,
  loadedModelInfo,
  modelFileSummary,
  tokenCount,
} from '../schemas/engine.js';

const modelPath = z.string().min(1).max(MAX_PATH_CHARS);
const empty = z.object({}).strict();
/** Generation ids are minted by main (UUIDs); the renderer only echoes them back. */
const generationId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'not a generation id');

/**
 * How long after a key that kept suggested text the writer still counts as typing: streamed
 * tokens are not drawn, and the model does not compute, until they have paused this long.
 */
export const TYPING_PAUSE_MS = 400;

export const engineChannels = {
  'models.validate': {
    request: z.object({ path: modelPath }).strict(),
    response: modelFileSummary,
  },
  'engine.load': {
    request: z
      .object({
        path: modelPath,
        backend: backendChoice.optional(),
        contextSize: z.number().int().min(16).max(MAX_CONTEXT_SIZE).optional(),
        /** Overrides the measured thread counts for both prompt and generation. */
        threads: z.number().int().min(1).max(256).optional(),
        gpuLayers: gpuLayersChoice.optional(),
      })
      .strict(),
    response: loadedModelInfo,
  },
  'engine.unload': {
    request: empty,
    response: engineStatus,
  },
  'engine.status': {
    request: empty,
    response: engineStatus,
  },
  /** The status with the loaded model's memory measured again now; loads nothing. */
  'engine.measureMemory': {
    request: empty,
    response: engineStatus,
  },
  'engine.countTokens': {
    request: z.object({ text: z.string().max(MAX_PROMPT_CHARS) }).strict(),
    response: tokenCount,
  },
  'generation.start': {
    request: z
      .object({
        prompt: z.string().max(MAX_PROMPT_CHARS),
        params: generationParams.default(generationParams.parse({})),
      })
      .strict(),
    /** The seed is reported so that the generation can be stored and replayed. */
    response: z.object({ generationId: z.string(), seed: z.number().int() }),
  },
  'generation.cancel': {
    request: z.object({ generationId }).strict(),
    /** false when the generation had already ended (or never existed): nothing to cancel. */
    response: z.object({ cancelled: z.boolean() }),
  },
  /**
   * The writer typed through this generation's text just now: its next token waits until they
   * pause (TYPING_PAUSE_MS after their last key), so that the model does not take the CPU their
   * keystrokes need. false when the generation had already ended.
   */
  'generation.typing': {
    request: z.object({ generationId }).strict(),
    response: z.object({ held: z.boolean() }),
  },
} as const;

export const engineEvents = {
  'generation.chunk': z.object({ generationId: z.string(), text: z.string() }),
  'generation.end': z.object({
    generationId: z.string(),
    finishReason,
    /** Set when finishReason is 'error'. */
    error: apiErrorShape.optional(),
    timings: generationTimings,
    /** The whole generated text (the chunks joined), stop strings excluded. */
    text: z.string(),
    seed: z.number().int(),
  }),
  'engine.status': engineStatus,
  'engine.loadProgress': loadProgress,
} as const;
