/**
 * A template is checked for more than its syntax before it is stored (saved, imported,
 * duplicated): it is rendered once, under the same limits as always, with its own defaults (or
 * a plain sample where a field has none). One that cannot stay within them even then is
 * refused with the limit's message, instead of failing in every preview after it was imported.
 * A template that stays within them can still exceed them with other values; rendering is
 * bounded every time, so that costs a message, never the app.
 */
import type { TemplateDefinition, TemplateField } from '../../shared/schemas/templates.js';
import { RenderLimitError } from './renderFailures.js';
import type { TemplateRenderer } from './templateRenderer.js';
import { invalid, type TemplateSource } from './templateValidation.js';

export async function checkWithinLimits(
  definition: TemplateDefinition,
  renderer: TemplateRenderer,
  where: TemplateSource,
): Promise<void> {
  const values = definition.fields.map((field): [string, string | number] => [
    field.name,
    sampleValue(field),
  ]);
  try {
    await renderer.render(
      { preamble: definition.preamble, body: definition.body, title: definition.title },
      values,
    );
  } catch (error) {
    // Other failures (a filter that does not take a sample value) are the preview's to show.
    if (!(error instanceof RenderLimitError)) return;
    // Time and memory belong to the whole template, not one part.
    const whole = { path: '(template)', message: error.message };
    throw invalid(
      where,
      error.issues ?? [error.localized ? { ...whole, localized: error.localized } : whole],
    );
  }
}

/** What a writer would most likely leave in the field: its default, else something plain. */
function sampleValue(field: TemplateField): string | number {
  switch (field.type) {
    case 'choice':
      return field.default ?? field.choices[0] ?? '';
    case 'number': {
      const value = field.default ?? field.min ?? field.max ?? 1;
      return field.integer ? Math.round(value) : value;
    }
    default:
      return field.default.trim() === '' ? field.label : field.default.trim();
  }
}
