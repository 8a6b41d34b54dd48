/**
 * Han ideographs, kana and the CJK punctuation-free ranges: scripts written without spaces, where
 * each character is counted as one word, as Word and WPS count Chinese and Japanese (a Chinese
 * writer's 字数). Hangul is left out on purpose: Korean separates words with spaces, so it is
 * counted like Latin text. The counts are shown in the UI language by `common:words`. Main
 * stores the same count with each document, so the list and the status bar agree.
 */
const SPACELESS_SCRIPT_CHARACTER =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007\u30FC]/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface TextCounts {
  words: number;
  characters: number;
}

export function countWords(text: string): number {
  let words = 0;
  const spaced = text.replace(SPACELESS_SCRIPT_CHARACTER, () => {
    words += 1;
    return ' ';
  });
  for (const token of spaced.split(/\s+/u)) {
    // Stray punctuation such as an em dash between spaces is not a word.
    if (token && HAS_LETTER_OR_DIGIT.test(token)) words += 1;
  }
  return words;
}

/** Characters as a reader sees them (code points), leaving out line breaks between paragraphs. */
export function countCharacters(text: string): number {
  let characters = 0;
  for (const character of text) if (character !== '\n' && character !== '\r') characters += 1;
  return characters;
}

export function countText(text: string): TextCounts {
  return { words: countWords(text), characters: countCharacters(text) };
}
