/**
 * One generation on the main side, from its start to its end: a continue, a replay or a
 * template's. It owns its id (the caller's), its caller, its request to the engine, its events
 * (sent to the caller's connection only, never before the reply that started it), its history
 * row (inserted once the engine has fitted the prompt, its output written at most once a second
 * while it runs, then finished), an early end (a sentence, a template's shape), cancel and the
 * typing hold.
 */
import { randomInt } from 'node:crypto';
import type { EventPayload } from '../../shared/contract.js';
import { ApiError } from '../../shared/errors.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import {
  MAX_SEED,
  type GenerationParams,
  type LoadedModelInfo,
} from '../../shared/schemas/engine.js';
import type {
  ContinueParams,
  EnginePrompt,
  GenerationKind,
  PromptFit,
  PromptPlan,
} from '../../shared/schemas/generations.js';
import type { EventBus } from '../core/eventBus.js';
import type { RequestContext } from '../core/requestContext.js';
import type { CompletionOutcome, Engine, EngineCompletion } from '../engine/engine.js';
import type { ModelFingerprints } from '../models/modelFingerprint.js';
import type { GenerationsRepository, NewGenerationRow } from '../store/generationsRepository.js';
import type { BranchPoint, TokenStepsRepository } from '../store/tokenStepsRepository.js';
import type { TokenStep } from '../../shared/schemas/tokenSteps.js';
import { TokenStepTrail } from '../../shared/tokenStepTrail.js';

/** How often the output of a running generation is written to history, at most. */
export const OUTPUT_FLUSH_INTERVAL_MS = 1000;

export type GenerationEnd = EventPayload<'generation.end'>;

/** Where a text ends before the engine would stop it: given each chunk, the end's offset or null. */
export interface TextEnd {
  push(chunk: string): number | null;
}

/** The first of several ends to be reached (a template's shape, or a sentence before it). */
export function firstTextEnd(ends: readonly (TextEnd | null)[]): TextEnd | null {
  const watching = ends.filter((end): end is TextEnd => end !== null);
  if (watching.length <= 1) return watching[0] ?? null;
  return {
    push(chunk) {
      const found = watching
        .map((end) => end.push(chunk))
        .filter((offset): offset is number => offset !== null);
      return found.length > 0 ? Math.min(...found) : null;
    },
  };
}

export interface GenerationSpec {
  /** The caller's id for it (validated unique by LiveGenerations). */
  id: string;
  kind: GenerationKind;
  documentId: string | null;
  parentId: string | null;
  /** null: this generation starts a new spot (its own id). */
  spotId: string | null;
  replayOf: string | null;
  /** Template generations: the template and its field values (null otherwise). */
  templateId?: string | null;
  templateFields?: NewGenerationRow['templateFields'];
  prompt: EnginePrompt;
  params: ContinueParams;
  /** undefined: one is chosen here and recorded, so the generation can be replayed. */
  seed: number | undefined;
  model: LoadedModelInfo;
  /** Ends the text early: a complete sentence (stop at 'sentence'), a template's shape. */
  textEnd?: TextEnd | null;
  /** After the end has gone out, with the final output (a template fills its document). */
  finished?: (output: string) => void;
  /** A branch from a token of its parent: recorded with the row. */
  branch?: Omit<BranchPoint, 'generationId'> | null;
  /** A continue's text before the cursor: its end is kept, to find the text's place again. */
  anchor?: string;
}

export interface GenerationDeps {
  engine: Engine;
  generations: GenerationsRepository;
  fingerprints: ModelFingerprints;
  events: EventBus;
  clock: () => number;
  /** Given, the engine is asked for token probabilities (if it has them) and they are kept. */
  tokenSteps?: TokenStepsRepository;
}

export interface GenerationStarted {
  generationId: string;
  spotId: string;
  seed: number;
  plan: PromptPlan;
}

