/**
 * The template editor's draft: the parts as typed (fields as JSON text) and the definition they
 * make. Pure, so the JSON handling and the issue routing are tested without a page.
 */
import type { ErrorIssue } from '../../../shared/errors.js';
import type {
  Template,
  TemplateDefinitionInput,
  TemplateKind,
} from '../../../shared/schemas/templates.js';
import { describeIssue } from '../../ui/describeError.js';
import { i18n } from '../../i18n/i18n.js';

export interface EditorDraft {
  name: string;
  kind: TemplateKind;
  description: string;
  fieldsJson: string;
  /** Jinja for the new document's title, e.g. {{ title }}. */
  title: string;
  preamble: string;
  body: string;
  /** Kept as they were: the editor does not change sampler settings, stops or shape. */
  params: Template['params'];
  stop: string[];
  shape: Template['shape'];
}

export function draftFrom(template: Template): EditorDraft {
  return {
    name: template.name,
    kind: template.kind,
    description: template.description,
    fieldsJson: JSON.stringify(template.fields, null, 2),
    title: template.title,
    preamble: template.preamble,
    body: template.body,
    params: template.params,
    stop: template.stop,
    shape: template.shape,
  };
}

export type DraftResult =
  | { ok: true; definition: TemplateDefinitionInput }
  | { ok: false; part: 'fields'; message: string };

/**
 * The definition the draft makes. Only the JSON is checked here (the server checks the rest and
 * says where); fields must at least be a list so the request has the right shape.
 */
export function definitionFrom(draft: EditorDraft): DraftResult {
  let fields: unknown;
  try {
    fields = draft.fieldsJson.trim() === '' ? [] : JSON.parse(draft.fieldsJson);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = i18n.t('templates:editor.invalidJson', { detail });
    return { ok: false, part: 'fields', message };
  }
  if (!Array.isArray(fields)) {
    return { ok: false, part: 'fields', message: i18n.t('templates:editor.notAList') };
  }
  return {
    ok: true,
    definition: {
      name: draft.name,
      kind: draft.kind,
      description: draft.description,
      // The server validates each field; the cast only hands over what was typed.
      fields: fields as TemplateDefinitionInput['fields'],
      title: draft.title,
      preamble: draft.preamble,
      body: draft.body,
      params: draft.params,
      stop: draft.stop,
      shape: draft.shape,
    },
  };
}

/** Which editor control a server issue belongs to: "template.fields.2.name" → "fields". */
export function issueControl(path: string): string {
  const part = path.startsWith('template.') ? path.slice('template.'.length) : path;
  return part.split('.')[0] || 'template';
}

/**
 * Issues grouped by editor control, each in the writer's language and prefixed with the rest of
 * its path ("2.name: …").
 */
export function issuesByControl(issues: readonly ErrorIssue[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) {
    const control = issueControl(issue.path);
    const part = issue.path.startsWith('template.') ? issue.path.slice(9) : issue.path;
    const rest = part.split('.').slice(1).join('.');
    const message = describeIssue(issue);
    const separator = i18n.t('templates:preview.issueSeparator');
    (grouped[control] ??= []).push(rest ? `${rest}${separator}${message}` : message);
  }
  return grouped;
}

/**
 * "Save as my template": the template as it is, under a new name, with what the writer typed as
 * the new defaults (values that do not fit a field keep its old default).
 */
export function savedAsDefinition(
  template: Template,
  name: string,
  typed: Record<string, string>,
): TemplateDefinitionInput {
  const fields = template.fields.map((field) => {
    const text = typed[field.name];
    if (text === undefined) return field;
    if (field.type === 'number') {
      const value = text.trim() === '' ? undefined : Number(text);
      return value === undefined || Number.isFinite(value) ? { ...field, default: value } : field;
    }
    if (field.type === 'choice')
      return field.choices.includes(text) ? { ...field, default: text } : field;
    return { ...field, default: text };
  });
  const { id: _id, builtIn: _builtIn, updatedAt: _updatedAt, ...definition } = template;
  return { ...definition, name, fields };
}
