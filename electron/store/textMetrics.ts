/** How long a list excerpt may be, in characters. */
export const EXCERPT_CHARS = 160;

/** The first ~160 characters of the text on one line, cut at a word boundary where there is one. */
export function makeExcerpt(text: string, maxChars = EXCERPT_CHARS): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  const characters = Array.from(oneLine);
  if (characters.length <= maxChars) return oneLine;
  const cut = characters.slice(0, maxChars).join('');
  const lastSpace = cut.lastIndexOf(' ');
  const atWord = lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.trimEnd()}…`;
}
