import type { EngineStatus, LoadProgress } from '../../../shared/schemas/engine.js';
import type { ResponseOf } from '../../../shared/contract.js';
import type { PromptPlan } from '../../../shared/schemas/generations.js';
import type { TokenStep } from '../../../shared/schemas/tokenSteps.js';
import { MAX_ALTERNATIVES_AT_ONCE } from '../../../shared/channels/continue.js';
import type { NodeKey } from 'lexical';
import { createObservable, type WritableObservable } from '../../api/connectionState.js';

/**
 * idle: nothing pending. starting: asked for a continuation, no text yet. streaming: text is
 * arriving. pending: the text has stopped arriving and waits for the writer to keep or drop it.
 */
export type ContinuePhase = 'idle' | 'starting' | 'streaming' | 'pending';

export interface ContinueState {
  phase: ContinuePhase;
  /** Tokens per second of the last generation that produced any. */
  lastTokensPerSecond: number | null;
  /** From the last continue's request reaching the engine to its first token. */
  lastTimeToFirstTokenMs: number | null;
  /** How the prompt of the next continue would fill the context; null until known. */
  plan: PromptPlan | null;
}

/** A token of the shown continuation, with the generation it came from and its index there. */
export interface ShownStep extends TokenStep {
  generationId: string;
  index: number;
}

/**
 * What the model weighed in the continuation shown at the caret (the probabilities view reads
 * it). The steps spell the start of the whole continuation: a branch's lead (the text before the
 * token it branched at, and the chosen token) and then its own output.
 */
export interface ShownSteps {
  steps: readonly ShownStep[];
  /** Characters of the continuation already kept: the pending text starts there. */
  keptLength: number;
  /** The pending text node. */
  nodeKey: NodeKey | null;
  /** Main has recorded the generation: a token of it can be branched from. */
  answered: boolean;
}

/**
 * Exactly what a continue at the caret would send (memory, lorebook entries and why, the author's
 * note, the text, what was trimmed), with `fit` null while no model is ready to count it.
 */
export type ContextView = ResponseOf<'lorebook.context'>;

export interface NextContext {
  /** null until first asked about. */
  view: ContextView | null;
  /** Why the last question got no answer, in the writer's language. */
  problem: string | null;
  /** The writer asked to count with the model (it is loading for that). */
  counting: boolean;
}

/** What the status bar, the toolbar and the context viewer show, written by the continue plugin. */
export interface ContinueStores {
  /** How many alternatives each continue writes for its spot (1–8; the toolbar's "×N"). */
  alternativesAtOnce: WritableObservable<number>;
  /** null: no continuation is shown, or its engine told nothing of its tokens. */
  shownSteps: WritableObservable<ShownSteps | null>;
  continueState: WritableObservable<ContinueState>;
  /** Followed from the text after each pause (nextContext.ts); its plan is continueState's. */
  nextContext: WritableObservable<NextContext>;
  engineStatus: WritableObservable<EngineStatus | null>;
  /** The latest step of a model load while the engine is loading; null otherwise. */
  loadProgress: WritableObservable<LoadProgress | null>;
}

export function createContinueStores(): ContinueStores {
  return {
    continueState: createObservable<ContinueState>({
      phase: 'idle',
      lastTokensPerSecond: null,
      lastTimeToFirstTokenMs: null,
      plan: null,
    }),
    nextContext: createObservable<NextContext>({ view: null, problem: null, counting: false }),
    alternativesAtOnce: createObservable(rememberedAlternativesAtOnce()),
    shownSteps: createObservable<ShownSteps | null>(null),
    engineStatus: createObservable<EngineStatus | null>(null),
    loadProgress: createObservable<LoadProgress | null>(null),
  };
}

/** Changes some fields of an observable object, notifying only when one of them changed. */
export function patch<T extends object>(store: WritableObservable<T>, change: Partial<T>): void {
  const current = store.get();
  const changed = (Object.keys(change) as (keyof T)[]).some(
    (key) => !Object.is(current[key], change[key]),
  );
  if (changed) store.set({ ...current, ...change });
}

export function isGenerating(phase: ContinuePhase): boolean {
  return phase === 'starting' || phase === 'streaming';
}

const ALTERNATIVES_AT_ONCE_KEY = 'inkwell.alternativesAtOnce';

/** The writer's "×N", kept in this browser (or the app's window) between documents and runs. */
export function rememberedAlternativesAtOnce(): number {
  try {
    const stored = Number(globalThis.localStorage?.getItem(ALTERNATIVES_AT_ONCE_KEY));
    return Number.isInteger(stored) && stored >= 1 && stored <= MAX_ALTERNATIVES_AT_ONCE
      ? stored
      : 1;
  } catch {
    return 1;
  }
}

export function rememberAlternativesAtOnce(count: number): void {
  try {
    globalThis.localStorage?.setItem(ALTERNATIVES_AT_ONCE_KEY, String(count));
  } catch {
    // Storage refused (private mode, quota): the choice holds for this document only.
  }
}
