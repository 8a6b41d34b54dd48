import { z } from 'zod';
import {
  MAX_PROMPT_CHARS,
  apiErrorShape,
  finishReason,
  generationParams,
  generationTimings,
} from './engine.js';

export const MAX_MEMORY_CHARS = 20_000;
export const MAX_AUTHORS_NOTE_CHARS = 4_000;
export const MAX_PRESET_NAME_CHARS = 80;
/** The renderer sends only the tail of the text before the cursor: enough for any context. */
export const MAX_TEXT_BEFORE_CURSOR_CHARS = 64_000;

/** History ids are the engine's generation ids (UUIDs). */
export const generationIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'not a generation id');
export const presetIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a preset id');

/**
 * What a continuation may be asked for on top of the sampler: where to stop. 'sentence' ends
 * after the first complete sentence, 'paragraph' at the first blank line.
 */
export const stopAt = z.enum(['none', 'sentence', 'paragraph']);
export type StopAt = z.infer<typeof stopAt>;

export const MAX_NOTE_DEPTH = 2000;

/**
 * Sampler parameters plus stop-at and where the author's note goes (so many lines, or at least
 * so many tokens, before the end of the text); what a preset and a document's settings hold.
 */
export const continueParams = generationParams.extend({
  stopAt: stopAt.default('none'),
  noteDepthUnit: z.enum(['lines', 'tokens']).default('lines'),
  noteDepth: z.number().int().min(0).max(MAX_NOTE_DEPTH).default(3),
});
export type ContinueParams = z.output<typeof continueParams>;
export type ContinueParamsInput = z.input<typeof continueParams>;

export const preset = z.object({
  id: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  params: continueParams,
});
export type Preset = z.infer<typeof preset>;

export const documentGenerationSettings = z.object({
  documentId: z.string(),
  /** Placed first in every prompt: facts the model should keep in mind. */
  memory: z.string().max(MAX_MEMORY_CHARS),
  /** Placed a few lines before the end of the prompt, where it steers the most. */
  authorsNote: z.string().max(MAX_AUTHORS_NOTE_CHARS),
  /** The preset the writer last picked (params may have been adjusted since). */
  presetId: z.string().nullable(),
  params: continueParams,
});
export type DocumentGenerationSettings = z.infer<typeof documentGenerationSettings>;

export const generationKind = z.enum(['continue', 'replay', 'template']);
export type GenerationKind = z.infer<typeof generationKind>;

export const generationSummary = z.object({
  id: z.string(),
  documentId: z.string().nullable(),
  documentTitle: z.string().nullable(),
  kind: generationKind,
  /** The generation whose accepted text this one continues (a Loom-style tree); null at a root. */
  parentId: z.string().nullable(),
  /** Alternatives for the same spot share a spot id (the first generation's id). */
  spotId: z.string(),
  templateId: z.string().nullable(),
  /** Output so far (final once finishReason is set). */
  output: z.string(),
  finishReason: finishReason.nullable(),
  accepted: z.boolean(),
  modelName: z.string(),
  createdAt: z.number().int(),
});
export type GenerationSummary = z.infer<typeof generationSummary>;

export const generationRecord = generationSummary.extend({
  /** For kind 'replay': the generation that was run again. */
  replayOf: z.string().nullable().optional(),
  promptText: z.string(),
  promptTokens: z.number().int().nonnegative(),
  params: continueParams,
  seed: z.number().int(),
  modelPath: z.string(),
  modelSha256: z.string(),
  error: apiErrorShape.nullable(),
  timings: generationTimings.nullable(),
  /** The accepted part of the output (all of it, or the words the writer kept). */
  acceptedText: z.string().nullable(),
  /** Field values when the generation came from a template. */
  templateFields: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
});
export type GenerationRecord = z.infer<typeof generationRecord>;

/** How the prompt for the next continue would be built: the status bar's "context used". */
export const promptPlan = z.object({
  promptTokens: z.number().int().nonnegative(),
  maxNewTokens: z.number().int().positive(),
  contextSize: z.number().int().positive(),
  /** Tokens of the document's text left out because they did not fit (oldest first). */
  droppedTokens: z.number().int().nonnegative(),
  /**
   * True when part of droppedTokens is an estimate: only a window at the end of the text is ever
   * tokenized (so long documents cost no more), and text before it is counted by its length.
   */
  droppedTokensEstimated: z.boolean().optional(),
  /**
   * True when every count is an estimate: a remote server without a tokenizer endpoint, whose
   * prompts are fitted by their length with room to spare.
   */
  tokensEstimated: z.boolean().optional(),
  /**
   * How many tokens each part of the prompt took, each counted on its own (a part's tokens
   * where it joins the next may differ by one): the memory, the author's note and the text.
   */
  parts: z
    .object({
      memory: z.number().int().nonnegative(),
      authorsNote: z.number().int().nonnegative(),
      text: z.number().int().nonnegative(),
      /** All lorebook entries that went in, together. */
      lore: z.number().int().nonnegative().optional(),
    })
    .optional(),
  /**
   * Each activated lorebook entry with its tokens and whether it went in: an entry that does not
   * fit in what is left of the lorebook budget is left out whole ('overBudget').
   */
  lore: z
    .array(
      z.object({
        id: z.string(),
        tokens: z.number().int().nonnegative(),
        included: z.boolean(),
      }),
    )
    .optional(),
  /** The author's note's depth as it was applied. */
  noteDepth: z
    .object({ unit: z.enum(['lines', 'tokens']), amount: z.number().int().nonnegative() })
    .optional(),
  /** The lorebook budget as it was applied (the setting, or less when the context is short). */
  loreBudgetTokens: z.number().int().nonnegative().optional(),
});
export type PromptPlan = z.infer<typeof promptPlan>;

/**
 * A prompt as the engine fits it into the context, where its tokenizer is: the parts of a
 * continue (the host composes and trims them), or a finished text (a template's, a replay's),
 * which is trimmed from the left if it is too long.
 */
export type EnginePrompt =
  | {
      kind: 'parts';
      memory: string;
      authorsNote: string;
      /** How many newline-separated lines of text follow the author's note. */
      noteDepthLines: number;
      /** When set, the note goes before at least this many tokens of text instead of lines. */
      noteDepthTokens?: number;
      textBeforeCursor: string;
      /** Activated lorebook entries; the engine keeps what fits loreBudgetTokens. */
      lore?: LoreInsert[];
      loreBudgetTokens?: number;
    }
  | { kind: 'text'; text: string };

/** An activated lorebook entry as the engine places it. */
export interface LoreInsert {
  id: string;
  text: string;
  priority: number;
  position: 'afterMemory' | 'beforeNote' | 'atDepth';
  depthLines: number;
}

/** Which part of the prompt a stretch of its text is: what the context viewer colours. */
export const promptSegment = z.object({
  part: z.enum(['memory', 'lore', 'note', 'text']),
  /** The lorebook entry, for part 'lore'. */
  entryId: z.string().optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type PromptSegment = z.infer<typeof promptSegment>;

/** What the engine made of a prompt: the exact text the model reads, and its plan. */
export const promptFit = z.object({
  promptText: z.string(),
  plan: promptPlan,
  /** Where each part lies in promptText (a continue's parts only). */
  segments: z.array(promptSegment).optional(),
});
export type PromptFit = z.infer<typeof promptFit>;

export const textBeforeCursor = z.string().max(MAX_TEXT_BEFORE_CURSOR_CHARS);
export const promptText = z.string().max(MAX_PROMPT_CHARS);
