/** Errors that cross the process boundary: a stable code the UI can act on, and a message for people. */
export const errorCodes = [
  'invalid_request',
  'unknown_channel',
  'not_found',
  'conflict',
  'unauthorized',
  'too_large',
  'unavailable',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** A value put into a localized message: data (a number, a name), or another localized message. */
export type LocalizedValue = string | number | LocalizedMessage;

/**
 * A message by its i18n key (e.g. 'errors:noModelLoaded') and the values for its placeholders,
 * so the UI can show it in the writer's language; `message` beside it holds the same text in
 * English for logs and for clients that do not know the key.
 */
export interface LocalizedMessage {
  key: string;
  values?: Record<string, LocalizedValue>;
}

export interface ErrorIssue {
  path: string;
  message: string;
  localized?: LocalizedMessage;
}

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** Field-level problems for invalid_request: path in the payload and what is wrong there. */
  issues?: ErrorIssue[];
  /** The message by its i18n key, for the UI to show in the writer's language. */
  localized?: LocalizedMessage;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  readonly issues?: ErrorIssue[];
  readonly localized?: LocalizedMessage;

  constructor(
    code: ErrorCode,
    message: string,
    issues?: ErrorIssue[],
    localized?: LocalizedMessage,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (issues) this.issues = issues;
    if (localized) this.localized = localized;
  }

  toJSON(): ApiErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.localized ? { localized: this.localized } : {}),
    };
  }

  /**
   * From what a transport delivered: a localized message that is malformed or too large is
   * dropped (the English message still shows), never trusted.
   */
  static from(shape: ApiErrorShape): ApiError {
    const issues = Array.isArray(shape.issues)
      ? shape.issues.map((issue) => {
          const { localized, ...rest } = issue;
          return isLocalizedMessage(localized) ? { ...rest, localized } : rest;
        })
      : undefined;
    const localized = isLocalizedMessage(shape.localized) ? shape.localized : undefined;
    return new ApiError(shape.code, shape.message, issues, localized);
  }
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (errorCodes as readonly string[]).includes(v.code) &&
    typeof v.message === 'string'
  );
}

/** Limits on a localized message from elsewhere, so a peer cannot make the UI do much work. */
export const LOCALIZED_LIMITS = {
  keyChars: 200,
  valueCount: 16,
  valueChars: 4000,
  /** Messages nested as values, e.g. "cannot be used: {{reason}}" with the reason's own key. */
  depth: 4,
} as const;

const KEY_PATTERN = /^[A-Za-z][\w-]*:[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$/;
const VALUE_NAME_PATTERN = /^[A-Za-z_]\w{0,63}$/;

export function isLocalizedMessage(value: unknown, depth = 0): value is LocalizedMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (depth >= LOCALIZED_LIMITS.depth) return false;
  const { key, values, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return false;
  if (typeof key !== 'string' || key.length > LOCALIZED_LIMITS.keyChars || !KEY_PATTERN.test(key))
    return false;
  if (values === undefined) return true;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
  const entries = Object.entries(values);
  if (entries.length > LOCALIZED_LIMITS.valueCount) return false;
  return entries.every(
    ([name, item]) =>
      VALUE_NAME_PATTERN.test(name) &&
      ((typeof item === 'string' && item.length <= LOCALIZED_LIMITS.valueChars) ||
        (typeof item === 'number' && Number.isFinite(item)) ||
        isLocalizedMessage(item, depth + 1)),
  );
}

/** What every transport carries back for one request. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ApiErrorShape };
