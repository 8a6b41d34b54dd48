import { i18n } from '../i18n/i18n.js';

/**
 * The title main stores for a document without one (documentsService's UNTITLED). It is English
 * data, not UI text: the renderer shows such a document as untitled in the writer's language.
 */
const STORED_UNTITLED = 'Untitled';

/** Whether a document has no title of its own (none at all, or main's stored placeholder). */
export function isUntitled(title: string): boolean {
  const trimmed = title.trim();
  return trimmed === '' || trimmed === STORED_UNTITLED;
}

/** A document's title as the writer sees it: "Untitled" in the UI language when it has none. */
export function displayTitle(title: string): string {
  return isUntitled(title) ? i18n.t('common:untitled') : title.trim();
}
