import { z } from 'zod';
import {
  MAX_PROMPT_CHARS,
  apiErrorShape,
  finishReason,
  generationParams,
  generationTimings,
} from '../schemas/engine.js';

/** Generation ids are minted by main (UUIDs); the renderer only echoes them back. */
const generationId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'not a generation id');

/**
 * How long after a key that kept suggested text the writer still counts as typing: streamed
 * tokens are not drawn, and the model does not compute, until they have paused this long.
 */
export const TYPING_PAUSE_MS = 400;

/**
 * While the writer types through a suggestion the model is still writing, it stays this far
 * ahead of them and waits: on a machine with few cores a computing model slows each of their
 * keys about twofold (bench/typingLatency.ts, its control row). It writes on once they come
 * nearer its end than this, or stop typing for WRITER_ENGAGED_MS.
 */
export const LOOKAHEAD_CHARS = 200;
export const WRITER_ENGAGED_MS = 2_000;

export const generationChannels = {
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
   * pause (TYPING_PAUSE_MS after this request), so that the model does not take the CPU their
   * keystrokes need. The editor renews it while they keep typing through a suggestion that is
   * far enough ahead of them. false when the generation had already ended.
   */
  'generation.typing': {
    request: z.object({ generationId }).strict(),
    response: z.object({ held: z.boolean() }),
  },
} as const;

export const generationEvents = {
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
} as const;
