import { UNTITLED_TITLE } from '../../shared/schemas/documents.js';
import { i18n } from '../i18n/i18n.js';

/** Whether a document has no title of its own (none at all, or main's stored placeholder). */
export function isUntitled(title: string): boolean {
  const trimmed = title.trim();
  return trimmed === '' || trimmed === UNTITLED_TITLE;
}

const FIRST_WORDS = 6;
const FIRST_WORDS_CHARS = 40;

/** The first few words of a text, to name a document that has no title yet ('' for none). */
export function firstWords(text: string): string {
  const words = text
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');
  let shown = '';
  for (const word of words.slice(0, FIRST_WORDS)) {
    const next = shown === '' ? word : `${shown} ${word}`;
    if (next.length > FIRST_WORDS_CHARS && shown !== '') break;
    shown = next.slice(0, FIRST_WORDS_CHARS);
  }
  return shown !== '' && shown.length < words.join(' ').length ? `${shown}…` : shown;
}

/**
 * A document's title as the writer sees it. Until they name it, its first words (from `text`,
 * e.g. the list's excerpt); "Untitled" in the UI language only when it is empty too.
 */
export function displayTitle(title: string, text = ''): string {
  if (!isUntitled(title)) return title.trim();
  return firstWords(text) || i18n.t('common:untitled');
}
