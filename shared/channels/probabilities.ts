/**
 * What the model weighed at each token of a generation (its probability and top alternatives)
 * and where a branch left its parent. A generation branches by continue.start with `branch`.
 */
import { z } from 'zod';
import { documentId } from '../schemas/documents.js';
import { finishReason } from '../schemas/engine.js';
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

/** One continue of a document as the tree panel needs it (renderer/panels/tree/). */
export const treeRecord = z.object({
  id: z.string(),
  /** The generation it continues (kept text) or branched from; null at a root. */
  parentId: z.string().nullable(),
  /** Alternatives for the same spot share it. */
  spotId: z.string(),
  output: z.string(),
  finishReason: finishReason.nullable(),
  accepted: z.boolean(),
  acceptedText: z.string().nullable(),
  createdAt: z.number().int(),
  /** Where it branched from its parent, when it was a branch from a token. */
  branch: z.object({ tokenIndex: z.number().int(), prefix: z.string() }).nullable(),
  /** The end of the text before the cursor when it was asked for. */
  anchor: z.string().nullable(),
  bookmarked: z.boolean(),
});
export type TreeRecord = z.infer<typeof treeRecord>;

export const probabilitiesChannels = {
  /** Every continue of a document, oldest first, for the tree of its branches. */
  'probabilities.tree': {
    request: z.object({ documentId }).strict(),
    response: z.array(treeRecord),
  },
  'probabilities.bookmark': {
    request: z.object({ generationId: generationIdSchema, bookmarked: z.boolean() }).strict(),
    response: z.object({ bookmarked: z.boolean() }),
  },
  /** The steps recorded with a generation (null: none were, or the engine has none). */
  'probabilities.steps': {
    request: z.object({ generationId: generationIdSchema }).strict(),
    response: z.object({
      steps: z.array(tokenStep).nullable(),
      branch: branchPoint.nullable(),
    }),
  },
  /**
   * Deletes a generation and everything under it in the tree; the reply's undoToken brings it
   * back exactly (restoreSubtree) until it is forgotten (forgetDeleted, or the app quits).
   */
  'probabilities.deleteSubtree': {
    request: z.object({ generationId: generationIdSchema }).strict(),
    response: z.object({ deleted: z.number().int().nonnegative(), undoToken: z.string() }),
  },
  'probabilities.restoreSubtree': {
    request: z.object({ undoToken: z.string().uuid() }).strict(),
    response: z.object({ restored: z.number().int().nonnegative() }),
  },
  'probabilities.forgetDeleted': {
    request: z.object({ undoToken: z.string().uuid() }).strict(),
    response: z.object({ forgotten: z.boolean() }),
  },
} as const;
