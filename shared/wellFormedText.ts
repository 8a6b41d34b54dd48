/**
 * Text is kept only as whole characters. A JavaScript string can hold half of a surrogate pair
 * (a lone surrogate: a broken paste, a client's bug, a hostile request), but UTF-8, which the
 * database, the exports and the model's tokenizer all use, has no form for it: SQLite would
 * store replacement characters instead, so the stored text would differ from what was sent (and
 * from the document's content, whose JSON writes the same half as an escape). Such text is
 * refused where it comes in, never changed.
 */

import type { ApiError } from './errors.js';
import { localizedError } from './i18n/localizedMessage.js';

/** With the u flag a pair is one code point, so this matches only a half on its own. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Where a lone surrogate is: the path of the string in a request, and its index in that string. */
export interface BrokenCharacter {
  /** Dotted path from the value's root ('text', 'fields.0.value'); '(request)' for the root. */
  path: string;
  index: number;
}

/** The index of the first lone surrogate in `text`, or -1 when it holds whole characters only. */
export function loneSurrogateIndex(text: string): number {
  return text.search(LONE_SURROGATE);
}

/**
 * The first string in a decoded request (objects, arrays, their keys too) that holds a lone
 * surrogate. Walked without recursion: a request may be nested as deep as its frame allows.
 */
export function findBrokenCharacter(value: unknown): BrokenCharacter | null {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const found = brokenHere(next.value, next.path);
    if (found) return found;
    if (typeof next.value !== 'object' || next.value === null) continue;
    const entries = Object.entries(next.value);
    // Pushed in reverse, so the first field is looked at first and the report is stable.
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i] as [string, unknown];
      pending.push({ value: child, path: [...next.path, key] });
    }
  }
  return null;
}

function brokenHere(value: unknown, path: string[]): BrokenCharacter | null {
  if (typeof value === 'string') {
    const index = loneSurrogateIndex(value);
    return index === -1 ? null : { path: path.join('.') || '(request)', index };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  for (const key of Object.keys(value)) {
    const index = loneSurrogateIndex(key);
    if (index !== -1) return { path: [...path, key].join('.'), index };
  }
  return null;
}

/**
 * The first lone surrogate that a JSON text decodes to (Lexical's content writes one as a
 * `\ud800` escape, which is itself whole characters). Only text with such an escape is parsed;
 * text that is not JSON holds no escapes to decode and is looked at as it is.
 */
export function findBrokenCharacterInJson(json: string): BrokenCharacter | null {
  const direct = loneSurrogateIndex(json);
  if (direct !== -1) return { path: '(request)', index: direct };
  if (!/\\u[dD][89a-fA-F]/.test(json)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(json);
  } catch {
    return null;
  }
  return findBrokenCharacter(decoded);
}

/** The refusal of text with a lone surrogate: invalid_request, naming where it is. */
export function brokenCharacterError({ path, index }: BrokenCharacter): ApiError {
  const values = { path, position: index + 1 };
  const issue = { path, message: `unpaired UTF-16 surrogate at index ${index}` };
  return localizedError('invalid_request', 'errors:storedText.brokenCharacter', values, [issue]);
}
