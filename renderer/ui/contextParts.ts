import type { PromptPlan } from '../../shared/schemas/generations.js';

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
