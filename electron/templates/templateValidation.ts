/**
 * Whether a template definition can be used: its shape (the schema, with plain words for the
 * size limits), its fields (unique names, defaults that fit their own rules), and its Jinja
 * (syntax with line and column, and no variable that is not one of its fields). Every check runs
 * before anything is stored, so a template is saved whole or not at all.
 */
import type { z } from 'zod';
import { ApiError } from '../../shared/errors.js';
import {
  MAX_TEMPLATE_BODY_CHARS,
  MAX_TEMPLATE_FIELDS,
  templateDefinition,
  type TemplateDefinition,
} from '../../shared/schemas/templates.js';
import type { FieldIssue } from './fieldValues.js';
import { TemplateSyntaxError, checkTemplate } from './templateSyntax.js';

/** Parses untrusted data (an import file, a stored row) as a definition, or says what is wrong. */
export function parseDefinition(data: unknown, where: string): TemplateDefinition {
  const sizeIssues = sizeProblems(data);
  if (sizeIssues.length > 0) throw invalid(where, sizeIssues);
  const parsed = templateDefinition.safeParse(data);
  if (!parsed.success) throw invalid(where, zodIssues(parsed.error));
  validateDefinition(parsed.data, where);
  return parsed.data;
}

/** The checks the schema cannot make; throws invalid_request with every problem found. */
export function validateDefinition(definition: TemplateDefinition, where = 'template'): void {
  const issues: FieldIssue[] = [...fieldProblems(definition)];
  const names = new Set(definition.fields.map((field) => field.name));
  for (const part of ['preamble', 'body', 'title'] as const) {
    try {
      const used = checkTemplate(definition[part]);
      for (const [name, at] of used) {
        if (names.has(name)) continue;
        issues.push({
          path: part,
          message: `line ${at.line}, column ${at.column}: "${name}" is not one of this template's fields (${[...names].join(', ') || 'it has none'}).`,
        });
      }
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      issues.push({ path: part, message: `Template syntax error at ${error.message}` });
    }
  }
  if (issues.length > 0) throw invalid(where, issues);
}

function fieldProblems(definition: TemplateDefinition): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  definition.fields.forEach((field, index) => {
    const path = `fields.${index}`;
    if (seen.has(field.name)) {
      issues.push({ path, message: `Two fields are called "${field.name}".` });
    }
    seen.add(field.name);
    if (field.type === 'choice' && field.default !== undefined) {
      if (!field.choices.includes(field.default)) {
        issues.push({ path, message: `The default of "${field.name}" is not one of its choices.` });
      }
    }
    if (field.type === 'number') {
      const { min, max } = field;
      if (min !== undefined && max !== undefined && min > max) {
        issues.push({ path, message: `"${field.name}" has a minimum above its maximum.` });
      }
      const value = field.default;
      if (
        value !== undefined &&
        ((min !== undefined && value < min) || (max !== undefined && value > max))
      ) {
        issues.push({ path, message: `The default of "${field.name}" is outside its range.` });
      }
    }
  });
  return issues;
}

/** Oversized parts get a message with the figures, before the schema's generic one. */
function sizeProblems(data: unknown): FieldIssue[] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const part of ['preamble', 'body'] as const) {
    const text = record[part];
    if (typeof text === 'string' && text.length > MAX_TEMPLATE_BODY_CHARS) {
      issues.push({
        path: part,
        message: `The ${part} is ${text.length.toLocaleString('en')} characters long; a template may have at most ${MAX_TEMPLATE_BODY_CHARS.toLocaleString('en')}.`,
      });
    }
  }
  const fields = record.fields;
  if (Array.isArray(fields) && fields.length > MAX_TEMPLATE_FIELDS) {
    issues.push({
      path: 'fields',
      message: `The template has ${fields.length} fields; at most ${MAX_TEMPLATE_FIELDS} are allowed.`,
    });
  }
  return issues;
}

function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(template)',
    message: issue.message,
  }));
}

function invalid(where: string, issues: FieldIssue[]): ApiError {
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'it is not a template';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new ApiError('invalid_request', `The ${where} cannot be used. ${summary}${more}`, issues);
}
