/**
 * Renders a template with field values: the prompt (preamble + body) the model receives, the
 * opening (the body alone) that starts the writer's document, and the document's title. The
 * Jinja runs in the render process under its limits (templateRenderer.ts); what is checked
 * here, the definition and the values, is plain data and stays in main.
 */
import { localizedError, localizedIssue } from '../../shared/i18n/localizedMessage.js';
import { MAX_TITLE_CHARS } from '../../shared/schemas/documents.js';
import type { FieldValues, TemplateDefinition } from '../../shared/schemas/templates.js';
import { resolveFieldValues, type ResolvedValues } from './fieldValues.js';
import { sharedTemplateRenderer, type TemplateRenderer } from './templateRenderer.js';
import { validateDefinition } from './templateValidation.js';

export interface RenderedTemplate {
  prompt: string;
  opening: string;
  title: string;
  fields: ResolvedValues;
}

export async function renderTemplate(
  definition: TemplateDefinition,
  given: FieldValues,
  renderer: TemplateRenderer = sharedTemplateRenderer(),
): Promise<RenderedTemplate> {
  validateDefinition(definition);
  const fields = resolveFieldValues(definition.fields, given);
  const parts = await renderer.render(
    { preamble: definition.preamble, body: definition.body, title: definition.title },
    Object.entries(fields),
  );
  // A trailing space would make the model start with a space token it rarely saw before a word.
  const opening = parts.body.replace(/[ \t]+$/, '');
  const prompt = parts.preamble + opening;
  if (opening.trim() === '') {
    throw localizedError('invalid_request', 'errors:templates.rendersEmpty', undefined, [
      localizedIssue('body', 'errors:templates.rendersEmptyIssue'),
    ]);
  }
  // A title is one line; the documents store caps it, so it is cut here where it can be seen.
  const title =
    parts.title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_CHARS) || definition.name;
  return { prompt, opening, title, fields };
}
