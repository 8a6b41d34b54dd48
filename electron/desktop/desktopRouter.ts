/**
 * Puts the desktop channels in front of the backend's router in the app: a desktop channel is
 * validated with its schema and answered by the Electron shell; everything else goes on to the
 * backend unchanged. Headless mode never uses this, so there the backend's own answer
 * ('unavailable') stands.
 */
import { appCommandChannels } from '../../shared/channels/appCommands.js';
import { fileChannels } from '../../shared/channels/files.js';
import { ApiError, type Reply } from '../../shared/errors.js';
import type { RequestContext, Router } from '../ipc/router.js';
import type { DesktopChannel, DesktopHandlers } from './desktopHandlers.js';

const desktopChannels = { ...fileChannels, ...appCommandChannels } as const;

export function isDesktopChannel(name: unknown): name is DesktopChannel {
  return typeof name === 'string' && Object.hasOwn(desktopChannels, name);
}

export function withDesktopChannels(router: Router, handlers: DesktopHandlers): Router {
  return {
    async dispatch(channel, payload, context): Promise<Reply<unknown>> {
      if (!isDesktopChannel(channel)) return router.dispatch(channel, payload, context);
      return dispatchDesktop(channel, payload, context, handlers);
    },
  };
}

async function dispatchDesktop(
  channel: DesktopChannel,
  payload: unknown,
  context: RequestContext,
  handlers: DesktopHandlers,
): Promise<Reply<unknown>> {
  const parsed = desktopChannels[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first
      ? `${first.path.map(String).join('.') || '(request)'}: ${first.message}`
      : '';
    return {
      ok: false,
      error: { code: 'invalid_request', message: `Invalid request for ${channel} (${where}).` },
    };
  }
  try {
    const handler = handlers[channel] as (
      request: unknown,
      context: RequestContext,
    ) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data, context) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
    console.error(`[inkwell] ${channel} failed:`, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message } };
  }
}
