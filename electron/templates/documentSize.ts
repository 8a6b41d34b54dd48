/**
 * How large a document made from plain text becomes once the editor opens it. A template's
 * document is stored as text; the editor turns each line into a paragraph
 * (renderer/editor/content.ts) and saves Lexical's JSON, which documents.save caps at
 * MAX_DOCUMENT_JSON_CHARS. A document over the cap could never be saved again, so main checks
 * the JSON it will become, not just its text: a few characters of text per line cost over a
 * hundred of JSON.
 */
import type { ApiError } from '../../shared/errors.js';
import { localizedError, localizedIssue } from '../../shared/i18n/localizedMessage.js';
import { MAX_DOCUMENT_JSON_CHARS } from '../../shared/schemas/documents.js';

// Lexical 0.52's serialized root, empty paragraph and text node are 92, 114 and 84 characters
// (plus the text as a JSON string); these leave room for a few more attributes.
const ROOT_JSON_CHARS = 120;
const PARAGRAPH_JSON_CHARS = 140;
const TEXT_NODE_JSON_CHARS = 110;

/**
 * What the model's output may add to a template's document, per token of maxTokens: a token is
 * a few characters, at worst a few line breaks (a paragraph each).
 */
export const OUTPUT_JSON_CHARS_PER_TOKEN = 512;

/** An upper bound on the editor's JSON for a document holding this text. */
export function editorJsonUpperBound(text: string): number {
  let total = ROOT_JSON_CHARS;
  for (const line of text.split('\n')) {
    total += PARAGRAPH_JSON_CHARS;
    if (line !== '') total += TEXT_NODE_JSON_CHARS + JSON.stringify(line).length;
  }
  return total;
}

/** Whether a document holding this text can be saved by the editor (with room to spare). */
export function fitsInDocument(text: string, reserve = 0): boolean {
  return editorJsonUpperBound(text) + reserve <= MAX_DOCUMENT_JSON_CHARS;
}

/** The writer's message: the opening is what makes the document too large. */
export function documentTooLargeError(): ApiError {
  const values = { maxMb: MAX_DOCUMENT_JSON_CHARS / 2 ** 20 };
  return localizedError('invalid_request', 'errors:templates.limits.documentTooLarge', values, [
    localizedIssue('body', 'errors:templates.limits.documentTooLarge', values),
  ]);
}
