/**
 * The words the writer sees for an error: a message from main in their language (by its i18n
 * key, the values data or messages translated the same way), else the English message it came
 * with; and "what failed: why" in a pattern each language sets.
 */
import {
  ApiError,
  isApiErrorShape,
  isLocalizedMessage,
  type LocalizedMessage,
} from '../../shared/errors.js';
import { translateMessage } from '../../shared/i18n/localizedMessage.js';
import { i18n } from '../i18n/i18n.js';

/** True when the UI's catalog has the message's key and the keys of messages inside it. */
function translatable(message: LocalizedMessage): boolean {
  const count = message.values?.count;
  const options = typeof count === 'number' ? { count } : {};
  const exists = i18n.exists as unknown as (key: string, options: object) => boolean;
  if (!exists(message.key, options)) return false;
  return Object.values(message.values ?? {}).every(
    (value) => typeof value !== 'object' || translatable(value),
  );
}

/**
 * A message from main in the writer's language: by its key when this UI knows it (the values
 * are data, or messages translated the same way), else the English text main sent with it.
 */
export function localizedText(localized: LocalizedMessage | undefined, fallback: string): string {
  if (localized && isLocalizedMessage(localized) && translatable(localized)) {
    return translateMessage(i18n, localized);
  }
  return fallback;
}

/** Words for the writer: the server's message when there is one, never a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError || (!(error instanceof Error) && isApiErrorShape(error))) {
    return localizedText(error.localized, error.message);
  }
  if (error instanceof Error && error.message) return error.message;
  return i18n.t('errors:report.unexpected');
}

/** One field-level problem from an invalid_request, in the writer's language. */
export function describeIssue(issue: { message: string; localized?: LocalizedMessage }): string {
  return localizedText(issue.localized, issue.message);
}

/** What the banner says: what failed, then why ("Could not save: the disk is full."). */
export function reportText(error: unknown, whatFailed?: string): string {
  const description = describeError(error);
  return whatFailed
    ? i18n.t('errors:report.withContext', { whatFailed, description })
    : description;
}
