/**
 * The template file format (import, export, and the built-in library): one JSON object, the
 * definition's fields plus "format" and "version" so a file says what it is. Parsing reports the
 * JSON error's place, a wrong format, or the definition's problems; nothing is half-read.
 */
import { ApiError } from '../../shared/errors.js';
import type { TemplateDefinition } from '../../shared/schemas/templates.js';
import { positionAt } from './templateSyntax.js';
import { parseDefinition } from './templateValidation.js';

export const TEMPLATE_FILE_FORMAT = 'inkwell-template';
export const TEMPLATE_FILE_VERSION = 1;

export interface TemplateFile {
  /** Built-in files name their id; imported files get a new one. */
  id: string | undefined;
  definition: TemplateDefinition;
}

export function parseTemplateFile(json: string): TemplateFile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ApiError(
      'invalid_request',
      `The file is not valid JSON: ${jsonProblem(json, error)}.`,
      [{ path: 'json', message: jsonProblem(json, error) }],
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw notATemplate('the file holds no JSON object');
  }
  const { format, version, id, ...rest } = data as Record<string, unknown>;
  if (format !== TEMPLATE_FILE_FORMAT) {
    throw notATemplate(`"format" should be "${TEMPLATE_FILE_FORMAT}"`);
  }
  if (version !== TEMPLATE_FILE_VERSION) {
    throw notATemplate(
      `version ${String(version)} is not one this Inkwell reads (it reads ${TEMPLATE_FILE_VERSION})`,
    );
  }
  return {
    id: typeof id === 'string' ? id : undefined,
    definition: parseDefinition(rest, 'template file'),
  };
}

export function templateFileJson(definition: TemplateDefinition): string {
  return `${JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: TEMPLATE_FILE_VERSION, ...definition }, null, 2)}\n`;
}

function notATemplate(why: string): ApiError {
  return new ApiError('invalid_request', `The file is not an Inkwell template: ${why}.`, [
    { path: 'json', message: why },
  ]);
}

/** V8 names the offset ("at position 42"); the writer wants a line and column. */
function jsonProblem(json: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const offset = /position (\d+)/.exec(message)?.[1];
  if (offset === undefined) return message;
  const at = positionAt(json, Number(offset));
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${at.line}, column ${at.column}`;
}