export class Generation {
  readonly id: string;
  readonly spotId: string;
  readonly seed: number;
  /** Resolves with the end once it has gone out (never rejects). */
  readonly ended: Promise<GenerationEnd>;
  private completion: EngineCompletion | null = null;
  private cancelled = false;
  private inserted = false;
  private raw = '';
  private output = '';
  private endedEarly = false;
  private lastFlushAt: number;
  private flushedOutput = '';
  /** Events for the caller wait until the reply to the start is on its way. */
  private replySent: Promise<void> = Promise.resolve();
  private reportEnded: (end: GenerationEnd) => void = () => undefined;
  /** With probabilities: the steps, kept in line with the output (a sentence end cuts both). */
  private readonly trail: TokenStepTrail | null;
  private readonly steps: TokenStep[] = [];

  constructor(
    private readonly deps: GenerationDeps,
    private readonly spec: GenerationSpec,
    /** The connection that started it: its events go there only. */
    readonly callerId: string | null,
  ) {
    this.id = spec.id;
    this.spotId = spec.spotId ?? spec.id;
    this.seed = spec.seed ?? randomInt(0, MAX_SEED);
    this.lastFlushAt = deps.clock();
    this.trail =
      deps.tokenSteps && deps.engine.capabilities?.tokenProbabilities ? new TokenStepTrail() : null;
    this.ended = new Promise((resolve) => {
      this.reportEnded = resolve;
    });
  }

  /**
   * Asks the engine, and resolves once it has fitted the prompt and the row is in history;
   * rejects (and records nothing) if the prompt cannot be fitted or the engine fails first.
   */
  async start(context?: Pick<RequestContext, 'replySent'>): Promise<GenerationStarted> {
    if (context?.replySent) this.replySent = context.replySent;
    // A server's model has no file here: its record is the server's address and the model's name.
    const modelSha256 = this.spec.model.remote
      ? ''
      : await this.deps.fingerprints.sha256(this.spec.model.path);
    let reportFitted: (plan: PromptPlan | null) => void = () => undefined;
    const fitted = new Promise<PromptPlan | null>((resolve) => {
      reportFitted = resolve;
    });
    const completion = this.deps.engine.complete(
      this.spec.prompt,
      engineParams(this.spec.params, this.seed),
      {
        // Synchronous with the host's message: the row is in before any chunk is handled.
        fitted: (fit) => {
          this.insertRow(fit, modelSha256);
          reportFitted(fit.plan);
        },
        chunk: (text) => this.chunk(text),
        ...(this.trail ? { steps: (steps: TokenStep[]) => this.trail?.push(steps) } : {}),
      },
    );
    this.completion = completion;
    if (this.cancelled) completion.cancel();
    // The fit comes first; an end without one is a failure to report to the caller.
    void completion.done.then((outcome) => {
      reportFitted(null);
      this.end(outcome);
    });
    const plan = await fitted;
    if (plan === null) {
      const outcome = await completion.done;
      throw outcome.error ? ApiError.from(outcome.error) : notStarted();
    }
    this.changed('started');
    return { generationId: this.id, spotId: this.spotId, seed: this.seed, plan };
  }

  cancel(): void {
    this.cancelled = true;
    this.completion?.cancel();
  }

  typing(): void {
    this.completion?.typing();
  }

  private insertRow(fit: PromptFit, modelSha256: string): void {
    const { spec } = this;
    this.deps.generations.insertStarted({
      id: this.id,
      documentId: spec.documentId,
      kind: spec.kind,
      parentId: spec.parentId,
      spotId: this.spotId,
      replayOf: spec.replayOf,
      templateId: spec.templateId ?? null,
      templateFields: spec.templateFields ?? null,
      promptText: fit.promptText,
      promptTokens: fit.plan.promptTokens,
      params: { ...spec.params, seed: this.seed },
      seed: this.seed,
      modelPath: spec.model.path,
      modelName: spec.model.fileName,
      modelSha256,
      createdAt: this.deps.clock(),
    });
    if (spec.branch) this.deps.tokenSteps?.saveBranch({ generationId: this.id, ...spec.branch });
    if (spec.anchor !== undefined) this.deps.tokenSteps?.saveAnchor(this.id, spec.anchor);
    this.inserted = true;
  }

