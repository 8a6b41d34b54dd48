/**
 * Messages composed in main but shown to the writer: built by i18n key with their values, so the
 * UI shows them in the writer's language, while `message` keeps the English text from the same
 * catalog for logs and for clients that do not know the key.
 */
import {
  ApiError,
  isLocalizedMessage,
  type ErrorCode,
  type ErrorIssue,
  type LocalizedMessage,
  type LocalizedValue,
} from '../errors.js';
import { createI18n, type I18n } from './createI18n.js';
import type { errors } from './locales/en/errors.js';

type WithoutPlural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
type KeyPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${WithoutPlural<K>}`
    : KeyPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key of the errors namespace, as `errors:area.key`. */
export type ErrorKey = `errors:${KeyPaths<typeof errors>}`;
export type LocalizedValues = Record<string, LocalizedValue>;

export function localized(key: ErrorKey, values?: LocalizedValues): LocalizedMessage {
  return values ? { key, values } : { key };
}

/**
 * The text of a localized message in an instance's language; values that are messages
 * themselves are translated first. Numbers are passed as they are ({{count}} picks a plural).
 */
export function translateMessage(i18n: I18n, message: LocalizedMessage): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {})) {
    values[name] = typeof value === 'object' ? translateMessage(i18n, value) : value;
  }
  const t = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return t(message.key, values);
}

let english: I18n | undefined;

/** The English text of a localized message: what goes into `message` and the logs. */
export function englishText(message: LocalizedMessage): string {
  english ??= createI18n('en');
  return translateMessage(english, message);
}

/** An ApiError whose message is the English text of `key`, and which carries the key too. */
export function localizedError(
  code: ErrorCode,
  key: ErrorKey,
  values?: LocalizedValues,
  issues?: ErrorIssue[],
): ApiError {
  const message = localized(key, values);
  return new ApiError(code, englishText(message), issues, message);
}

/** The same for an already built message (e.g. a validator's, passed on unchanged). */
export function errorFromMessage(
  code: ErrorCode,
  message: LocalizedMessage,
  issues?: ErrorIssue[],
): ApiError {
  return new ApiError(code, englishText(message), issues, message);
}

/**
 * Why something failed, as a value in a message about it ("could not be loaded ({{detail}})"):
 * its key when it carries one (an ApiError, a validator's error), else its text as data.
 */
export function reasonOf(error: unknown): LocalizedValue {
  if (typeof error === 'object' && error !== null && 'localized' in error) {
    const { localized: message } = error as { localized: unknown };
    if (isLocalizedMessage(message)) return message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A field-level problem: the path it concerns, its English text and its key. */
export function localizedIssue(path: string, key: ErrorKey, values?: LocalizedValues): ErrorIssue {
  const message = localized(key, values);
  return { path, message: englishText(message), localized: message };
}
