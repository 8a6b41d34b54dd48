import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/contract.js';
import { ApiError, type Reply } from '../../shared/errors.js';
import { localizedError, type ErrorKey } from '../../shared/i18n/localizedMessage.js';
import { brokenCharacterError, findBrokenCharacter } from '../../shared/wellFormedText.js';
import type { Handler, Handlers } from '../core/handler.js';
import type { RequestContext } from '../core/requestContext.js';

export interface Router {
  /** Validates and dispatches one request; never throws, always answers with a Reply. */
  dispatch(channel: unknown, payload: unknown, context: RequestContext): Promise<Reply<unknown>>;
}

export type ErrorLogger = (channel: string, error: unknown) => void;

const defaultLogger: ErrorLogger = (channel, error) => {
  console.error(`[inkwell] ${channel} failed:`, error);
};

export function createRouter(handlers: Handlers, logError: ErrorLogger = defaultLogger): Router {
  return {
    async dispatch(channel, payload, context) {
      if (!isChannel(channel)) {
        return fail(
          typeof channel === 'string'
            ? localizedError('unknown_channel', 'errors:request.unknownChannel', {
                channel: channel.slice(0, 80),
              })
            : localizedError('unknown_channel', 'errors:request.noChannel'),
        );
      }
      // Every string of every channel, from either transport: text is kept exactly or refused.
      const broken = findBrokenCharacter(payload);
      if (broken) return fail(brokenCharacterError(broken));
      const parsed = contract[channel].request.safeParse(payload ?? {});
      if (!parsed.success) return fail(invalidRequest(channel, parsed.error));
      try {
        const handler = handlers[channel] as Handler<typeof channel>;
        const data = await handler(parsed.data as never, context);
        return { ok: true, data };
      } catch (error) {
        if (error instanceof ApiError) return fail(error);
        logError(channel, error);
        return fail(localizedError('internal', internalMessage(error)));
      }
    },
  };
}

function fail(error: ApiError): Reply<never> {
  return { ok: false, error: error.toJSON() };
}

function invalidRequest(channel: Channel, error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(request)',
    message: issue.message,
  }));
  const first = issues[0];
  // Zod's own words for the problem are English; they stay data (a path and what it says).
  return first
    ? localizedError(
        'invalid_request',
        'errors:request.invalid',
        { channel, path: first.path, problem: first.message },
        issues,
      )
    : localizedError('invalid_request', 'errors:request.invalidNoDetail', { channel }, issues);
}

/** Disk-full and read-only errors are the ones a writer can act on, so they are named plainly. */
function internalMessage(error: unknown): ErrorKey {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'errors:internal.diskFull';
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES') {
    return 'errors:internal.readOnly';
  }
  return 'errors:internal.unexpected';
}
