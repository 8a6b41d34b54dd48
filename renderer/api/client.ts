import type {
  Channel,
  EventName,
  EventPayload,
  RequestOf,
  ResponseOf,
} from '../../shared/contract.js';
import type { InkwellBridge } from '../../shared/bridge.js';
import { ApiError } from '../../shared/errors.js';
import type { ConnectionState, Observable } from './connectionState.js';
import type { Transport } from './transport.js';
import { createBridgeTransport } from './bridgeTransport.js';
import { createWebSocketTransport } from './websocketTransport.js';
import { takeSessionToken } from './sessionToken.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser (headless mode). */
    inkwell?: InkwellBridge;
  }
}

/** The renderer's one way to reach the main side, whichever transport carries it. */
export interface InkwellClient {
  /** Resolves with the channel's response, or rejects with an ApiError. */
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  readonly connection: Observable<ConnectionState>;
}

export function createClientFromTransport(transport: Transport): InkwellClient {
  return {
    connection: transport.connection,
    async call(channel, request) {
      const reply = await transport.request(channel, request);
      if (!reply.ok) throw ApiError.from(reply.error);
      // The router validated the request and the handler is typed by the same contract.
      return reply.data as ResponseOf<typeof channel>;
    },
    on(event, listener) {
      return transport.subscribe(event, (payload) =>
        listener(payload as EventPayload<typeof event>),
      );
    },
  };
}

/** Picks Electron's bridge when the preload exposed one, otherwise the headless WebSocket. */
export function createInkwellClient(): InkwellClient {
  if (window.inkwell) return createClientFromTransport(createBridgeTransport(window.inkwell));
  const token = takeSessionToken();
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createClientFromTransport(
    createWebSocketTransport({ baseUrl: `${protocol}//${location.host}`, token }),
  );
}
