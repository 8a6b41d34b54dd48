import type { DocumentSummary } from '../../shared/schemas/documents.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import {
  brokenCharacterError,
  findBrokenCharacterInJson,
  loneSurrogateIndex,
} from '../../shared/wellFormedText.js';

/** A document's words as they come in: each field is optional (a create may leave some out). */
export interface IncomingText {
  title?: string | undefined;
  text?: string | undefined;
  content?: string | undefined;
}

/**
 * Refuses what could not be stored exactly as sent: a title or text with half a character (a
 * lone surrogate), or content whose JSON decodes to one. The router refuses such strings from
 * both transports already; this holds for callers inside main too, and for the content, whose
 * JSON writes the half as an escape, so that text and content always agree with what was sent.
 */
export function assertStorableText(incoming: IncomingText): void {
  for (const path of ['title', 'text'] as const) {
    const value = incoming[path];
    const index = value === undefined ? -1 : loneSurrogateIndex(value);
    if (index !== -1) throw brokenCharacterError({ path, index });
  }
  const broken =
    incoming.content === undefined ? null : findBrokenCharacterInJson(incoming.content);
  if (broken) {
    const path = broken.path === '(request)' ? 'content' : `content.${broken.path}`;
    throw brokenCharacterError({ path, index: broken.index });
  }
}

/**
 * A document in the trash is not being written: a save, rename or restored revision arriving
 * for it (another window, a late autosave) is refused, so nothing changes out of sight; the
 * sender keeps its text, and once the document is restored the same request succeeds.
 */
export function assertNotInTrash(current: DocumentSummary): void {
  if (current.deletedAt === null) return;
  throw localizedError('not_found', 'errors:storedText.inTrash', { title: current.title });
}

/**
 * The version a change was made on must be the current one: any other is a conflict, never
 * overwritten. A save always names it (the contract requires it: a client that has not seen
 * the document has nothing to save over); a revision's restore may leave it out, because the
 * text it replaces is kept as a revision first.
 */
export function assertBaseVersion(current: DocumentSummary, baseVersion: number | undefined): void {
  if (baseVersion === undefined || baseVersion === current.version) return;
  throw localizedError('conflict', 'errors:documents.changedElsewhere', {
    title: current.title,
    current: current.version,
    base: baseVersion,
  });
}
