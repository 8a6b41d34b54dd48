import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { isOwnHost, ownHosts } from '../../shared/loopbackNames.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The page may talk only to its own origin (plus the given sockets); nothing inline runs, nothing frames it. */
export function contentSecurityPolicy(extraConnectSources: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ["connect-src 'self'", ...extraConnectSources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface StaticFileOptions {
  /** The built renderer (dist/renderer); nothing outside it is ever served. */
  rootDir: string;
  port: number;
}

/**
 * Serves one GET/HEAD request from the renderer folder. A request under another host name than
 * our own is refused first (421: DNS rebinding would otherwise let a foreign page read these
 * files as its own). The request path is decoded once and refused if it could reach outside the
 * folder (`..`, encoded slashes or dots, backslashes, NUL, drive letters); the resolved file,
 * after following links, must still lie inside the folder.
 */
export async function serveStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  options: StaticFileOptions,
): Promise<void> {
  const headers = securityHeaders(options.port);
  if (!isOwnHost(request.headers.host, options.port)) {
    return sendText(response, 421, 'This server answers only to 127.0.0.1, localhost and [::1].', {
      ...headers,
      Connection: 'close',
    });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendText(response, 405, 'Method not allowed.', { ...headers, Allow: 'GET, HEAD' });
  }
  const relativePath = safeRelativePath(request.url ?? '/');
  if (relativePath === null) return sendText(response, 403, 'Forbidden.', headers);

  const root = await realpath(options.rootDir);
  const file = await resolveInside(root, relativePath);
  if (file === null) return sendText(response, 404, 'Not found.', headers);

  const body = await readFile(file);
  const isIndex = path.basename(file) === 'index.html';
  response.writeHead(200, {
    ...headers,
    'Content-Type': contentTypeFor(file),
    'Content-Length': body.length,
    // The page carries no secrets but must always match the running server; assets are hashed.
    'Cache-Control': isIndex ? 'no-store' : 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

export function securityHeaders(port: number): Record<string, string> {
  return {
    // CSP cannot name an IPv6 literal (Chromium reports ws://[::1]:port as invalid); a page
    // opened at [::1] reaches its own socket through 'self', which covers ws: on the same host.
    'Content-Security-Policy': contentSecurityPolicy(
      ownHosts(port)
        .filter((host) => !host.startsWith('['))
        .map((host) => `ws://${host}`),
    ),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** The request path as a relative file path, or null when it tries to leave the folder. */
export function safeRelativePath(rawUrl: string): string | null {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /^\/+[A-Za-z]:/.test(decoded)) {
    return null;
  }
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  if (segments.length === 0) return 'index.html';
  return segments.join('/');
}

export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The real path of a regular file inside root (links followed), or null. */
export async function resolveInside(root: string, relativePath: string): Promise<string | null> {
  const candidate = path.resolve(root, relativePath);
  if (!isInside(root, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isInside(root, real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string>,
): void {
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
