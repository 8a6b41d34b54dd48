import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from '../../api/clientContext.js';
import { i18n } from '../../i18n/i18n.js';
import type { ReportError } from '../../ui/errorReporting.js';
import {
  GenerationFollower,
  NO_GENERATION_PROGRESS,
  type GenerationProgress,
} from '../../ui/generationFollower.js';

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
    setProgress(NO_GENERATION_PROGRESS);
    const follower = new GenerationFollower((next) => {
      setProgress(next);
      if (next.end) stopListening();
    });
    // Listen before asking: the first chunks can come before the reply.
    const unsubscribeChunk = client.on('generation.chunk', (chunk) => follower.chunk(chunk));
    const unsubscribeEnd = client.on('generation.end', (end) => follower.end(end));
    let generationId: string | null = null;
    let ended = false;
    const stopListening = (): void => {
      ended = true;
      unsubscribeChunk();
      unsubscribeEnd();
    };
    stopCurrent.current = () => {
      const wasRunning = !ended;
      stopListening();
      if (wasRunning && generationId !== null) {
        void client.call('generation.cancel', { generationId }).catch(() => undefined);
      }
    };
    client.call('history.replay', { id: recordId }).then(
      (started) => {
        generationId = started.generationId;
        // Stopped before the reply came: nobody is watching, so end it.
        if (ended) void client.call('generation.cancel', { generationId }).catch(() => undefined);
        else follower.follow(started.generationId);
      },
      (error: unknown) => {
        stopListening();
        setProgress(null);
        reportError(error, i18n.t('generation:details.replayFailed'));
      },
    );
  }, [client, recordId, reportError, stop]);

  const running = progress !== null && progress.end === null;
  return { progress, running, start };
}
