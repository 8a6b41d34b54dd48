import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  localizedError,
  type ErrorKey,
  type LocalizedValues,
} from '../../shared/i18n/localizedMessage.js';
import { MAX_FRAME_BYTES, WS_PATH, type EventFrame, type ReplyFrame } from '../../shared/wire.js';
import type { EventBus } from '../core/eventBus.js';
import { isOwnHost, ownOrigins } from '../../shared/loopbackNames.js';
import {
  ConnectionFlow,
  DEFAULT_FLOW_LIMITS,
  type FlowLimits,
  type FlowStats,
} from './connectionFlow.js';
import type { Router } from './router.js';

export interface WebSocketAdapterOptions {
  server: Server;
  router: Router;
  events: EventBus;
  /** The per-run secret; a client must present it as `?token=` on the upgrade. */
  token: string;
  /** Called when a connection ends, so work it started (a generation) can stop. */
  onClientGone?: (clientId: string) => void;
  /** What one connection may make the server hold (DEFAULT_FLOW_LIMITS unless a test says). */
  flowLimits?: FlowLimits;
}

export interface WebSocketAdapter {
  readonly clientCount: number;
  /** Each open connection's flow figures: what it holds in the server now. */
  connectionStats(): FlowStats[];
  close(): void;
}

/** Longer ids are refused so a client cannot make every reply carry a huge echo. */
const MAX_REQUEST_ID_CHARS = 200;

/**
 * Serves the router over WebSocket on WS_PATH. Only a client that knows the token and comes from
 * this server's own page (or sends no Origin, as non-browser clients do) may connect; that keeps
 * other web sites open in the same browser from driving the API (cross-site WebSocket hijacking).
 * Bad frames get a typed error reply and the connection carries on.
 */
export function attachWebSocketAdapter(options: WebSocketAdapterOptions): WebSocketAdapter {
  const { server, router, events, token } = options;
  const limits = options.flowLimits ?? DEFAULT_FLOW_LIMITS;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  /** Each connection is one client: events for one client go to its connection only. */
  const connections = new Map<WebSocket, Connection>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    const refusal = refuseUpgrade(request, server, token);
    if (refusal) return rejectUpgrade(socket, refusal.status, refusal.reason);
    wss.handleUpgrade(request, socket, head, (ws) => {
      const clientId = randomUUID();
      const flow = new ConnectionFlow(ws, limits, (reason) =>
        console.warn(`[inkwell] dropped a WebSocket client that does not read: ${reason}`),
      );
      const connection = { clientId, flow };
      connections.set(ws, connection);
      ws.once('close', () => connections.delete(ws));
      serveConnection(ws, connection, router, options.onClientGone);
    });
  };
  server.on('upgrade', onUpgrade);

  const unsubscribe = events.subscribeAddressed((target, event, payload) => {
    const frame: EventFrame = { event, payload };
    const text = JSON.stringify(frame);
    for (const { clientId, flow } of connections.values()) {
      if (target === null || clientId === target) flow.send(text);
    }
  });

  return {
    get clientCount() {
      return wss.clients.size;
    },
    connectionStats() {
      return [...connections.values()].map(({ flow }) => flow.stats());
    },
    close() {
      unsubscribe();
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

interface Connection {
  clientId: string;
  flow: ConnectionFlow;
}

function serveConnection(
  ws: WebSocket,
  { clientId, flow }: Connection,
  router: Router,
  onClientGone: ((clientId: string) => void) | undefined,
): void {
  ws.on('close', () => onClientGone?.(clientId));
  // An oversized frame makes ws close the connection with 1009 and report it here; that is the
  // client's problem, not the server's, so it is not logged as a failure.
  ws.on('error', () => undefined);
  ws.on('message', (data, isBinary) => {
    flow.enqueue(() =>
      // The router never throws, but a reply that cannot be serialised would; an unhandled
      // rejection would end the whole server, so it becomes an error reply instead.
      answer(flow, router, clientId, data, isBinary).catch((error: unknown) => {
        console.error('[inkwell] could not answer a WebSocket request:', error);
        send(flow, {
          id: null,
          ok: false,
          error: localizedError('internal', 'errors:internal.unexpectedShort').toJSON(),
        });
      }),
    );
  });
}

async function answer(
  flow: ConnectionFlow,
  router: Router,
  clientId: string,
  data: RawData,
  isBinary: boolean,
): Promise<void> {
  if (isBinary) {
    return send(flow, invalid(null, 'errors:request.binaryFrame'));
  }
  let frame: unknown;
  try {
    frame = JSON.parse(rawDataToString(data));
  } catch {
    return send(flow, invalid(null, 'errors:request.notJson'));
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
    return send(flow, invalid(null, 'errors:request.notObject'));
  }
  const { id, channel, payload } = frame as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_REQUEST_ID_CHARS) {
    return send(flow, invalid(null, 'errors:request.badId', { max: MAX_REQUEST_ID_CHARS }));
  }
  let replied: () => void = () => undefined;
  const replySent = new Promise<void>((resolve) => {
    replied = resolve;
  });
  try {
    const reply = await router.dispatch(channel, payload, {
      transport: 'websocket',
      clientId,
      replySent,
    });
    send(flow, { id, ...reply });
  } finally {
    // Even a reply that could not be sent (the client is gone or was dropped) must not hold
    // the generation's events for ever.
    replied();
  }
}

function invalid(id: string | null, key: ErrorKey, values?: LocalizedValues): ReplyFrame {
  return { id, ok: false, error: localizedError('invalid_request', key, values).toJSON() };
}

function send(flow: ConnectionFlow, frame: ReplyFrame): void {
  flow.send(JSON.stringify(frame));
}

function rawDataToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

interface Refusal {
  status: 401 | 403 | 404 | 421;
  reason: string;
}

function refuseUpgrade(request: IncomingMessage, server: Server, token: string): Refusal | null {
  const port = listeningPort(server);
  // A browser page under a foreign name also fails the Origin check below; refusing its Host
  // first answers the socket as the page is answered, and covers clients that send no Origin.
  if (port === null || !isOwnHost(request.headers.host, port)) {
    return { status: 421, reason: 'This server answers only to 127.0.0.1, localhost and [::1].' };
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== WS_PATH) return { status: 404, reason: 'Not found.' };
  if (!tokensMatch(url.searchParams.get('token'), token)) {
    return { status: 401, reason: 'A valid token is required.' };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !ownOrigins(port).includes(origin)) {
    return { status: 403, reason: 'Connections are accepted only from this server’s own page.' };
  }
  return null;
}

function listeningPort(server: Server): number | null {
  const address = server.address();
  return address === null || typeof address === 'string' ? null : address.port;
}

/** Compares hashes so the comparison takes the same time whatever the length or content. */
function tokensMatch(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function rejectUpgrade(socket: Duplex, status: Refusal['status'], reason: string): void {
  const statusText = {
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    421: 'Misdirected Request',
  }[status];
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
      body,
  );
}
