/**
 * The template file format (import, export, and the built-in library): one JSON object, the
 * definition's fields plus "format" and "version" so a file says what it is. Parsing reports the
 * JSON error's place, a wrong format, or the definition's problems; nothing is half-read.
 */
import type { ApiError, LocalizedMessage, LocalizedValue } from '../../shared/errors.js';
import { englishText, localized, localizedError } from '../../shared/i18n/localizedMessage.js';
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
    const problem = jsonProblem(json, error);
    throw localizedError('invalid_request', 'errors:templates.file.notJson', { problem }, [
      issue(problem),
    ]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw notATemplate(localized('errors:templates.file.noObject'));
  }
  const { format, version, id, ...rest } = data as Record<string, unknown>;
  if (format !== TEMPLATE_FILE_FORMAT) {
    throw notATemplate(
      localized('errors:templates.file.wrongFormat', { format: TEMPLATE_FILE_FORMAT }),
    );
  }
  if (version !== TEMPLATE_FILE_VERSION) {
    throw notATemplate(
      localized('errors:templates.file.wrongVersion', {
        version: String(version),
        supported: TEMPLATE_FILE_VERSION,
      }),
    );
  }
  return {
    id: typeof id === 'string' ? id : undefined,
    definition: parseDefinition(rest, 'templateFile'),
  };
}

export function templateFileJson(definition: TemplateDefinition): string {
  return `${JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: TEMPLATE_FILE_VERSION, ...definition }, null, 2)}\n`;
}

function notATemplate(why: LocalizedMessage): ApiError {
  return localizedError('invalid_request', 'errors:templates.file.notATemplate', { why }, [
    issue(why),
  ]);
}

function issue(problem: LocalizedValue): {
  path: string;
  message: string;
  localized?: LocalizedMessage;
} {
  return typeof problem === 'object'
    ? { path: 'json', message: englishText(problem), localized: problem }
    : { path: 'json', message: String(problem) };
}

/**
 * V8 names the offset ("at position 42"); the writer wants a line and column. V8's own words
 * for the problem are English and stay as they are.
 */
function jsonProblem(json: string, error: unknown): LocalizedValue {
  const message = error instanceof Error ? error.message : String(error);
  const offset = /position (\d+)/.exec(message)?.[1];
  if (offset === undefined) return message;
  const at = positionAt(json, Number(offset));
  return localized('errors:templates.file.jsonProblemAt', {
    problem: message.replace(/ in JSON at position \d+.*$/, ''),
    ...at,
  });
}
