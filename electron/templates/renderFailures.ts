/**
 * What a writer is told when a render stops: which limit, its value, and the part that was
 * rendering when that is known. A limit is the template's doing (invalid_request, so the form
 * shows it where the template is edited); a renderer that cannot start or is full is not.
 */
import { ApiError, type ErrorIssue } from '../../shared/errors.js';
import {
  englishText,
  localized,
  localizedError,
  localizedIssue,
  type ErrorKey,
} from '../../shared/i18n/localizedMessage.js';
import type { RenderLimits } from './renderLimits.js';
import type { CountedLimit, TemplatePart } from './renderProtocol.js';

export type RenderLimit = CountedLimit | 'time' | 'memory';

/** A render stopped by one of its limits; `limit` says which. */
export class RenderLimitError extends ApiError {
  constructor(
    readonly limit: RenderLimit,
    message: ReturnType<typeof localized>,
    issues?: ErrorIssue[],
  ) {
    super('invalid_request', englishText(message), issues, message);
    this.name = 'RenderLimitError';
  }
}

const COUNTED_KEYS: Record<CountedLimit, ErrorKey> = {
  steps: 'errors:templates.limits.steps',
  chars: 'errors:templates.limits.chars',
  items: 'errors:templates.limits.items',
  depth: 'errors:templates.limits.depth',
};

export function countedLimitError(
  limit: CountedLimit,
  part: TemplatePart,
  limits: RenderLimits,
): RenderLimitError {
  const values = { part: localized(`errors:templates.parts.${part}`), max: limits[limit] };
  const issue = localizedIssue(part, COUNTED_KEYS[limit], values);
  return new RenderLimitError(limit, localized(COUNTED_KEYS[limit], values), [issue]);
}

/** Time and memory are the whole render's: which part was running is not known. */
export function processLimitError(
  limit: 'time' | 'memory',
  limits: RenderLimits,
): RenderLimitError {
  return limit === 'time'
    ? new RenderLimitError(
        'time',
        localized('errors:templates.limits.time', { seconds: limits.timeMs / 1000 }),
      )
    : new RenderLimitError(
        'memory',
        localized('errors:templates.limits.memory', { max: limits.memoryMb }),
      );
}

/** The template's own error (the library's English words), as before the limits. */
export function renderFailedError(part: TemplatePart, detail: string): ApiError {
  return localizedError(
    'invalid_request',
    'errors:templates.renderFailed',
    { part: localized(`errors:templates.parts.${part}`), detail },
    [{ path: part, message: detail }],
  );
}

export function rendererBusyError(): ApiError {
  return localizedError('unavailable', 'errors:templates.limits.busy');
}

export function rendererUnavailableError(): ApiError {
  return localizedError('unavailable', 'errors:templates.limits.rendererDown');
}
