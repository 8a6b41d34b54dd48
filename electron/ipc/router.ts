import type { z } from 'zod';
import {
  contract,
  isChannel,
  type Channel,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../shared/contract.js';
import { ApiError, type Reply } from '../../shared/errors.js';

/** Who is asking; transports fill it in so handlers can tell requests apart (e.g. for cancel). */
export interface RequestContext {
  transport: 'electron' | 'websocket' | 'test';
  clientId: string;
}

export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
  context: RequestContext,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type Handlers = { [C in Channel]: Handler<C> };

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
        const name =
          typeof channel === 'string' ? `"${channel.slice(0, 80)}"` : 'a missing channel name';
        return fail(new ApiError('unknown_channel', `There is no channel called ${name}.`));
      }
      const parsed = contract[channel].request.safeParse(payload ?? {});
      if (!parsed.success) return fail(invalidRequest(channel, parsed.error));
      try {
        const handler = handlers[channel] as Handler<typeof channel>;
        const data = await handler(parsed.data as never, context);
        return { ok: true, data };
      } catch (error) {
        if (error instanceof ApiError) return fail(error);
        logError(channel, error);
        return fail(new ApiError('internal', internalMessage(error)));
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
  const summary = first
    ? `${first.path}: ${first.message}`
    : 'the request does not match the contract';
  return new ApiError('invalid_request', `Invalid request for ${channel} (${summary}).`, issues);
}

/** Disk-full and read-only errors are the ones a writer can act on, so they are named plainly. */
function internalMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return 'The disk is full, so this change could not be saved. Free some space; your text is still in the editor.';
  }
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES') {
    return 'The data folder is read-only, so this change could not be saved. Your text is still in the editor.';
  }
  return 'Something went wrong on our side; nothing was lost. The details are in the log.';
}