  private chunk(text: string): void {
    if (this.endedEarly) return;
    this.raw += text;
    const end = this.spec.textEnd?.push(text) ?? null;
    let passed = text;
    if (end !== null) {
      this.endedEarly = true;
      passed = this.raw.slice(this.output.length, end);
      this.completion?.cancel();
    }
    this.output += passed;
    const steps = this.endedEarly
      ? this.trail?.finish(this.output.length)
      : this.trail?.release(this.output.length);
    if (steps && steps.length > 0) this.steps.push(...steps);
    if (passed !== '' || (steps && steps.length > 0)) {
      this.toCaller('generation.chunk', {
        generationId: this.id,
        text: passed,
        ...(steps && steps.length > 0 ? { steps } : {}),
      });
    }
    this.flushIfDue();
  }

  private end(outcome: CompletionOutcome): void {
    // The cancel was ours: the text ended where the sentence or shape did, which is a stop.
    const { error: _cancelError, ...stopped } = outcome;
    const final: CompletionOutcome = this.endedEarly
      ? { ...stopped, finishReason: 'stop', text: this.output }
      : outcome;
    const end: GenerationEnd = { generationId: this.id, seed: this.seed, ...final };
    if (!this.inserted) {
      // It never started: the caller's start was refused with this outcome's error.
      this.reportEnded(end);
      return;
    }
    this.record('its end', () => {
      this.deps.generations.finish({
        id: this.id,
        output: end.text,
        finishReason: end.finishReason,
        error: end.error ?? null,
        timings: end.timings,
        finishedAt: this.deps.clock(),
      });
      if (this.trail) this.saveSteps(end.text.length);
    });
    void this.replySent.then(() => {
      this.toCallerNow('generation.end', end);
      this.changed('finished');
      this.record('what follows its end', () => this.spec.finished?.(end.text));
      this.reportEnded(end);
    });
  }

  /** Steps for the whole final text (the engine sent them all before its end). */
  private saveSteps(textLength: number): void {
    const rest = this.trail?.finish(textLength) ?? [];
    if (rest.length > 0) {
      this.steps.push(...rest);
      this.toCaller('generation.chunk', { generationId: this.id, text: '', steps: rest });
    }
    if (this.steps.length > 0) this.deps.tokenSteps?.saveSteps(this.id, this.steps);
  }

  private flushIfDue(): void {
    if (!this.inserted) return;
    const now = this.deps.clock();
    if (now - this.lastFlushAt < OUTPUT_FLUSH_INTERVAL_MS || this.output === this.flushedOutput) {
      return;
    }
    this.lastFlushAt = now;
    this.flushedOutput = this.output;
    this.record('its text so far', () => this.deps.generations.updateOutput(this.id, this.output));
  }

  /**
   * Writes to the history, which may fail (a full disk, the database closed as the app quits):
   * the writer still gets the text and the end, and the failure never escapes into the engine's
   * message handling, where it would end the process.
   */
  private record(what: string, write: () => void): void {
    try {
      write();
    } catch (error) {
      console.error(`[inkwell] generation ${this.id}: could not record ${what}:`, error);
    }
  }

  private toCaller<E extends 'generation.chunk'>(event: E, payload: EventPayload<E>): void {
    void this.replySent.then(() => this.toCallerNow(event, payload));
  }

  private toCallerNow<E extends 'generation.chunk' | 'generation.end'>(
    event: E,
    payload: EventPayload<E>,
  ): void {
    if (this.callerId === null) return;
    this.deps.events.emitTo(this.callerId, event, payload);
  }

  private changed(kind: EventPayload<'history.changed'>['kind']): void {
    this.deps.events.emit('history.changed', {
      id: this.id,
      documentId: this.spec.documentId,
      kind,
    });
  }
}

/** Sampler params for the engine: stop-at becomes a stop string or the text end's job. */
export function engineParams(
  params: ContinueParams,
  seed: number,
): GenerationParams & { seed: number } {
  const { stopAt, seed: _presetSeed, ...sampler } = params;
  const stop =
    stopAt === 'paragraph' && !sampler.stop.includes('\n\n')
      ? [...sampler.stop, '\n\n']
      : sampler.stop;
  return { ...sampler, stop, seed };
}

function notStarted(): ApiError {
  return localizedError('internal', 'errors:engine.generationFailed');
}
