/**
 * What may go into a log file. Logs are for finding faults, so they keep error names, short
 * messages, stack frames, paths and codes; they never keep the writer's text or a secret. A key
 * or token is replaced by its kind, and quoted text, long prose and long runs of CJK text (a
 * paragraph in an error message, a prompt, a title) by their length.
 */

/** Secrets by their shape: keys of the common services, bearer tokens, the headless token. */
const SECRETS: [RegExp, string][] = [
  [/\b(authorization|bearer)(\s*[:=]?\s*)(?:bearer\s+)?[\w.~+/=-]{8,}/gi, '$1$2[secret]'],
  [/\b(?:sk|pk|rk)-[\w-]{12,}/g, '[api key]'],
  [/\bhf_[A-Za-z0-9]{12,}/g, '[api key]'],
  [/\bAIza[\w-]{20,}/g, '[api key]'],
  [
    /\b(api[_-]?key|access[_-]?token|token|secret|password)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
    '$1$2[secret]',
  ],
];

/** Quoted text longer than an option value is someone's words, unless it is a path. */
const QUOTED = /(["'“‘«「])([^"'”’»」\n]{25,})(["'”’»」])/gu;
/** A path or an address in quotes names a file, not someone's words. */
const PATH = /^(?:[/~]|[A-Za-z]:[\\/]|\\\\|file:|https?:)\S*$/;
/** Sixteen or more words in a row: prose, not a message of ours or a stack frame. */
const PROSE = /(?:[\p{L}\p{M}]+[\s,.;:!?—–-]+){15,}[\p{L}\p{M}]+/gu;
/** CJK text has no spaces between words: twenty characters in a row is a sentence. */
const CJK_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}，。！？、]{20,}/gu;
/** A stack frame or a message is shorter than this. */
const MAX_LINE = 2000;

const length = (text: string): string => `[${[...text].length} characters]`;

export function redact(text: string): string {
  let result = text;
  for (const [pattern, replacement] of SECRETS) result = result.replace(pattern, replacement);
  result = result
    .replace(QUOTED, (all: string, open: string, inner: string, close: string) =>
      PATH.test(inner) ? all : open + length(inner) + close,
    )
    .replace(PROSE, (run) => length(run))
    .replace(CJK_RUN, (run) => length(run));
  return result
    .split('\n')
    .map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… ${length(line)}` : line))
    .join('\n');
}
