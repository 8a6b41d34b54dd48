import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { i18n } from '../../i18n/i18n.js';
import {
  followNewGeneration,
  NO_GENERATION_PROGRESS,
  type FollowedGeneration,
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
  /** Starts a generation under the id given to `ask` (any earlier one still running is stopped). */
  start: <T extends StartedGeneration>(
    ask: (generationId: string) => Promise<T>,
  ) => Promise<T | null>;
  /** Asks the engine to stop; the end (finish reason "cancelled") still arrives and is shown. */
  stop: () => void;
}

/**
 * Follows one template generation's stream, named and followed before the request goes out.
 * Closing the panel stops a generation still running and stops following: nobody would see it.
 */
export function useTemplateGeneration(reportError: ReportError): TemplateGenerationState {
  const client = useClient();
  const [progress, setProgress] = useState<GenerationProgress | null>(null);
  const current = useRef<FollowedGeneration | null>(null);

  const stop = useCallback(() => current.current?.stop(), []);

  useEffect(
    () => () => {
      current.current?.close();
      current.current = null;
    },
    [],
  );

  const start = useCallback(
    async <T extends StartedGeneration>(
      ask: (generationId: string) => Promise<T>,
    ): Promise<T | null> => {
      current.current?.close();
      const generation = followNewGeneration(client, (next) => {
        if (current.current === generation) setProgress(next);
      });
      current.current = generation;
      setProgress(NO_GENERATION_PROGRESS);
      try {
        return await generation.begin(ask);
      } catch (error) {
        if (current.current === generation) setProgress(null);
        reportError(error, i18n.t('templates:form.couldNotGenerate'));
        return null;
      }
    },
    [client, reportError],
  );

  const running = progress !== null && progress.end === null;
  return { progress, running, start, stop };
}
