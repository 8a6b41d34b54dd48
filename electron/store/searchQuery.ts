/** More terms than this add nothing for a writer's search and only cost time. */
const MAX_TERMS = 24;

/**
 * The runs of characters FTS5's unicode61 tokenizer treats as word characters (letters, digits,
 * combining marks); everything else separates words, exactly as it does when the text is indexed.
 */
const TERM_PATTERN = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Turns whatever the writer typed into an FTS5 query that cannot be a syntax error: each word
 * becomes a quoted prefix term ("word"*), all of which must match. FTS operators the writer types
 * (AND, NEAR, quotes, parentheses, *) are searched as plain words or dropped as punctuation.
 * Returns null when nothing searchable is left.
 */
export function toFtsMatchQuery(userQuery: string): string | null {
  const terms = Array.from(userQuery.matchAll(TERM_PATTERN), (match) => match[0]).slice(
    0,
    MAX_TERMS,
  );
  if (terms.length === 0) return null;
  // The pattern admits no double quotes, so quoting needs no escaping.
  return terms.map((term) => `"${term}"*`).join(' ');
}
