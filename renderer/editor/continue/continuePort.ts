/**
 * The few calls the continue feature makes, as one narrow port onto the client (as Lexical's
 * playground AI plugin talks to one adapter): start a generation under an id the port chooses,
 * follow its events, steer it, keep it, and see what the next one would send.
 */
import type { EventPayload, ResponseOf } from '../../../shared/contract.js';
import type { GenerationSummary } from '../../../shared/schemas/generations.js';
import type { TokenStep } from '../../../shared/schemas/tokenSteps.js';
import type { InkwellClient } from '../../api/client.js';
import {
  GenerationEvents,
  newGenerationId,
  type GenerationHandlers,
} from '../../api/generationEvents.js';

export interface ContinueRequest {
  documentId: string;
  textBeforeCursor: string;
  parentId: string | null;
  alternativeOf?: string;
  /** A branch from token `tokenIndex` of parentId; textBeforeCursor ends with the prefix. */
  branch?: { tokenIndex: number; prefix: string };
  /** Alternatives to write for the spot, this one first (the others follow on main's side). */
  count?: number;
}

export interface StartedContinue {
  /** Known at once: its events are followed before the request goes out. */
  generationId: string;
  /** Resolves with main's answer (rejects if it refused to start). */
  started: Promise<ResponseOf<'continue.start'>>;
  /** Stops following its events (the generation itself goes on unless stopped). */
  unfollow: () => void;
}

export interface ContinuePort {
  start(request: ContinueRequest, handlers: GenerationHandlers): StartedContinue;
  stop(generationId: string): void;
  /** The writer typed through its text: the model waits for them to pause. */
  typing(generationId: string): void;
  accept(generationId: string, acceptedText: string): Promise<GenerationSummary>;
  alternatives(spotId: string): Promise<GenerationSummary[]>;
  /** A generation was recorded or finished (alternatives written after this one, say). */
  onHistoryChanged(listener: (change: EventPayload<'history.changed'>) => void): () => void;
  /** Lorebook entries, switches or the budget changed (for this document or the library). */
  onLorebookChanged(listener: (change: EventPayload<'lorebook.changed'>) => void): () => void;
  /** The token steps recorded with a generation (null: none). */
  steps(generationId: string): Promise<TokenStep[] | null>;
  /** What a continue from this text would send; loads a model to count only if asked to. */
  context(
    documentId: string,
    textBeforeCursor: string,
    loadModel: boolean,
  ): Promise<ResponseOf<'lorebook.context'>>;
  dispose(): void;
}

export function createContinuePort(client: InkwellClient): ContinuePort {
  const events = new GenerationEvents(client);
  const quietly = (request: Promise<unknown>): void => void request.catch(() => undefined);
  return {
    start(request, handlers) {
      const generationId = newGenerationId();
      const unfollow = events.follow(generationId, handlers);
      const started = client.call('continue.start', { generationId, ...request });
      started.catch(unfollow);
      return { generationId, started, unfollow };
    },
    stop: (generationId) => quietly(client.call('continue.stop', { generationId })),
    typing: (generationId) => quietly(client.call('continue.typing', { generationId })),
    accept: (generationId, acceptedText) =>
      client.call('continue.accept', { generationId, acceptedText }),
    alternatives: (spotId) => client.call('continue.alternatives', { spotId }),
    onHistoryChanged: (listener) => client.on('history.changed', listener),
    onLorebookChanged: (listener) => client.on('lorebook.changed', listener),
    steps: async (generationId) =>
      (await client.call('probabilities.steps', { generationId })).steps,
    context: (documentId, textBeforeCursor, loadModel) =>
      client.call('lorebook.context', { documentId, textBeforeCursor, loadModel }),
    dispose: () => events.dispose(),
  };
}
