import { z } from 'zod';
import {
  MAX_TEMPLATE_JSON_CHARS,
  MAX_TEMPLATE_NAME_CHARS,
  fieldValues,
  template,
  templateDefinition,
  templateIdSchema,
  templateKind,
  templateParams,
  templatePreview,
  templateSummary,
} from '../schemas/templates.js';
import { generationIdSchema } from '../schemas/generations.js';

const byId = z.object({ id: templateIdSchema }).strict();

export const templatesChannels = {
  /** Built-in and user templates, built-ins first, each group by name. */
  'templates.list': {
    request: z
      .object({
        kind: templateKind.optional(),
        /** Matches name, description and kind, case-insensitively. */
        query: z.string().max(200).optional(),
      })
      .strict(),
    response: z.array(templateSummary),
  },
  'templates.get': {
    request: byId,
    response: template,
  },
  /**
   * Renders a stored template (templateId) or an unsaved one being edited (template) with the
   * field values, and counts its tokens with the loaded model (the default one is loaded if
   * none is). Syntax errors and bad values are invalid_request with issues pointing at them.
   */
  'templates.preview': {
    request: z
      .object({
        templateId: templateIdSchema.optional(),
        template: templateDefinition.optional(),
        fields: fieldValues.default({}),
      })
      .strict()
      .refine((r) => (r.templateId === undefined) !== (r.template === undefined), {
        message: 'give either templateId or template',
      }),
    response: templatePreview,
  },
  /**
   * Creates a new document titled from the fields, holding the rendered opening (the body), and
   * starts a generation of kind 'template' (in history with the template id and field values).
   * Chunks and the end arrive as generation.chunk / generation.end with this generationId; stop
   * with generation.cancel. When it ends (stopped included), main appends the output to the
   * document, so it holds opening + output ready to edit; documents.changed ('saved') says so.
   * regenerateOf: run again into that generation's document (the text goes back to the opening
   * and the new output follows), as another alternative at the same spot with the seed stepped.
   */
  'templates.generate': {
    request: z
      .object({
        /** The generation's id, chosen by the caller as for continue.start. */
        generationId: generationIdSchema,
        templateId: templateIdSchema,
        fields: fieldValues.default({}),
        /** Overrides on top of the template's own settings. */
        params: templateParams.optional(),
        regenerateOf: generationIdSchema.optional(),
      })
      .strict(),
    response: z.object({
      generationId: z.string(),
      documentId: z.string(),
      spotId: z.string(),
      title: z.string(),
      /** The document's text right now: the opening the output will follow. */
      opening: z.string(),
      seed: z.number().int(),
      promptTokens: z.number().int().nonnegative(),
    }),
  },
  /** Creates (no id) or updates a user template; the body must parse and use only its fields. */
  'templates.save': {
    request: z.object({ id: templateIdSchema.optional(), template: templateDefinition }).strict(),
    response: template,
  },
  /**
   * Copies any template (built-in too) into a new user template, named as the writer's UI names
   * a copy (`name`), else "… (copy)".
   */
  'templates.duplicate': {
    request: z
      .object({
        id: templateIdSchema,
        name: z.string().trim().min(1).max(MAX_TEMPLATE_NAME_CHARS).optional(),
      })
      .strict(),
    response: template,
  },
  /** User templates only; a built-in is a conflict. */
  'templates.delete': {
    request: byId,
    response: z.object({ deleted: z.boolean() }),
  },
  /** A template file's text (as export writes it) becomes a new user template. */
  'templates.import': {
    request: z.object({ json: z.string().max(MAX_TEMPLATE_JSON_CHARS) }).strict(),
    response: template,
  },
  'templates.export': {
    request: byId,
    response: z.object({ fileName: z.string(), json: z.string() }),
  },
} as const;

export const templatesEvents = {
  /** A user template was saved (created, updated, duplicated, imported) or deleted. */
  'templates.changed': z.object({ id: z.string(), kind: z.enum(['saved', 'deleted']) }),
} as const;
