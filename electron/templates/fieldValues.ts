/**
 * Field values as a template renders them: the writer's values checked against each field
 * (required, choices, number range), defaults filled in, and names the template does not have
 * refused, all problems reported together so a form can mark every field at once.
 */
import type { ErrorIssue } from '../../shared/errors.js';
import {
  errorFromMessage,
  localizedError,
  localizedIssue,
  type ErrorKey,
} from '../../shared/i18n/localizedMessage.js';
import {
  MAX_LONG_TEXT_FIELD_CHARS,
  MAX_TEXT_FIELD_CHARS,
  type FieldValues,
  type TemplateField,
} from '../../shared/schemas/templates.js';

export type ResolvedValues = Record<string, string | number>;

export function resolveFieldValues(
  fields: readonly TemplateField[],
  given: FieldValues,
): ResolvedValues {
  const issues: ErrorIssue[] = [];
  const known = new Set(fields.map((field) => field.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const names = fields.map((field) => field.name).join(', ');
      issues.push(
        names === ''
          ? localizedIssue(`fields.${name}`, 'errors:templates.fields.unknownNoFields', { name })
          : localizedIssue(`fields.${name}`, 'errors:templates.fields.unknown', {
              name,
              fields: names,
            }),
      );
    }
  }
  const values: ResolvedValues = {};
  for (const field of fields) {
    // Own values only: a field called "toString" or "constructor" must not find Object's.
    const outcome = resolveOne(
      field,
      Object.hasOwn(given, field.name) ? given[field.name] : undefined,
    );
    if (typeof outcome === 'object') {
      issues.push(
        localizedIssue(`fields.${field.name}`, outcome.problem, {
          label: field.label,
          ...outcome.values,
        }),
      );
    } else {
      values[field.name] = outcome;
    }
  }
  // Every issue here is built with its key.
  const problem = issues[0]?.localized;
  if (problem) {
    if (issues.length === 1) throw errorFromMessage('invalid_request', problem, issues);
    throw localizedError(
      'invalid_request',
      'errors:templates.fields.more',
      { problem, count: issues.length - 1 },
      issues,
    );
  }
  return values;
}

/** What is wrong with one value: its message's key and values (the field's label is added). */
interface Problem {
  problem: ErrorKey;
  values?: Record<string, string | number>;
}

const problem = (key: ErrorKey, values?: Record<string, string | number>): Problem =>
  values ? { problem: key, values } : { problem: key };

function resolveOne(
  field: TemplateField,
  value: string | number | undefined,
): string | number | Problem {
  if (field.type === 'number') return resolveNumber(field, value);
  if (typeof value === 'number') return problem('errors:templates.fields.notText');
  if (field.type === 'choice') {
    const chosen = value ?? field.default ?? field.choices[0] ?? '';
    if (!field.choices.includes(chosen)) {
      return problem('errors:templates.fields.notAChoice', { choices: field.choices.join(', ') });
    }
    return chosen;
  }
  // Surrounding whitespace is never meant: it would only leave odd gaps in the prompt.
  const text = (value ?? field.default).trim();
  const limit = field.type === 'text' ? MAX_TEXT_FIELD_CHARS : MAX_LONG_TEXT_FIELD_CHARS;
  if (field.required && text === '') return problem('errors:templates.fields.required');
  if (text.length > limit) {
    return problem('errors:templates.fields.tooLong', { length: text.length, max: limit });
  }
  return text;
}

function resolveNumber(
  field: Extract<TemplateField, { type: 'number' }>,
  value: string | number | undefined,
): number | string | Problem {
  // Forms send what was typed; an empty box is "no value".
  const raw = typeof value === 'string' ? value.trim() : value;
  if (raw === undefined || raw === '') {
    if (field.default !== undefined) return field.default;
    return field.required ? problem('errors:templates.fields.required') : '';
  }
  const number = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(number)) return problem('errors:templates.fields.notANumber');
  if (field.integer && !Number.isInteger(number)) {
    return problem('errors:templates.fields.notWhole');
  }
  if (field.min !== undefined && number < field.min) {
    return problem('errors:templates.fields.belowMin', { min: field.min });
  }
  if (field.max !== undefined && number > field.max) {
    return problem('errors:templates.fields.aboveMax', { max: field.max });
  }
  return number;
}
