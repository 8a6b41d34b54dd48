import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PromptPlan } from '../../shared/schemas/generations.js';
import '../styles/contextBar.css';

export type ContextPart = 'memory' | 'lore' | 'note' | 'text' | 'output' | 'free';

/** The context's tokens by part, in the order the bar shows them; memory to free room. */
export function contextParts(plan: PromptPlan): { part: ContextPart; tokens: number }[] {
  const parts = plan.parts;
  const memory = parts?.memory ?? 0;
  const lore = parts?.lore ?? 0;
  const note = parts?.authorsNote ?? 0;
  // Counted on their own, the parts may differ from the whole by a token where they join.
  const text = Math.max(0, plan.promptTokens - memory - lore - note);
  const free = Math.max(0, plan.contextSize - plan.promptTokens - plan.maxNewTokens);
  return [
    { part: 'memory', tokens: memory },
    { part: 'lore', tokens: lore },
    { part: 'note', tokens: note },
    { part: 'text', tokens: text },
    { part: 'output', tokens: plan.maxNewTokens },
    { part: 'free', tokens: free },
  ];
}

/**
 * How the model's context is shared out for the next continue, as one coloured bar: memory,
 * lorebook, author's note, story text, the room kept for the output, and what is left free.
 */
export function ContextBar(props: { plan: PromptPlan | null; compact?: boolean }): ReactNode {
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
}
