/**
 * The server side of continue for the renderer's continue controller: each continue.start is a
 * generation the test streams tokens into (each with its probability and one other alternative,
 * or as bare text), and every request is recorded.
 */
import type {
  Channel,
  EventName,
  EventPayload,
  RequestOf,
  ResponseOf,
} from '../../../shared/contract.js';
import { ApiError } from '../../../shared/errors.js';
import type { TokenStep } from '../../../shared/schemas/tokenSteps.js';
import type { InkwellClient } from '../../../renderer/api/client.js';
import { createObservable, type ConnectionState } from '../../../renderer/api/connectionState.js';
import { EventListeners } from './eventListeners.js';

/** A token written with probability p, " other" the alternative beside it. */
export const stepOf = (text: string, p: number): TokenStep => ({
  text,
  p,
  alternatives: [
    { text, p },
    { text: ' other', p: 0.2 },
  ],
});

export class ContinueServer implements InkwellClient {
  readonly connection = createObservable<ConnectionState>('connected');
  readonly starts: RequestOf<'continue.start'>[] = [];
  /** Every request the controller made, in order. */
  readonly calls: { channel: Channel; request: unknown }[] = [];
  private readonly events = new EventListeners();

  /** The id the controller named its latest generation with. */
  get generationId(): string {
    return this.starts.at(-1)?.generationId ?? '';
  }

  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    this.calls.push({ channel, request });
    if (channel === 'continue.accept') return Promise.resolve({} as ResponseOf<C>);
    if (channel !== 'continue.start') {
      return Promise.reject(new ApiError('unavailable', 'not part of this test'));
    }
    const start = request as RequestOf<'continue.start'>;
    this.starts.push(start);
    const started: ResponseOf<'continue.start'> = {
      generationId: start.generationId,
      spotId: start.generationId,
      seed: 7,
      plan: { promptTokens: 3, maxNewTokens: 40, contextSize: 1024, droppedTokens: 0 },
    };
    return Promise.resolve(started as ResponseOf<C>);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.events.on(event, listener);
  }

  /** The latest generation streams these tokens, with their steps. */
  tokens(...texts: string[]): void {
    this.events.emit('generation.chunk', {
      generationId: this.generationId,
      text: texts.join(''),
      steps: texts.map((text) => stepOf(text, 0.4)),
    });
  }

  /** The latest generation streams text without steps (the view off, or an older server). */
  token(text: string): void {
    this.events.emit('generation.chunk', { generationId: this.generationId, text });
  }
}
