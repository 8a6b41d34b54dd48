/**
 * Whether a template definition can be used: its shape (the schema, with plain words for the
 * size limits), its fields (unique names, defaults that fit their own rules), and its Jinja
 * (syntax with line and column, and no variable that is not one of its fields). Every check runs
 * before anything is stored, so a template is saved whole or not at all.
 */
import type { z } from 'zod';
import type { ApiError, ErrorIssue } from '../../shared/errors.js';
import { localizedError, localizedIssue, localized } from '../../shared/i18n/localizedMessage.js';
import {
  MAX_TEMPLATE_BODY_CHARS,
  MAX_TEMPLATE_FIELDS,
  templateDefinition,
  type TemplateDefinition,
} from '../../shared/schemas/templates.js';
import { TemplateSyntaxError, checkTemplate } from './templateSyntax.js';

/** What is being checked, named in the message ("The template file cannot be used."). */
export type TemplateSource = 'template' | 'storedTemplate' | 'templateFile';

/** Parses untrusted data (an import file, a stored row) as a definition, or says what is wrong. */
export function parseDefinition(data: unknown, where: TemplateSource): TemplateDefinition {
  const sizeIssues = sizeProblems(data);
  if (sizeIssues.length > 0) throw invalid(where, sizeIssues);
  const parsed = templateDefinition.safeParse(data);
  if (!parsed.success) throw invalid(where, zodIssues(parsed.error));
  validateDefinition(parsed.data, where);
  return parsed.data;
}

/** The checks the schema cannot make; throws invalid_request with every problem found. */
export function validateDefinition(
  definition: TemplateDefinition,
  where: TemplateSource = 'template',
): void {
  const issues: ErrorIssue[] = [...fieldProblems(definition)];
  const names = new Set(definition.fields.map((field) => field.name));
  for (const part of ['preamble', 'body', 'title'] as const) {
    try {
      const used = checkTemplate(definition[part]);
      for (const [name, at] of used) {
        if (names.has(name)) continue;
        issues.push(
          names.size > 0
            ? localizedIssue(part, 'errors:templates.unknownVariable', {
                ...at,
                name,
                fields: [...names].join(', '),
              })
            : localizedIssue(part, 'errors:templates.unknownVariableNoFields', { ...at, name }),
        );
      }
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      issues.push(localizedIssue(part, 'errors:templates.syntaxError', { error: error.localized }));
    }
  }
  if (issues.length > 0) throw invalid(where, issues);
}

function fieldProblems(definition: TemplateDefinition): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  definition.fields.forEach((field, index) => {
    const path = `fields.${index}`;
    if (field.name === '__proto__') {
      // A JSON object cannot carry a value under this name: parsers (zod's record among them)
      // treat it as the object's prototype and drop it, so such a field could never be filled.
      issues.push(localizedIssue(path, 'errors:templates.reservedFieldName', { name: field.name }));
    }
    if (seen.has(field.name)) {
      issues.push(localizedIssue(path, 'errors:templates.duplicateField', { name: field.name }));
    }
    seen.add(field.name);
    if (field.type === 'choice' && field.default !== undefined) {
      if (!field.choices.includes(field.default)) {
        issues.push(
          localizedIssue(path, 'errors:templates.defaultNotAChoice', { name: field.name }),
        );
      }
    }
    if (field.type === 'number') {
      const { min, max } = field;
      if (min !== undefined && max !== undefined && min > max) {
        issues.push(localizedIssue(path, 'errors:templates.minAboveMax', { name: field.name }));
      }
      const value = field.default;
      if (
        value !== undefined &&
        ((min !== undefined && value < min) || (max !== undefined && value > max))
      ) {
        issues.push(
          localizedIssue(path, 'errors:templates.defaultOutOfRange', { name: field.name }),
        );
      }
    }
  });
  return issues;
}

/** Oversized parts get a message with the figures, before the schema's generic one. */
function sizeProblems(data: unknown): ErrorIssue[] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  const issues: ErrorIssue[] = [];
  for (const part of ['preamble', 'body'] as const) {
    const text = record[part];
    if (typeof text === 'string' && text.length > MAX_TEMPLATE_BODY_CHARS) {
      issues.push(
        localizedIssue(part, 'errors:templates.partTooLong', {
          part: localized(`errors:templates.parts.${part}`),
          length: text.length,
          max: MAX_TEMPLATE_BODY_CHARS,
        }),
      );
    }
  }
  const fields = record.fields;
  if (Array.isArray(fields) && fields.length > MAX_TEMPLATE_FIELDS) {
    issues.push(
      localizedIssue('fields', 'errors:templates.tooManyFields', {
        fields: fields.length,
        max: MAX_TEMPLATE_FIELDS,
      }),
    );
  }
  return issues;
}

/** Zod's own words for a problem are English; they stay as they are. */
function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(template)',
    message: issue.message,
  }));
}

/** "The template file cannot be used. body: …", with every issue. */
export function invalid(source: TemplateSource, issues: ErrorIssue[]): ApiError {
  const where = localized(`errors:templates.where.${source}`);
  const first = issues[0];
  if (!first) return localizedError('invalid_request', 'errors:templates.notATemplate', { where });
  const values = { where, path: first.path, problem: first.localized ?? first.message };
  return issues.length > 1
    ? localizedError(
        'invalid_request',
        'errors:templates.cannotUseMore',
        { ...values, count: issues.length - 1 },
        issues,
      )
    : localizedError('invalid_request', 'errors:templates.cannotUse', values, issues);
}
