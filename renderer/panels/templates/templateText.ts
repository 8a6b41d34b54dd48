/**
 * What the writer reads about a template, in the UI's language. Built-in templates (loaded by
 * main from resources/templates, in English) are translated by their id; the writer's own
 * templates show their own text. Choice values stay as they are (the body compares them); only
 * the words shown for them change. Call at render time: the language can change while the app runs.
 */
import { templates as englishTemplates } from '../../../shared/i18n/locales/en/templates.js';
import {
  templateKind,
  type Template,
  type TemplateField,
} from '../../../shared/schemas/templates.js';
import { i18n } from '../../i18n/i18n.js';

/** Enough of a template (or a summary) to tell whether it is a built-in one, and which. */
export interface TemplateIdentity {
  id: string;
  builtIn: boolean;
}

type BuiltInId = keyof typeof englishTemplates.builtIn;

interface BuiltInFieldText {
  label: string;
  help?: string;
  choices?: Partial<Record<string, string>>;
}

interface BuiltInText {
  name: string;
  description: string;
  fields: Partial<Record<string, BuiltInFieldText>>;
}

function isBuiltInId(id: string): id is BuiltInId {
  return Object.hasOwn(englishTemplates.builtIn, id);
}

function builtInText(template: TemplateIdentity): BuiltInText | null {
  if (!template.builtIn || !isBuiltInId(template.id)) return null;
  const text: BuiltInText = i18n.t(`templates:builtIn.${template.id}`, { returnObjects: true });
  return text;
}

export function templateName(template: TemplateIdentity & { name: string }): string {
  return builtInText(template)?.name ?? template.name;
}

export function templateDescription(template: TemplateIdentity & { description: string }): string {
  return builtInText(template)?.description ?? template.description;
}

/** A kind ("poem") as the gallery heads its group; an unknown one as it is. */
export function kindLabel(kind: string): string {
  const known = templateKind.safeParse(kind);
  return known.success ? i18n.t(`templates:kinds.${known.data}`) : kind;
}

export interface FieldText {
  label: string;
  help: string;
  /** The words shown for a choice's value. */
  choiceLabel: (choice: string) => string;
}

export function fieldText(template: TemplateIdentity, field: TemplateField): FieldText {
  const text = builtInText(template)?.fields[field.name];
  return {
    label: text?.label ?? field.label,
    // A built-in field without help has none in any language.
    help: text ? (text.help ?? '') : field.help,
    choiceLabel: (choice) => text?.choices?.[choice] ?? choice,
  };
}

/**
 * A built-in template with its name, description, field labels and help in the UI's language,
 * for "Save as my template": the writer's copy reads as they saw it. Choices and text stay.
 */
export function displayedTemplate(template: Template): Template {
  if (!builtInText(template)) return template;
  return {
    ...template,
    name: templateName(template),
    description: templateDescription(template),
    fields: template.fields.map((field) => {
      const { label, help } = fieldText(template, field);
      return { ...field, label, help };
    }),
  };
}
