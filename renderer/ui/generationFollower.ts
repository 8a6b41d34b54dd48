/**
 * Following one generation's text as its events arrive (a replay in the history panel, a
 * template's text in the templates panel). The generation is named here, before it is asked
 * for, so its events are followed from the start; main sends them to this connection only, and
 * none before the reply that starts it.
 */
import type { EventPayload } from '../../shared/contract.js';
import type { InkwellClient } from '../api/client.js';
import { GenerationEvents, newGenerationId } from '../api/generationEvents.js';

type EndEvent = EventPayload<'generation.end'>;

export interface GenerationProgress {
  generationId: string | null;
  text: string;
  end: EndEvent | null;
}

export const NO_GENERATION_PROGRESS: GenerationProgress = {
  generationId: null,
  text: '',
  end: null,
};

export interface FollowedGeneration {
  readonly generationId: string;
  readonly progress: GenerationProgress;
  /** Asks main to start it (the request names `generationId`); a refusal stops the following. */
  begin<T>(ask: (generationId: string) => Promise<T>): Promise<T>;
  /** Asks the engine to stop it; its end (finish reason "cancelled") still arrives. */
  stop(): void;
  /** Stops following it, and stops it if it still runs: nobody is watching any more. */
  close(): void;
}

export function followNewGeneration(
  client: InkwellClient,
  onChange: (progress: GenerationProgress) => void,
): FollowedGeneration {
  const generationId = newGenerationId();
  const events = new GenerationEvents(client);
  let progress: GenerationProgress = { generationId, text: '', end: null };
  let answered = false;
  let stopAsked = false;
  const update = (next: GenerationProgress): void => {
    progress = next;
    onChange(next);
  };
  events.follow(generationId, {
    chunk: (text) => update({ ...progress, text: progress.text + text }),
    // The end carries the whole text: it wins over the chunks if one was missed.
    end: (end) => {
      update({ ...progress, text: end.text, end });
      events.dispose();
    },
  });
  const sendStop = (): void => {
    if (progress.end === null) {
      void client.call('continue.stop', { generationId }).catch(() => undefined);
    }
  };
  return {
    generationId,
    get progress() {
      return progress;
    },
    async begin(ask) {
      try {
        const answer = await ask(generationId);
        answered = true;
        // Stop came before main knew the generation: ask again now that it does.
        if (stopAsked) sendStop();
        return answer;
      } catch (error) {
        events.dispose();
        throw error;
      }
    },
    stop() {
      stopAsked = true;
      if (answered) sendStop();
    },
    close() {
      stopAsked = true;
      if (answered) sendStop();
      events.dispose();
    },
  };
}
