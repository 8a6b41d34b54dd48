import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isGenerating, type ContinueStores } from './continueState.js';
import {
  backendText,
  backendTitle,
  contextText,
  contextTitle,
  modelText,
  modelTitle,
  firstTokenText,
  speedText,
} from './statusFormat.js';
import { ContextBar } from '../../ui/ContextBar.js';
import { useObservable } from '../../ui/useObservable.js';

/** The status bar's continue part: model, backend, context used, last speed, generating. */
export function ContinueStatus({ stores }: { stores: ContinueStores }): ReactNode {
  // Re-renders in the new language: the texts below come from i18n at call time.
  const { t } = useTranslation('editor');
  const engine = useObservable(stores.engineStatus);
  const progress = useObservable(stores.loadProgress);
  const { phase, plan, lastTokensPerSecond, lastTimeToFirstTokenMs } = useObservable(
    stores.continueState,
  );
  return (
    <>
      {isGenerating(phase) && (
        <span className="status-generating" data-testid="status-generating" role="status">
          {t('status.writing')}
        </span>
      )}
      <span
        className="status-model"
        data-testid="status-model"
        data-state={engine?.state ?? 'unknown'}
        title={modelTitle(engine) ?? undefined}
      >
        {modelText(engine, progress)}
      </span>
      <span
        className="status-backend"
        data-testid="status-backend"
        title={backendTitle(engine) ?? undefined}
      >
        {backendText(engine)}
      </span>
      <span className="status-context" data-testid="status-context" title={contextTitle(plan)}>
        {contextText(plan)}
      </span>
      <ContextBar plan={plan} compact />
      <span
        className="status-first-token"
        data-testid="status-first-token"
        title={t('status.firstTokenTitle')}
      >
        {firstTokenText(lastTimeToFirstTokenMs)}
      </span>
      <span className="status-speed" data-testid="status-speed" title={t('status.speedTitle')}>
        {speedText(lastTokensPerSecond)}
      </span>
    </>
  );
}
