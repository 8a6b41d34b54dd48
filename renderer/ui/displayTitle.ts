import { UNTITLED_TITLE } from '../../shared/schemas/documents.js';
import { i18n } from '../i18n/i18n.js';

/** Whether a document has no title of its own (none at all, or main's stored placeholder). */
export function isUntitled(title: string): boolean {
  const trimmed = title.trim();
  return trimmed === '' || trimmed === UNTITLED_TITLE;
}

/** A document's title as the writer sees it: "Untitled" in the UI language when it has none. */
export function displayTitle(title: string): string {
  return isUntitled(title) ? i18n.t('common:untitled') : title.trim();
}
