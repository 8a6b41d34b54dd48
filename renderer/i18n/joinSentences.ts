import { i18n } from './i18n.js';

/** Sentences as one message, joined as the UI language joins them (Chinese: without a space). */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.reduce(
    (first, second) => (first ? i18n.t('common:nextSentence', { first, second }) : second),
    '',
  );
}
