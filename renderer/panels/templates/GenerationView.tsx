import type { ReactNode } from 'react';
import type { ReplayProgress } from '../history/replayStream.js';

const ENDINGS: Record<string, string> = {
  stop: 'Finished.',
  length: 'Finished: it reached the length asked for.',
  cancelled: 'Stopped. What was written so far is kept in the document.',
  error: 'The generation failed.',
};

export interface GenerationViewProps {
  progress: ReplayProgress;
  /** The opening the output follows (the document's start), shown before the stream. */
  opening: string;
  running: boolean;
  canRegenerate: boolean;
  onStop: () => void;
  onRegenerate: () => void;
}

/** The new document's text as it streams, with Stop while it runs and Regenerate after. */
export function GenerationView(props: GenerationViewProps): ReactNode {
  const { progress, opening, running, canRegenerate, onStop, onRegenerate } = props;
  const { end } = progress;
  return (
    <section className="template-generation" aria-label="Generated text">
      <div className="template-stream" data-testid="template-stream" aria-live="polite">
        <span className="template-opening">{opening}</span>
        <span data-testid="template-stream-output">{progress.text}</span>
        {running && <span className="stream-cursor">▍</span>}
      </div>
      <p className="template-note" role="status" data-testid="template-stream-status">
        {end
          ? `${ENDINGS[end.finishReason] ?? ''}${end.error ? ` ${end.error.message}` : ''}`
          : 'Writing…'}
      </p>
      <div className="template-actions">
        <button
          type="button"
          className="quiet-button"
          data-testid="template-stop"
          disabled={!running}
          onClick={onStop}
        >
          Stop
        </button>
        <button
          type="button"
          className="quiet-button"
          data-testid="template-regenerate"
          disabled={running || !canRegenerate}
          title="Write it again into the same document, from the opening"
          onClick={onRegenerate}
        >
          Regenerate
        </button>
      </div>
    </section>
  );
}
