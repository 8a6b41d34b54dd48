import { z } from 'zod';
/**
 * The events of a generation (a continue, a replay, a template's), sent only to the connection
 * that started it; see continue.ts for the channels that start and steer one.
 */
import { apiErrorShape, finishReason, generationTimings } from '../schemas/engine.js';
import { tokenStep } from '../schemas/tokenSteps.js';

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

export const generationEvents = {
  'generation.chunk': z.object({
    generationId: z.string(),
    text: z.string(),
    /**
     * With probabilities (an engine that has them): the token steps whose text is now out; all
     * the steps so far spell a prefix of the text so far, and by the end all of it.
     */
    steps: z.array(tokenStep).optional(),
  }),
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
