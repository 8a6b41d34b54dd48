import { z } from 'zod';
import { documentId } from '../schemas/documents.js';
import {
  MAX_AUTHORS_NOTE_CHARS,
  MAX_MEMORY_CHARS,
  MAX_PRESET_NAME_CHARS,
  continueParams,
  documentGenerationSettings,
  generationIdSchema,
  generationRecord,
  generationSummary,
  preset,
  presetIdSchema,
  promptPlan,
  textBeforeCursor,
} from '../schemas/generations.js';

const empty = z.object({}).strict();

export const generationChannels = {
  /**
   * Continue at the cursor: main builds the prompt (memory, the tail of the text, the author's
   * note), starts the engine and records the generation. Chunks and the end arrive as the
   * engine's generation.chunk / generation.end events with this generationId; stop with
   * generation.cancel.
   */
  'continue.start': {
    request: z
      .object({
        documentId,
        textBeforeCursor,
        /** The generation whose accepted text ends at the cursor, if any (tree parent). */
        parentId: generationIdSchema.nullable().optional(),
        /** Asks for another alternative at the same spot as this generation. */
        alternativeOf: generationIdSchema.optional(),
      })
      .strict(),
    response: z.object({
      generationId: z.string(),
      spotId: z.string(),
      seed: z.number().int(),
      plan: promptPlan,
    }),
  },
  'continue.plan': {
    request: z.object({ documentId, textBeforeCursor }).strict(),
    response: promptPlan,
  },
  'generations.accept': {
    request: z.object({ id: generationIdSchema, acceptedText: z.string().max(1_000_000) }).strict(),
    response: generationSummary,
  },
  'generations.alternatives': {
    request: z.object({ spotId: generationIdSchema }).strict(),
    response: z.array(generationSummary),
  },
  'history.list': {
    request: z
      .object({
        documentId: documentId.optional(),
        query: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    response: z.array(generationSummary),
  },
  'history.get': {
    request: z.object({ id: generationIdSchema }).strict(),
    response: generationRecord,
  },
  'history.delete': {
    request: z.object({ id: generationIdSchema }).strict(),
    response: z.object({ deleted: z.boolean() }),
  },
  'history.export': {
    request: z.object({ documentId: documentId.optional() }).strict(),
    /** JSON Lines: one generationRecord per line. */
    response: z.object({ fileName: z.string(), jsonl: z.string(), count: z.number().int() }),
  },
  /** Runs a stored generation again with the same prompt, params, seed and model. */
  'history.replay': {
    request: z.object({ id: generationIdSchema }).strict(),
    response: z.object({ generationId: z.string(), seed: z.number().int() }),
  },
  'settings.getDocument': {
    request: z.object({ documentId }).strict(),
    response: documentGenerationSettings,
  },
  'settings.saveDocument': {
    request: z
      .object({
        documentId,
        memory: z.string().max(MAX_MEMORY_CHARS),
        authorsNote: z.string().max(MAX_AUTHORS_NOTE_CHARS),
        presetId: presetIdSchema.nullable(),
        params: continueParams,
      })
      .strict(),
    response: documentGenerationSettings,
  },
  'presets.list': {
    request: empty,
    response: z.array(preset),
  },
  'presets.save': {
    request: z
      .object({
        id: presetIdSchema.optional(),
        name: z.string().trim().min(1).max(MAX_PRESET_NAME_CHARS),
        params: continueParams,
      })
      .strict(),
    response: preset,
  },
  'presets.delete': {
    request: z.object({ id: presetIdSchema }).strict(),
    response: z.object({ deleted: z.boolean() }),
  },
} as const;

export const generationEvents = {
  /** A generation was recorded, updated (finished, accepted) or deleted. */
  'history.changed': z.object({
    id: z.string(),
    documentId: z.string().nullable(),
    kind: z.enum(['started', 'finished', 'accepted', 'deleted']),
  }),
} as const;
