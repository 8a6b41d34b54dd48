/**
 * The built-in library: resources/templates/*.json, read once and checked like an import, so a
 * broken file is a clear startup error in development rather than a template that fails later.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Template } from '../../shared/schemas/templates.js';
import { parseTemplateFile } from './templateFile.js';

/** Beside the sources in development; main passes process.resourcesPath/templates when packaged. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(
  new URL('../../resources/templates', import.meta.url),
);

export function loadBuiltInTemplates(dir: string = DEFAULT_TEMPLATES_DIR): Template[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return files.map((name) => {
    try {
      const { id, definition } = parseTemplateFile(readFileSync(join(dir, name), 'utf8'));
      const expected = name.slice(0, -'.json'.length);
      if (id !== expected) throw new Error(`its id should be "${expected}", like its file name`);
      return { ...definition, id, builtIn: true, updatedAt: null };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`Built-in template ${name} is broken: ${why}`);
    }
  });
}
