import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PromptPlan } from '../../shared/schemas/generations.js';
import { contextParts } from './contextParts.js';
import '../styles/contextBar.css';

/**
 * How the model's context is shared out for the next continue, as one coloured bar: memory,
 * lorebook, author's note, story text, the room kept for the output, and what is left free.
 * Memoised on the plan: the status bar around it is drawn again on every keystroke (the word
 * count), the plan changes only when the engine answers.
 */
export const ContextBar = memo(function ContextBar(props: {
  plan: PromptPlan | null;
  compact?: boolean;
}): ReactNode {
  const { t } = useTranslation('lorebook');
  const { plan, compact = false } = props;
  if (!plan) return null;
  const parts = contextParts(plan);
  const legend = parts
    .filter((part) => part.tokens > 0)
    .map((part) => t('bar.legend', { part: t(`parts.${part.part}`), tokens: part.tokens }))
    .join(' · ');
  return (
    <span
      className={`context-bar${compact ? ' context-bar-compact' : ''}`}
      data-testid={compact ? 'status-context-bar' : 'context-bar'}
      role="img"
      aria-label={legend}
      title={legend}
    >
      {parts.map(({ part, tokens }) =>
        tokens > 0 ? (
          <span
            key={part}
            className={`context-bar-part context-part-${part}`}
            data-part={part}
            style={{ flexGrow: tokens }}
          />
        ) : null,
      )}
    </span>
  );
});
