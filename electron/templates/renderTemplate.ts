/**
 * Renders a template with field values: the prompt (preamble + body) the model receives, the
 * opening (the body alone) that starts the writer's document, and the document's title.
 */
import { Template as JinjaTemplate } from '@huggingface/jinja';
import { localized, localizedError, localizedIssue } from '../../shared/i18n/localizedMessage.js';
import { MAX_TITLE_CHARS } from '../../shared/schemas/documents.js';
import type { FieldValues, TemplateDefinition } from '../../shared/schemas/templates.js';
import { resolveFieldValues, type ResolvedValues } from './fieldValues.js';
import { validateDefinition } from './templateValidation.js';

export interface RenderedTemplate {
  prompt: string;
  opening: string;
  title: string;
  fields: ResolvedValues;
}

export function renderTemplate(
  definition: TemplateDefinition,
  given: FieldValues,
): RenderedTemplate {
  validateDefinition(definition);
  const fields = resolveFieldValues(definition.fields, given);
  const preamble = renderPart(definition.preamble, fields, 'preamble');
  // A trailing space would make the model start with a space token it rarely saw before a word.
  const opening = renderPart(definition.body, fields, 'body').replace(/[ \t]+$/, '');
  const prompt = preamble + opening;
  if (opening.trim() === '') {
    throw localizedError('invalid_request', 'errors:templates.rendersEmpty', undefined, [
      localizedIssue('body', 'errors:templates.rendersEmptyIssue'),
    ]);
  }
  // A title is one line; the documents store caps it, so it is cut here where it can be seen.
  const title =
    renderPart(definition.title, fields, 'title')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_TITLE_CHARS) || definition.name;
  return { prompt, opening, title, fields };
}

function renderPart(
  source: string,
  values: ResolvedValues,
  part: 'preamble' | 'body' | 'title',
): string {
  if (source === '') return '';
  try {
    // Jinja drops one trailing newline of the source; the added one keeps the writer's own.
    return new JinjaTemplate(`${source}\n`).render(values);
  } catch (error) {
    // The Jinja library's own words for the problem are English; they stay data.
    const message = error instanceof Error ? error.message : String(error);
    throw localizedError(
      'invalid_request',
      'errors:templates.renderFailed',
      { part: localized(`errors:templates.parts.${part}`), detail: message },
      [{ path: part, message }],
    );
  }
}
