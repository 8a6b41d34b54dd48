import type { Channel, EventName } from '../../shared/contract.js';
import type { InkwellBridge } from '../../shared/bridge.js';
import type { Reply } from '../../shared/errors.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import { createObservable } from './connectionState.js';
import type { Transport } from './transport.js';

/** Electron: the preload's `window.inkwell`, one method per channel. IPC never disconnects. */
export function createBridgeTransport(bridge: InkwellBridge): Transport {
  const connection = createObservable<'connected' | 'reconnecting'>('connected');
  return {
    connection,
    request(channel, payload) {
      const method = bridge[channel as Channel] as (request: unknown) => Promise<Reply<unknown>>;
      if (typeof method !== 'function') {
        return Promise.resolve({
          ok: false,
          error: localizedError('unknown_channel', 'errors:request.unknownChannel', {
            channel,
          }).toJSON(),
        });
      }
      return method(payload);
    },
    subscribe(event, listener) {
      return bridge.on(event as EventName, listener);
    },
  };
}
