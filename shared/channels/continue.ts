/**
 * Continue writing: one generation from its start to the writer keeping it. The caller names the
 * generation (a fresh UUID) in continue.start, so it knows the id of every event before any
 * arrives; the events (generation.chunk, generation.end) go only to the connection that started
 * it, and never before the reply to its start. Other windows learn of it through history.changed.
 * Stop and typing work for any generation the connection started (a replay, a template's too).
 */
import { z } from 'zod';
import { documentId } from '../schemas/documents.js';
import { MAX_BRANCH_PREFIX_CHARS } from './probabilities.js';
import {
  generationIdSchema,
  generationSummary,
  promptPlan,
  textBeforeCursor,
} from '../schemas/generations.js';

/** The most alternatives one continue.start writes. */
export const MAX_ALTERNATIVES_AT_ONCE = 8;

const byGeneration = z.object({ generationId: generationIdSchema }).strict();

export const continueChannels = {
  /**
   * Continue at the cursor: the engine fits the prompt (memory, the tail of the text, the
   * author's note) where its tokenizer is, main records the generation and answers with how the
   * prompt was fitted; chunks and the end follow as generation.chunk / generation.end events.
   */
  'continue.start': {
    request: z
      .object({
        /** Chosen by the caller; refused if any generation already has it. */
        generationId: generationIdSchema,
        documentId,
        textBeforeCursor,
        /** The generation whose accepted text ends at the cursor, if any (tree parent). */
        parentId: generationIdSchema.nullable().optional(),
        /** Asks for another alternative at the same spot as this generation. */
        alternativeOf: generationIdSchema.optional(),
        /**
         * A branch from a token of `parentId` (probabilities view): textBeforeCursor ends with
         * the prefix (the parent's text before that token, plus the token chosen instead).
         */
        /**
         * How many alternatives to write for this spot (1–8, default 1): the rest follow the
         * first one by one as siblings in the same spot, each reading again at most the prompt's
         * last chunk. A newer continue.start from the same connection cancels those not written.
         */
        count: z.number().int().min(1).max(MAX_ALTERNATIVES_AT_ONCE).optional(),
        branch: z
          .object({
            tokenIndex: z.number().int().nonnegative().max(1_000_000),
            prefix: z.string().min(1).max(MAX_BRANCH_PREFIX_CHARS),
          })
          .strict()
          .optional(),
      })
      .strict(),
    response: z.object({
      generationId: z.string(),
      spotId: z.string(),
      seed: z.number().int(),
      plan: promptPlan,
    }),
  },
  /** How a continue at the cursor would be fitted into the context (the status bar's figure). */
  'continue.plan': {
    request: z.object({ documentId, textBeforeCursor }).strict(),
    response: promptPlan,
  },
  /** Ends the generation soon (finish reason 'cancelled'); false when it had already ended. */
  'continue.stop': {
    request: byGeneration,
    response: z.object({ stopped: z.boolean() }),
  },
  /**
   * The writer typed through this generation's text just now: its next token waits until they
   * pause (TYPING_PAUSE_MS after this request), so that the model does not take the CPU their
   * keystrokes need. The editor renews it while they keep typing through a suggestion that is
   * far enough ahead of them. false when the generation had already ended.
   */
  'continue.typing': {
    request: byGeneration,
    response: z.object({ held: z.boolean() }),
  },
  /** The writer kept this generation: all of it, or the words in acceptedText. */
  'continue.accept': {
    request: z
      .object({ generationId: generationIdSchema, acceptedText: z.string().max(1_000_000) })
      .strict(),
    response: generationSummary,
  },
  /** The generations at one spot (alternatives for the same text), oldest first. */
  'continue.alternatives': {
    request: z.object({ spotId: generationIdSchema }).strict(),
    response: z.array(generationSummary),
  },
} as const;
