/**
 * Templates: a few fields turned into the beginning of a document a base model has seen many of
 * (a title, a byline, a header, a few examples), which the model then continues. The prompt is
 * a Jinja template (@huggingface/jinja) in two parts: `preamble` (hidden context such as few-shot
 * examples, sent to the model but never put in the writer's document) and `body` (the visible
 * opening: it starts the new document, and the model's output follows it).
 */
import { z } from 'zod';
import { stopAt } from './generations.js';
import { MAX_NEW_TOKENS, MAX_SEED, MAX_STOP_STRINGS, MAX_STOP_STRING_CHARS } from './engine.js';

export const MAX_TEMPLATE_BODY_CHARS = 20_000;
export const MAX_TEMPLATE_FIELDS = 30;
export const MAX_TEMPLATE_NAME_CHARS = 80;
export const MAX_TEMPLATE_TITLE_CHARS = 300;
export const MAX_TEMPLATE_DESCRIPTION_CHARS = 500;
export const MAX_FIELD_LABEL_CHARS = 80;
export const MAX_FIELD_HELP_CHARS = 300;
export const MAX_FIELD_CHOICES = 50;
export const MAX_TEXT_FIELD_CHARS = 300;
export const MAX_LONG_TEXT_FIELD_CHARS = 8_000;
/** An import file holds one template; this leaves room for both parts at their limit. */
export const MAX_TEMPLATE_JSON_CHARS = 100_000;

export const templateKind = z.enum([
  'story',
  'poem',
  'article',
  'letter',
  'dialogue',
  'diary',
  'song',
  'other',
]);
export type TemplateKind = z.infer<typeof templateKind>;

/** Built-ins have readable ids (fairy-tale); user templates get "user-" + a random part. */
export const templateIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a template id (lowercase letters, digits and -)');

/** A field name is a Jinja variable name, so the body can say {{ title }}. */
export const fieldName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]{0,39}$/,
    'a field name is a letter or _ followed by letters, digits or _ (at most 40)',
  );

const fieldBase = {
  name: fieldName,
  label: z.string().trim().min(1).max(MAX_FIELD_LABEL_CHARS),
  required: z.boolean().default(false),
  help: z.string().max(MAX_FIELD_HELP_CHARS).default(''),
};

export const textField = z
  .object({
    ...fieldBase,
    type: z.literal('text'),
    default: z.string().max(MAX_TEXT_FIELD_CHARS).default(''),
  })
  .strict();
export const longTextField = z
  .object({
    ...fieldBase,
    type: z.literal('longText'),
    default: z.string().max(MAX_LONG_TEXT_FIELD_CHARS).default(''),
  })
  .strict();
export const choiceField = z
  .object({
    ...fieldBase,
    type: z.literal('choice'),
    choices: z.array(z.string().min(1).max(MAX_TEXT_FIELD_CHARS)).min(1).max(MAX_FIELD_CHOICES),
    /** Must be one of the choices; missing means the first. */
    default: z.string().max(MAX_TEXT_FIELD_CHARS).optional(),
  })
  .strict();
export const numberField = z
  .object({
    ...fieldBase,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    /** Whole numbers only (a count of lines, an age). */
    integer: z.boolean().default(false),
    default: z.number().optional(),
  })
  .strict();

export const templateField = z.discriminatedUnion('type', [
  textField,
  longTextField,
  choiceField,
  numberField,
]);
export type TemplateField = z.output<typeof templateField>;
export type TemplateFieldInput = z.input<typeof templateField>;
export type TemplateFieldType = TemplateField['type'];

/**
 * Sampler settings a template suggests, or a generate request overrides: only what is given
 * (no defaults here, so an override never resets the template's own choice to the global one).
 */
export const templateParams = z
  .object({
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    temperature: z.number().min(0).max(2).optional(),
    topK: z.number().int().min(0).max(1_000_000).optional(),
    topP: z.number().min(0).max(1).optional(),
    minP: z.number().min(0).max(1).optional(),
    repeatPenalty: z.number().min(1).max(3).optional(),
    repeatLastTokens: z.number().int().min(0).max(4096).optional(),
    maxTokens: z.number().int().min(1).max(MAX_NEW_TOKENS).optional(),
    stop: z.array(z.string().min(1).max(MAX_STOP_STRING_CHARS)).max(MAX_STOP_STRINGS).optional(),
    stopAt: stopAt.optional(),
  })
  .strict();
export type TemplateParams = z.infer<typeof templateParams>;

/** Stops the output after N lines or N stanzas (blank-line separated groups): poems have a form. */
export const templateShape = z
  .object({
    unit: z.enum(['lines', 'stanzas']),
    count: z.number().int().min(1).max(500),
  })
  .strict();
export type TemplateShape = z.infer<typeof templateShape>;

/** What a writer edits, saves, imports and exports: everything but identity and origin. */
export const templateDefinition = z
  .object({
    name: z.string().trim().min(1).max(MAX_TEMPLATE_NAME_CHARS),
    kind: templateKind,
    description: z.string().max(MAX_TEMPLATE_DESCRIPTION_CHARS).default(''),
    fields: z.array(templateField).max(MAX_TEMPLATE_FIELDS).default([]),
    /** Hidden context before the body (few-shot examples); not put in the document. */
    preamble: z.string().max(MAX_TEMPLATE_BODY_CHARS).default(''),
    /** The visible opening: the new document starts with it and the output follows. */
    body: z.string().min(1).max(MAX_TEMPLATE_BODY_CHARS),
    /** Jinja for the new document's title, e.g. "{{ title }}"; empty: the template's name. */
    title: z.string().max(MAX_TEMPLATE_TITLE_CHARS).default(''),
    params: templateParams.default({}),
    stop: z.array(z.string().min(1).max(MAX_STOP_STRING_CHARS)).max(MAX_STOP_STRINGS).default([]),
    shape: templateShape.nullable().default(null),
  })
  .strict();
export type TemplateDefinition = z.output<typeof templateDefinition>;
export type TemplateDefinitionInput = z.input<typeof templateDefinition>;

export const template = templateDefinition.extend({
  id: z.string(),
  builtIn: z.boolean(),
  /** When a user template was last saved; null for built-ins. */
  updatedAt: z.number().int().nullable(),
});
export type Template = z.output<typeof template>;

export const templateSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: templateKind,
  description: z.string(),
  builtIn: z.boolean(),
  fieldCount: z.number().int().nonnegative(),
  updatedAt: z.number().int().nullable(),
});
export type TemplateSummary = z.infer<typeof templateSummary>;

/** Values the writer typed, by field name; missing ones take the field's default. */
export const fieldValues = z.record(
  fieldName,
  z.union([z.string().max(MAX_LONG_TEXT_FIELD_CHARS), z.number()]),
);
export type FieldValues = z.infer<typeof fieldValues>;

/** A rendered template with the numbers the form shows beside it. */
export const templatePreview = z.object({
  /** Exactly what the model receives: preamble + body. */
  prompt: z.string(),
  /** The body alone: what the new document starts with. */
  opening: z.string(),
  /** The new document's title. */
  title: z.string(),
  /** Every field's value as used (defaults filled in). */
  fields: z.record(z.string(), z.union([z.string(), z.number()])),
  promptTokens: z.number().int().nonnegative(),
  contextSize: z.number().int().positive(),
  maxNewTokens: z.number().int().positive(),
  /** Tokens of context left for the output after the prompt (may be below maxNewTokens). */
  roomForOutput: z.number().int(),
  /** False when the prompt is so long the start would be cut to make room for the output. */
  fits: z.boolean(),
});
export type TemplatePreview = z.infer<typeof templatePreview>;
