/**
 * Matching a lorebook key in the writer's recent text. A key is a plain word or phrase, matched
 * as whole words (a letter or digit may not touch either end) in linear time, or a /regex/flags,
 * which is the writer's own code run on their text: a regex can backtrack for minutes on a short
 * text ((a+)+$), so every regex runs in a vm context under a time limit (V8 checks for the
 * interrupt inside the regex engine, so a runaway match is stopped, not waited out), and its
 * source is at most MAX_LORE_KEY_CHARS characters.
 */
import vm from 'node:vm';

/** The longest one regex may run on one scan; the whole scan of a lorebook has REGEX_SCAN_BUDGET_MS. */
export const REGEX_TIME_LIMIT_MS = 20;
export const REGEX_SCAN_BUDGET_MS = 100;
const ALLOWED_FLAGS = /^[imsu]*$/;

export type ParsedKey =
  { kind: 'plain'; text: string } | { kind: 'regex'; source: string; flags: string };

export type KeyMatch = { matched: true; text: string } | { matched: false; timedOut: boolean };

/** A key written /…/flags is a regex; anything else is plain text. */
export function parseKey(key: string): ParsedKey {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(key);
  if (regex) return { kind: 'regex', source: regex[1] as string, flags: regex[2] as string };
  return { kind: 'plain', text: key.trim() };
}

/** Why a key cannot be used, or null. Only compiles the regex: compiling never backtracks. */
export function keyProblem(key: string): string | null {
  const parsed = parseKey(key);
  if (parsed.kind === 'plain') return parsed.text === '' ? 'empty' : null;
  if (!ALLOWED_FLAGS.test(parsed.flags)) return `flags "${parsed.flags}" (allowed: i, m, s, u)`;
  try {
    new RegExp(parsed.source, parsed.flags);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Plain keys: whole words, in one pass of indexOf. */
export function matchPlain(text: string, key: string, caseSensitive: boolean): string | null {
  if (key === '') return null;
  const haystack = caseSensitive ? text : text.toLowerCase();
  const needle = caseSensitive ? key : key.toLowerCase();
  if (haystack.length !== text.length) return matchLoose(text, key, caseSensitive);
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (
      !isWordCharacter(text, at - 1, needle, true) &&
      !isWordCharacter(text, end, needle, false)
    ) {
      return text.slice(at, end);
    }
  }
  return null;
}

/** Lower-casing changed the text's length (rare letters): match without the word rule's offsets. */
function matchLoose(text: string, key: string, caseSensitive: boolean): string | null {
  const flags = caseSensitive ? 'u' : 'iu';
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A literal pattern with lookarounds of one character: linear, no backtracking to speak of.
  const first = String.fromCodePoint(key.codePointAt(0) ?? 0);
  const last = String.fromCodePoint(key.codePointAt(key.length - 1) ?? 0);
  const before = UNSPACED_SCRIPT.test(first) ? '' : '(?<![\\p{L}\\p{N}])';
  const after = UNSPACED_SCRIPT.test(last) ? '' : '(?![\\p{L}\\p{N}])';
  const found = new RegExp(`${before}${escaped}${after}`, flags).exec(text);
  return found ? found[0] : null;
}

/** Whether the character beside a match is a letter or digit (only where the key's own end is one). */
function isWordCharacter(text: string, index: number, key: string, before: boolean): boolean {
  if (index < 0 || index >= text.length) return false;
  const keyEdge = before ? key.codePointAt(0) : key.codePointAt(key.length - 1);
  if (keyEdge === undefined || !WORD_CHARACTER.test(String.fromCodePoint(keyEdge))) return false;
  // Chinese and Japanese are written without spaces: a key ending in one of their characters
  // cannot wait for a word boundary, which running text there almost never has.
  if (UNSPACED_SCRIPT.test(String.fromCodePoint(keyEdge))) return false;
  let at = index;
  // Before the match, the code point ends at index: step back over a surrogate pair.
  if (before && isLowSurrogate(text.charCodeAt(at)) && at > 0) at -= 1;
  return WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(at) ?? 0));
}

const WORD_CHARACTER = /^[\p{L}\p{N}]/u;
const UNSPACED_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Runs the writer's regexes on their text under a time limit. One vm context, reused: the regex
 * is built inside it, and a run past its limit throws there and is reported as timed out.
 */
export class RegexRunner {
  private readonly context = vm.createContext(Object.create(null) as object);
  private readonly script = new vm.Script(
    'var found = new RegExp(source, flags).exec(text); found === null ? null : String(found[0]);',
  );

  run(source: string, flags: string, text: string, limitMs: number): KeyMatch {
    if (limitMs < 1) return { matched: false, timedOut: true };
    const context = this.context as Record<string, unknown>;
    context.source = source;
    context.flags = flags.replace(/[^imsu]/g, '');
    context.text = text;
    try {
      const found = this.script.runInContext(this.context, { timeout: Math.ceil(limitMs) }) as
        string | null;
      return found === null ? { matched: false, timedOut: false } : { matched: true, text: found };
    } catch (error) {
      const timedOut = (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
      return { matched: false, timedOut };
    } finally {
      context.text = '';
    }
  }
}
