import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from '../../api/clientContext.js';
import { i18n } from '../../i18n/i18n.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { followNewGeneration, type GenerationProgress } from '../../ui/generationFollower.js';

export interface ReplayState {
  /** null until a replay of this entry was asked for. */
  progress: GenerationProgress | null;
  running: boolean;
  start: () => void;
}

/**
 * Replays one history entry and streams its text. Changing the entry (or closing the panel)
 * stops a replay still running: nobody would be watching it.
 */
export function useReplay(recordId: string, reportError: ReportError): ReplayState {
  const client = useClient();
  const [progress, setProgress] = useState<GenerationProgress | null>(null);
  const stopCurrent = useRef<(() => void) | null>(null);

  const stop = useCallback(() => {
    stopCurrent.current?.();
    stopCurrent.current = null;
  }, []);

  useEffect(() => {
    setProgress(null);
    return stop;
  }, [recordId, stop]);

  const start = useCallback(() => {
    stop();
    const generation = followNewGeneration(client, setProgress);
    setProgress(generation.progress);
    stopCurrent.current = () => generation.close();
    generation
      .begin((generationId) => client.call('history.replay', { id: recordId, generationId }))
      .catch((error: unknown) => {
        setProgress(null);
        reportError(error, i18n.t('generation:details.replayFailed'));
      });
  }, [client, recordId, reportError, stop]);

  const running = progress !== null && progress.end === null;
  return { progress, running, start };
}
