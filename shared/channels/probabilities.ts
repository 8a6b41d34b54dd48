/**
 * What the model weighed at each token of a generation (its probability and top alternatives)
 * and where a branch left its parent. A generation branches by continue.start with `branch`.
 */
import { z } from 'zod';
import { generationIdSchema } from '../schemas/generations.js';
import { tokenStep } from '../schemas/tokenSteps.js';

/** A branch's prefix is the parent's text up to a token plus the chosen one: never huge. */
export const MAX_BRANCH_PREFIX_CHARS = 64_000;

export const branchPoint = z.object({
  /** The generation it branched from. */
  parentId: z.string(),
  /** Which of the parent's tokens was replaced by the chosen one (0 = the first). */
  tokenIndex: z.number().int().nonnegative(),
  /** The parent's text before that token plus the chosen token: what precedes the output. */
  prefix: z.string(),
});
export type BranchPointInfo = z.infer<typeof branchPoint>;

export const probabilitiesChannels = {
  /** The steps recorded with a generation (null: none were, or the engine has none). */
  'probabilities.steps': {
    request: z.object({ generationId: generationIdSchema }).strict(),
    response: z.object({
      steps: z.array(tokenStep).nullable(),
      branch: branchPoint.nullable(),
    }),
  },
} as const;
