/**
 * Field values as a template renders them: the writer's values checked against each field
 * (required, choices, number range), defaults filled in, and names the template does not have
 * refused, all problems reported together so a form can mark every field at once.
 */
import { ApiError } from '../../shared/errors.js';
import {
  MAX_LONG_TEXT_FIELD_CHARS,
  MAX_TEXT_FIELD_CHARS,
  type FieldValues,
  type TemplateField,
} from '../../shared/schemas/templates.js';

export type ResolvedValues = Record<string, string | number>;
export interface FieldIssue {
  path: string;
  message: string;
}

export function resolveFieldValues(
  fields: readonly TemplateField[],
  given: FieldValues,
): ResolvedValues {
  const issues: FieldIssue[] = [];
  const known = new Set(fields.map((field) => field.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const names = fields.map((field) => field.name).join(', ') || 'none';
      issues.push({
        path: `fields.${name}`,
        message: `This template has no field "${name}" (its fields: ${names}).`,
      });
    }
  }
  const values: ResolvedValues = {};
  for (const field of fields) {
    const outcome = resolveOne(field, given[field.name]);
    if (typeof outcome === 'object') {
      issues.push({ path: `fields.${field.name}`, message: outcome.problem });
    } else {
      values[field.name] = outcome;
    }
  }
  if (issues.length > 0) {
    const first = issues[0]?.message ?? '';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new ApiError('invalid_request', `${first}${more}`, issues);
  }
  return values;
}

function resolveOne(
  field: TemplateField,
  value: string | number | undefined,
): string | number | { problem: string } {
  const label = `"${field.label}"`;
  if (field.type === 'number') return resolveNumber(field, value, label);
  if (typeof value === 'number') return { problem: `${label} takes text, not a number.` };
  if (field.type === 'choice') {
    const chosen = value ?? field.default ?? field.choices[0] ?? '';
    if (!field.choices.includes(chosen)) {
      return { problem: `${label} must be one of: ${field.choices.join(', ')}.` };
    }
    return chosen;
  }
  // Surrounding whitespace is never meant: it would only leave odd gaps in the prompt.
  const text = (value ?? field.default).trim();
  const limit = field.type === 'text' ? MAX_TEXT_FIELD_CHARS : MAX_LONG_TEXT_FIELD_CHARS;
  if (field.required && text === '') return { problem: `${label} is required.` };
  if (text.length > limit) {
    return { problem: `${label} is ${text.length} characters long; at most ${limit} fit.` };
  }
  return text;
}

function resolveNumber(
  field: Extract<TemplateField, { type: 'number' }>,
  value: string | number | undefined,
  label: string,
): number | string | { problem: string } {
  // Forms send what was typed; an empty box is "no value".
  const raw = typeof value === 'string' ? value.trim() : value;
  if (raw === undefined || raw === '') {
    if (field.default !== undefined) return field.default;
    return field.required ? { problem: `${label} is required.` } : '';
  }
  const number = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(number)) return { problem: `${label} must be a number.` };
  if (field.integer && !Number.isInteger(number)) {
    return { problem: `${label} must be a whole number.` };
  }
  if (field.min !== undefined && number < field.min) {
    return { problem: `${label} must be at least ${field.min}.` };
  }
  if (field.max !== undefined && number > field.max) {
    return { problem: `${label} must be at most ${field.max}.` };
  }
  return number;
}
