import type { Reply } from '../../shared/errors.js';
import type { Observable, ConnectionState } from './connectionState.js';

/**
 * What the client needs from a way of reaching the main side. Untyped on purpose: the client is
 * the one place that turns channel names into contract types, so each transport stays small.
 */
export interface Transport {
  request(channel: string, payload: unknown): Promise<Reply<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  readonly connection: Observable<ConnectionState>;
}
