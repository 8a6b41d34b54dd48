import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../ui/describeError.js';
import type { GenerationProgress } from '../../ui/generationFollower.js';

export interface GenerationViewProps {
  progress: GenerationProgress;
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
  const { t } = useTranslation('templates');
  const { end } = progress;
  const ending = end ? t(`generation.endings.${end.finishReason}`) : '';
  return (
    <section className="template-generation" aria-label={t('generation.label')}>
      <div className="template-stream" data-testid="template-stream" aria-live="polite">
        <span className="template-opening">{opening}</span>
        <span data-testid="template-stream-output">{progress.text}</span>
        {running && <span className="stream-cursor">▍</span>}
      </div>
      <p className="template-note" role="status" data-testid="template-stream-status">
        {!end
          ? t('generation.writing')
          : end.error
            ? t('generation.endingWithError', { ending, error: describeError(end.error) })
            : ending}
      </p>
      <div className="template-actions">
        <button
          type="button"
          className="quiet-button"
          data-testid="template-stop"
          disabled={!running}
          onClick={onStop}
        >
          {t('generation.stop')}
        </button>
        <button
          type="button"
          className="quiet-button"
          data-testid="template-regenerate"
          disabled={running || !canRegenerate}
          title={t('generation.regenerateTitle')}
          onClick={onRegenerate}
        >
          {t('generation.regenerate')}
        </button>
      </div>
    </section>
  );
}
