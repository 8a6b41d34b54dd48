import type { Protocol } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import {
  contentSecurityPolicy,
  contentTypeFor,
  resolveInside,
  safeRelativePath,
} from '../staticFiles.js';

/** Must run before the app is ready: app:// behaves like a secure, standard origin. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from app://inkwell/ with the same path allow-list as headless mode
 * and the CSP as a header; the page may connect to nothing but itself (IPC needs no socket).
 */
export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const relativePath = url.host === 'inkwell' ? safeRelativePath(url.pathname) : null;
    if (relativePath === null) return new Response('Forbidden.', { status: 403, headers });
    const file = await resolveInside(await realpath(rendererDir), relativePath);
    if (file === null) return new Response('Not found.', { status: 404, headers });
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': contentTypeFor(file) },
    });
  });
}
