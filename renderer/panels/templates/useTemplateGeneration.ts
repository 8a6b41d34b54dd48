import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { i18n } from '../../i18n/i18n.js';
import {
  GenerationFollower,
  NO_GENERATION_PROGRESS,
  type GenerationProgress,
} from '../../ui/generationFollower.js';

/** What the panel needs from a started generation: where it writes and which stream is its. */
export interface StartedGeneration {
  documentId: string;
  generationId: string;
}

export interface TemplateGenerationState {
  /** null until Generate was pressed. */
  progress: GenerationProgress | null;
  running: boolean;
  /** Starts a generation (any earlier one still running is stopped first). */
  start: <T extends StartedGeneration>(begin: () => Promise<T>) => Promise<T | null>;
  /** Asks the engine to stop; the end (finish reason "cancelled") still arrives and is shown. */
  stop: () => void;
}

interface Following {
  cancel: () => void;
  unsubscribe: () => void;
}

/**
 * Follows one template generation's stream. Listening starts before the request goes out
 * because the first chunks can arrive before templates.generate replies with the id.
 * Closing the panel stops a generation still running and stops listening: nobody would see it.
 */
export function useTemplateGeneration(reportError: ReportError): TemplateGenerationState {
  const client = useClient();
  const [progress, setProgress] = useState<GenerationProgress | null>(null);
  const current = useRef<Following | null>(null);

  const stop = useCallback(() => current.current?.cancel(), []);

  useEffect(
    () => () => {
      current.current?.cancel();
      current.current?.unsubscribe();
      current.current = null;
    },
    [],
  );

  const start = useCallback(
    async <T extends StartedGeneration>(begin: () => Promise<T>): Promise<T | null> => {
      current.current?.cancel();
      current.current?.unsubscribe();
      setProgress(NO_GENERATION_PROGRESS);
      let generationId: string | null = null;
      let finished = false;
      let cancelAsked = false;
      const follower = new GenerationFollower((next) => {
        setProgress(next);
        if (!next.end) return;
        finished = true;
        unsubscribe();
      });
      const offChunk = client.on('generation.chunk', (chunk) => follower.chunk(chunk));
      const offEnd = client.on('generation.end', (end) => follower.end(end));
      const unsubscribe = (): void => {
        offChunk();
        offEnd();
      };
      const sendCancel = (id: string): void =>
        void client.call('generation.cancel', { generationId: id }).catch(() => undefined);
      const following: Following = {
        cancel: () => {
          cancelAsked = true;
          if (!finished && generationId !== null) sendCancel(generationId);
        },
        unsubscribe,
      };
      current.current = following;
      try {
        const started = await begin();
        generationId = started.generationId;
        follower.follow(started.generationId);
        // Stop was pressed (or the panel closed) before the reply named the generation.
        if (cancelAsked && !finished) sendCancel(started.generationId);
        return started;
      } catch (error) {
        unsubscribe();
        if (current.current === following) setProgress(null);
        reportError(error, i18n.t('templates:form.couldNotGenerate'));
        return null;
      }
    },
    [client, reportError],
  );

  const running = progress !== null && progress.end === null;
  return { progress, running, start, stop };
}
