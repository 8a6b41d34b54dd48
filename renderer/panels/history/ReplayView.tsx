import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerationRecord } from '../../../shared/schemas/generations.js';
import { describeError } from '../../ui/describeError.js';
import type { GenerationProgress } from '../../ui/generationFollower.js';
import { compareReplay } from './compareReplay.js';

/** The replay's text as it streams in, then whether it is the original text again. */
export function ReplayView(props: {
  original: GenerationRecord;
  progress: GenerationProgress;
}): ReactNode {
  const { original, progress } = props;
  const { t } = useTranslation('generation');
  const comparison = progress.end
    ? compareReplay(original, { text: progress.text, finishReason: progress.end.finishReason })
    : null;
  return (
    <section className="history-replay" aria-label={t('replay.label')}>
      <h4>{t('replay.label')}</h4>
      <div className="history-text" data-testid="history-replay-output" aria-live="polite">
        {progress.text || <em>{t(progress.end ? 'history.noText' : 'replay.waiting')}</em>}
      </div>
      <p
        className={`history-replay-match ${comparison?.verdict ?? 'running'}`}
        data-testid="history-replay-match"
        data-verdict={comparison?.verdict ?? 'running'}
        role="status"
      >
        {comparison?.message ?? t('replay.running')}
        {progress.end?.error && ` ${describeError(progress.end.error)}`}
      </p>
    </section>
  );
}
