/**
 * The lorebook: entries that enter the prompt only when one of their keys appears in the recent
 * text (or always, when "always on"). A document has its own entries and may switch on entries
 * of the shared library; both have the same shape.
 */
import { z } from 'zod';

export const MAX_LORE_TITLE_CHARS = 200;
export const MAX_LORE_TEXT_CHARS = 8_000;
export const MAX_LORE_KEYS = 32;
/** A key longer than this is refused: regexes are run on the writer's text, so they are kept short. */
export const MAX_LORE_KEY_CHARS = 200;
export const MAX_LORE_SCAN_CHARS = 20_000;
export const DEFAULT_LORE_SCAN_CHARS = 1_000;
export const MAX_LORE_ENTRIES = 500;
export const DEFAULT_LORE_BUDGET_TOKENS = 256;
export const MAX_LORE_DEPTH_LINES = 200;

export const loreEntryId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a lorebook entry id');

/**
 * Where an activated entry goes: right after the memory, right before the author's note, or on
 * its own line `depth` lines before the end of the text.
 */
export const lorePosition = z.enum(['afterMemory', 'beforeNote', 'atDepth']);
export type LorePosition = z.infer<typeof lorePosition>;

/** What the writer edits; the id is chosen by the service. */
export const loreEntryFields = z
  .object({
    title: z.string().max(MAX_LORE_TITLE_CHARS).default(''),
    text: z.string().max(MAX_LORE_TEXT_CHARS),
    /** Plain words or phrases, or /regex/flags. */
    keys: z.array(z.string().min(1).max(MAX_LORE_KEY_CHARS)).max(MAX_LORE_KEYS).default([]),
    caseSensitive: z.boolean().default(false),
    /** How many characters at the end of the text before the cursor are searched for the keys. */
    scanDepthChars: z
      .number()
      .int()
      .min(1)
      .max(MAX_LORE_SCAN_CHARS)
      .default(DEFAULT_LORE_SCAN_CHARS),
    /** Higher first when the budget is short, and placed nearer the story text. */
    priority: z.number().int().min(-1000).max(1000).default(0),
    position: lorePosition.default('beforeNote'),
    /** Lines from the end of the text, for position 'atDepth'. */
    depthLines: z.number().int().min(0).max(MAX_LORE_DEPTH_LINES).default(4),
    alwaysOn: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .strict();
export type LoreEntryFields = z.output<typeof loreEntryFields>;
export type LoreEntryFieldsInput = z.input<typeof loreEntryFields>;

export const loreEntry = loreEntryFields.extend({
  id: loreEntryId,
  /** null: an entry of the shared library. */
  documentId: z.string().nullable(),
  updatedAt: z.number().int(),
});
export type LoreEntry = z.output<typeof loreEntry>;

export const documentLorebook = z.object({
  documentId: z.string(),
  entries: z.array(loreEntry),
  /** The shared library, each with whether this document has it switched on. */
  library: z.array(loreEntry.extend({ switchedOn: z.boolean() })),
  /** The most tokens all activated entries together may take. */
  budgetTokens: z.number().int().min(0).max(4096),
});
export type DocumentLorebook = z.output<typeof documentLorebook>;

/** Why an entry is (or is not) in the next prompt, as the context viewer shows it. */
export const loreActivation = z.object({
  entryId: z.string(),
  title: z.string(),
  /** 'key': a key matched (key, and the text it matched); 'alwaysOn'; 'timedOut': a regex ran too long. */
  reason: z.enum(['key', 'alwaysOn', 'timedOut']),
  key: z.string().optional(),
  match: z.string().optional(),
});
export type LoreActivation = z.output<typeof loreActivation>;
