import type { ReactNode } from 'react';
import { isGenerating, type ContinueStores } from './continueState.js';
import { backendText, contextText, modelText, speedText } from './statusFormat.js';
import { useObservable } from './useStores.js';

/** The status bar's continue part: model, backend, context used, last speed, generating. */
export function ContinueStatus({ stores }: { stores: ContinueStores }): ReactNode {
  const engine = useObservable(stores.engineStatus);
  const progress = useObservable(stores.loadProgress);
  const { phase, plan, lastTokensPerSecond } = useObservable(stores.continueState);
  const model = engine?.model;
  const dropped = plan && plan.droppedTokens > 0 ? plan.droppedTokens : 0;
  return (
    <>
      {isGenerating(phase) && (
        <span className="status-generating" data-testid="status-generating" role="status">
          Writing…
        </span>
      )}
      <span
        className="status-model"
        data-testid="status-model"
        data-state={engine?.state ?? 'unknown'}
        title={engine?.message ?? model?.path ?? undefined}
      >
        {modelText(engine, progress)}
      </span>
      <span
        className="status-backend"
        data-testid="status-backend"
        title={model?.fallbackReason ?? undefined}
      >
        {backendText(engine)}
      </span>
      <span
        className="status-context"
        data-testid="status-context"
        title={
          dropped > 0
            ? `${dropped.toLocaleString('en-US')}${plan?.droppedTokensEstimated ? ' (about)' : ''} earlier tokens do not fit and are left out`
            : 'Tokens of text before the cursor + new tokens, of the model’s context'
        }
      >
        {contextText(plan)}
      </span>
      <span
        className="status-speed"
        data-testid="status-speed"
        title="Speed of the last continuation"
      >
        {speedText(lastTokensPerSecond)}
      </span>
    </>
  );
}
