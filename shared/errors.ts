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

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** Field-level problems for invalid_request: path in the payload and what is wrong there. */
  issues?: { path: string; message: string }[];
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  readonly issues?: { path: string; message: string }[];

  constructor(code: ErrorCode, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (issues) this.issues = issues;
  }

  toJSON(): ApiErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }

  static from(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.issues);
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

/** What every transport carries back for one request. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ApiErrorShape };
