import { createCommand } from 'lexical';
import type { TokenStep } from '../../../shared/schemas/tokenSteps.js';

/**
 * What the toolbar, the app's menu commands and panels ask of continue writing. Each only
 * dispatches; ContinuePlugin does the work.
 */
export const CONTINUE_COMMAND = createCommand<void>('CONTINUE_COMMAND');
/** Stops a running continuation; its text stays pending. */
export const STOP_CONTINUE_COMMAND = createCommand<void>('STOP_CONTINUE_COMMAND');
/** Another alternative for the pending spot (or a new continue when nothing is pending). */
export const ANOTHER_ALTERNATIVE_COMMAND = createCommand<void>('ANOTHER_ALTERNATIVE_COMMAND');
export const ACCEPT_PENDING_COMMAND = createCommand<void>('ACCEPT_PENDING_COMMAND');
export const REJECT_PENDING_COMMAND = createCommand<void>('REJECT_PENDING_COMMAND');
/** Inserts text at the caret as ordinary, undoable text (the history panel's "insert"). */
export const INSERT_TEXT_COMMAND = createCommand<string>('INSERT_TEXT_COMMAND');
/**
 * Asks again what the next continue would send (the status bar's "context used", the context
 * viewer): the generation settings changed.
 */
export const REFRESH_PLAN_COMMAND = createCommand<void>('REFRESH_PLAN_COMMAND');
/** Counts the next continue's context with the model, loading it if need be (the viewer's button). */
export const COUNT_CONTEXT_WITH_MODEL_COMMAND = createCommand<void>(
  'COUNT_CONTEXT_WITH_MODEL_COMMAND',
);
/**
 * The probabilities view chose another token for one of the shown continuation's tokens: the
 * text after it goes, the chosen token takes its place, and a new branch streams from there.
 */
export const BRANCH_AT_TOKEN_COMMAND = createCommand<{ step: number; text: string }>(
  'BRANCH_AT_TOKEN_COMMAND',
);
/** The desktop menu's View → Token probabilities: the heat map on or off. */
export const TOGGLE_PROBABILITIES_COMMAND = createCommand<void>('TOGGLE_PROBABILITIES_COMMAND');

/** A token of kept text to branch from, with the token chosen in its place. */
export interface KeptBranch {
  /** The generation the kept text came from, and its token there. */
  generationId: string;
  tokenIndex: number;
  /** The chosen token's text, and the token's step (its alternatives) with it. */
  text: string;
  step: TokenStep;
  /** The generation's own text before the token. */
  modelBefore: string;
  /** Removes the generation's kept text from the token on, leaving the caret there. */
  $cut: () => void;
}

/** The probabilities view chose another token for a token of kept text (see KeptBranch). */
export const BRANCH_FROM_KEPT_COMMAND = createCommand<KeptBranch>('BRANCH_FROM_KEPT_COMMAND');
