import type { Protocol } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import {
  contentSecurityPolicy,
  contentTypeFor,
  resolveInside,
  safeRelativePath,
} from './staticFiles.js';

/** Must run before the app is ready: app:// behaves like a secure, standard origin. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Sent with every app:// answer: the page may connect to nothing but itself (IPC needs no socket). */
export function appResponseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

export type AppRequestResolution =
  { status: 200; file: string } | { status: 403 } | { status: 404 };

/**
 * Which file an app:// URL names: only host `inkwell`, only paths that stay inside the renderer
 * folder (the same allow-list as headless mode), only regular files whose real path (links
 * followed) is still inside it.
 */
export async function resolveAppRequest(
  requestUrl: string,
  rendererDir: string,
): Promise<AppRequestResolution> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 403 };
  }
  if (url.protocol !== 'app:' || url.host !== 'inkwell') return { status: 403 };
  const relativePath = safeRelativePath(url.pathname);
  if (relativePath === null) return { status: 403 };
  const file = await resolveInside(await realpath(rendererDir), relativePath);
  return file === null ? { status: 404 } : { status: 200, file };
}

/** Serves the built renderer from app://inkwell/ with the CSP as a header. */
export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  const headers = appResponseHeaders();
  protocol.handle('app', async (request) => {
    const resolution = await resolveAppRequest(request.url, rendererDir);
    if (resolution.status === 403) return new Response('Forbidden.', { status: 403, headers });
    if (resolution.status === 404) return new Response('Not found.', { status: 404, headers });
    const body = await readFile(resolution.file);
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': contentTypeFor(resolution.file) },
    });
  });
}
