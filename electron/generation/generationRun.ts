/**
 * Starts one recorded generation: the engine starts on the prompt, the generation's events are
 * followed by a ContinueObserver (optionally wrapped, e.g. by the template shape stop) through the
 * relay, and the history row goes in with finish reason null; the observer finishes it at the end.
 * Continue, replay and template generations all start here.
 */
import type { EventPayload } from '../../shared/contract.js';
import type { GenerationParams, LoadedModelInfo } from '../../shared/schemas/engine.js';
import type { ContinueParams, GenerationKind } from '../../shared/schemas/generations.js';
import type { EventBus } from '../core/eventBus.js';
import type { RequestContext } from '../core/requestContext.js';
import type { GenerationsRepository, NewGenerationRow } from '../store/generationsRepository.js';
import { ContinueObserver } from './continueObserver.js';
import type { EngineService } from '../engine/engineService.js';
import type { GenerationObserver, GenerationRelay } from './generationRelay.js';
import type { ModelFingerprints } from '../models/modelFingerprint.js';

export interface GenerationRunDeps {
  engine: EngineService;
  relay: GenerationRelay;
  generations: GenerationsRepository;
  fingerprints: ModelFingerprints;
  events: EventBus;
  clock: () => number;
}

export interface GenerationRunSpec {
  kind: GenerationKind;
  documentId: string | null;
  parentId: string | null;
  /** null: this generation starts a new spot (its own id). */
  spotId: string | null;
  replayOf: string | null;
  /** Template generations: the template and its field values (null otherwise). */
  templateId?: string | null;
  templateFields?: NewGenerationRow['templateFields'];
  promptText: string;
  promptTokens: number;
  params: ContinueParams;
  /** undefined: the engine picks one and reports it. */
  seed: number | undefined;
  model: LoadedModelInfo;
  /** Wraps the recording observer (templates: the shape stop); by default it is used as is. */
  observer?: (recorder: ContinueObserver, cancel: () => void) => GenerationObserver;
}

export interface GenerationRunStarted {
  generationId: string;
  spotId: string;
  seed: number;
}

type Caller = Pick<RequestContext, 'clientId'>;

export async function runGeneration(
  deps: GenerationRunDeps,
  spec: GenerationRunSpec,
  caller?: Caller,
): Promise<GenerationRunStarted> {
  const { engine, relay, generations, clock } = deps;
  const modelSha256 = await deps.fingerprints.sha256(spec.model.path);
  const { generationId, seed } = engine.startGeneration(
    spec.promptText,
    engineParams(spec.params, spec.seed),
    caller,
  );
  const spotId = spec.spotId ?? generationId;
  const cancel = (): void => {
    engine.cancelGeneration(generationId);
  };
  const changed = (kind: EventPayload<'history.changed'>['kind']): void => {
    deps.events.emit('history.changed', { id: generationId, documentId: spec.documentId, kind });
  };
  const recorder = new ContinueObserver({
    generationId,
    stopAtSentence: spec.params.stopAt === 'sentence',
    generations,
    cancel,
    finished: () => changed('finished'),
    clock,
  });
  relay.observe(generationId, spec.observer ? spec.observer(recorder, cancel) : recorder);
  // The row (a durable write: an fsync) goes in once the request is on its way to the engine,
  // so it does not delay the first token.
  await new Promise((resolve) => setImmediate(resolve));
  try {
    generations.insertStarted({
      id: generationId,
      documentId: spec.documentId,
      kind: spec.kind,
      parentId: spec.parentId,
      spotId,
      replayOf: spec.replayOf,
      templateId: spec.templateId ?? null,
      templateFields: spec.templateFields ?? null,
      promptText: spec.promptText,
      promptTokens: spec.promptTokens,
      params: { ...spec.params, seed },
      seed,
      modelPath: spec.model.path,
      modelName: spec.model.fileName,
      modelSha256,
      createdAt: clock(),
    });
    recorder.inserted();
  } catch (error) {
    relay.forget(generationId);
    cancel();
    throw error;
  }
  changed('started');
  return { generationId, spotId, seed };
}

/** Sampler params for the engine: stop-at becomes a stop string or the observer's job. */
export function engineParams(params: ContinueParams, seed: number | undefined): GenerationParams {
  const { stopAt, seed: _presetSeed, ...sampler } = params;
  const stop =
    stopAt === 'paragraph' && !sampler.stop.includes('\n\n')
      ? [...sampler.stop, '\n\n']
      : sampler.stop;
  return { ...sampler, stop, ...(seed === undefined ? {} : { seed }) };
}
