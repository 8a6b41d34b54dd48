import type { ApiErrorShape, Reply } from '../../shared/errors.js';
import { isApiErrorShape } from '../../shared/errors.js';
import {
  englishText,
  localized,
  type ErrorKey,
  type LocalizedValues,
} from '../../shared/i18n/localizedMessage.js';
import { MAX_FRAME_BYTES, WS_PATH, type RequestFrame } from '../../shared/wire.js';
import { backoffDelay } from './backoff.js';
import { createObservable, type ConnectionState } from './connectionState.js';
import type { Transport } from './transport.js';

export interface WebSocketTransportOptions {
  /** `ws://host:port`, without a path. */
  baseUrl: string;
  token: string | null;
  /** How long a request may wait for the connection to come back before it fails. */
  connectTimeoutMs?: number;
  /** How long a sent request may wait for its answer. */
  replyTimeoutMs?: number;
  createSocket?: (url: string) => WebSocket;
}

interface PendingRequest {
  id: string;
  frame: string;
  sent: boolean;
  settle: (reply: Reply<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

const RECONNECT_BACKOFF = { initialMs: 250, maxMs: 5000, jitter: 0.3 };

/**
 * Whether a frame is over the server's byte limit. UTF-8 takes at most three bytes for each
 * UTF-16 code unit (a surrogate pair, two units, makes four), so a frame whose length times
 * three is within the limit is, and a frame with more units than the limit has bytes is not;
 * only in between are the bytes counted. Counting them copies the whole frame, which on a
 * long document's autosave was a long task on the page's one thread.
 */
export function isOverByteLimit(text: string, limitBytes: number): boolean {
  if (text.length * 3 <= limitBytes) return false;
  if (text.length > limitBytes) return true;
  return new Blob([text]).size > limitBytes;
}

/** A failure the transport itself reports, by i18n key so the writer reads it in their language. */
function failure(
  code: ApiErrorShape['code'],
  key: ErrorKey,
  values?: LocalizedValues,
): Reply<never> {
  const message = localized(key, values);
  return { ok: false, error: { code, message: englishText(message), localized: message } };
}

/**
 * Headless mode: one WebSocket to the server, reopened with backoff whenever it drops (the server
 * may be restarted). Requests made while it is down wait for it, up to `connectTimeoutMs`.
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): Transport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 120_000;
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const url = `${options.baseUrl}${WS_PATH}?token=${encodeURIComponent(options.token ?? '')}`;

  const connection = createObservable<ConnectionState>('connected');
  const pending = new Map<string, PendingRequest>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let isOpen = false;
  let failedAttempts = 0;
  let nextRequestId = 1;

  function connect(): void {
    const current = createSocket(url);
    socket = current;
    current.addEventListener('open', () => {
      isOpen = true;
      failedAttempts = 0;
      connection.set('connected');
      for (const request of pending.values()) sendIfPossible(request);
    });
    current.addEventListener('message', (message) => {
      if (typeof message.data === 'string') handleFrame(message.data);
    });
    current.addEventListener('close', () => {
      if (socket !== current) return;
      isOpen = false;
      socket = null;
      connection.set('reconnecting');
      // A request already sent may or may not have been handled; say so instead of resending it
      // blindly (the callers that retry, like autosave, know how to check).
      for (const [id, request] of pending) {
        if (!request.sent) continue;
        finish(id, failure('unavailable', 'errors:connection.dropped'));
      }
      setTimeout(connect, backoffDelay(failedAttempts++, RECONNECT_BACKOFF));
    });
  }

  function sendIfPossible(request: PendingRequest): void {
    if (request.sent || !isOpen || !socket) return;
    socket.send(request.frame);
    request.sent = true;
    clearTimeout(request.timer);
    request.timer = setTimeout(
      () => finish(request.id, failure('unavailable', 'errors:connection.timedOut')),
      replyTimeoutMs,
    );
  }

  function finish(id: string, reply: Reply<unknown>): void {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    clearTimeout(request.timer);
    request.settle(reply);
  }

  function handleFrame(text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      console.warn('[inkwell] ignored a frame that is not JSON');
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const record = frame as Record<string, unknown>;
    if (typeof record.event === 'string') {
      for (const listener of listeners.get(record.event) ?? []) {
        try {
          listener(record.payload);
        } catch (error) {
          console.error(`[inkwell] listener for ${record.event} failed:`, error);
        }
      }
      return;
    }
    if (typeof record.id !== 'string') {
      if (record.ok === false)
        console.warn('[inkwell] server error without a request:', record.error);
      return;
    }
    if (record.ok === true) finish(record.id, { ok: true, data: record.data });
    else if (isApiErrorShape(record.error)) finish(record.id, { ok: false, error: record.error });
    else finish(record.id, failure('internal', 'errors:connection.unexpectedAnswer'));
  }

  connect();

  return {
    connection,
    request(channel, payload) {
      const id = String(nextRequestId++);
      const frame: RequestFrame = { id, channel, payload };
      const text = JSON.stringify(frame);
      // Bytes, not characters: the server counts bytes.
      if (isOverByteLimit(text, MAX_FRAME_BYTES)) {
        return Promise.resolve(
          failure('too_large', 'errors:connection.tooLarge', {
            limitMb: MAX_FRAME_BYTES / (1024 * 1024),
          }),
        );
      }
      return new Promise((settle) => {
        const waitFailure = options.token
          ? failure('unavailable', 'errors:connection.unreachable', {
              seconds: Math.round(connectTimeoutMs / 1000),
            })
          : failure('unavailable', 'errors:connection.noToken');
        const request: PendingRequest = {
          id,
          frame: text,
          sent: false,
          settle,
          timer: setTimeout(() => finish(id, waitFailure), connectTimeoutMs),
        };
        pending.set(id, request);
        sendIfPossible(request);
      });
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
