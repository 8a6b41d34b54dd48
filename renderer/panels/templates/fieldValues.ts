/**
 * The form's values: kept as typed (text), checked here with the same rules the server applies,
 * and turned into the values templates.preview and templates.generate take. Pure, so the rules
 * are tested without a page.
 */
import type { ErrorIssue } from '../../../shared/errors.js';
import {
  MAX_LONG_TEXT_FIELD_CHARS,
  MAX_TEXT_FIELD_CHARS,
  type FieldValues,
  type TemplateField,
} from '../../../shared/schemas/templates.js';
import { describeIssue } from '../../ui/describeError.js';
import { i18n } from '../../i18n/i18n.js';

/** What is typed, per field name. */
export type FormText = Record<string, string>;

/** The form as it opens: each field's default (a choice starts on its default or first option). */
export function initialText(fields: readonly TemplateField[]): FormText {
  const text: FormText = {};
  for (const field of fields) {
    if (field.type === 'choice') text[field.name] = field.default ?? field.choices[0] ?? '';
    else if (field.type === 'number') text[field.name] = field.default?.toString() ?? '';
    else text[field.name] = field.default;
  }
  return text;
}

/** A number as typed, or null when it is not one yet ("", "1.", "abc"). */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?(\d+(\.\d+)?|\.\d+)$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function rangeProblem(min: number | undefined, max: number | undefined, value: number) {
  if (min !== undefined && max !== undefined && (value < min || value > max)) {
    return i18n.t('templates:problems.range', { min, max });
  }
  if (min !== undefined && value < min) return i18n.t('templates:problems.atLeast', { min });
  if (max !== undefined && value > max) return i18n.t('templates:problems.atMost', { max });
  return null;
}

const required = (): string => i18n.t('templates:problems.required');

/** What is wrong with one field's text, in words for the writer; null when it is fine. */
export function fieldProblem(field: TemplateField, text: string): string | null {
  const empty = text.trim() === '';
  if (field.type === 'number') {
    // An empty number takes the field's default on the server.
    if (empty) return field.required && field.default === undefined ? required() : null;
    const value = parseNumber(text);
    if (value === null) return i18n.t('templates:problems.enterNumber');
    if (field.integer && !Number.isInteger(value))
      return i18n.t('templates:problems.enterWholeNumber');
    return rangeProblem(field.min, field.max, value);
  }
  if (field.type === 'choice') {
    if (field.choices.includes(text)) return null;
    const choices = field.choices.join(i18n.t('templates:problems.choiceSeparator'));
    return i18n.t('templates:problems.chooseOne', { choices });
  }
  if (empty) return field.required ? required() : null;
  const limit = field.type === 'text' ? MAX_TEXT_FIELD_CHARS : MAX_LONG_TEXT_FIELD_CHARS;
  const length = text.trim().length;
  return length > limit ? i18n.t('templates:problems.tooLong', { limit, length }) : null;
}

/** Every field's problem, by field name; empty when the form can be sent. */
export function formProblems(
  fields: readonly TemplateField[],
  text: FormText,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const problem = fieldProblem(field, text[field.name] ?? '');
    if (problem !== null) problems[field.name] = problem;
  }
  return problems;
}

/**
 * The values to send. Text goes as typed (an emptied box means empty, not "the default again");
 * numbers go as numbers, and an empty number box is left out so the field's default applies.
 */
export function fieldValues(fields: readonly TemplateField[], text: FormText): FieldValues {
  const values: FieldValues = {};
  for (const field of fields) {
    const raw = text[field.name] ?? '';
    if (field.type !== 'number') values[field.name] = raw;
    else if (raw.trim() !== '') values[field.name] = parseNumber(raw) ?? raw;
  }
  return values;
}

/** The server's issues that point at one form field ("fields.<name>"), by field name. */
export function issuesByField(issues: readonly ErrorIssue[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const match = /^fields\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(issue.path);
    if (match?.[1] && byField[match[1]] === undefined) byField[match[1]] = describeIssue(issue);
  }
  return byField;
}
