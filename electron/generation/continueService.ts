/**
 * Continue writing, and replay: builds the prompt from the document's settings and the text
 * before the cursor, starts the engine, and records the generation in history from its start
 * (finish reason null) to its end. The engine's chunks and end for these generations pass
 * through a ContinueObserver (see generationRun.ts and generationRelay.ts), which keeps the output, applies the
 * sentence stop, and finishes the row before any renderer sees the end.
 */
import { ApiError } from '../../shared/errors.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import { MAX_SEED, type LoadedModelInfo } from '../../shared/schemas/engine.js';
import type { PromptPlan } from '../../shared/schemas/generations.js';
import type { EventBus } from '../core/eventBus.js';
import type { RequestContext } from '../core/requestContext.js';
import type { GenerationsRepository } from '../store/generationsRepository.js';
import type { EngineService } from '../engine/engineService.js';
import type { GenerationRelay } from './generationRelay.js';
import {
  runGeneration,
  type GenerationRunSpec,
  type GenerationRunStarted,
} from './generationRun.js';
import type { GenerationSettingsService } from './generationSettingsService.js';
import type { ModelFingerprints } from '../models/modelFingerprint.js';
import { assemblePrompt, type AssembledPrompt } from './promptAssembly.js';

export interface ContinueServiceOptions {
  engine: EngineService;
  relay: GenerationRelay;
  generations: GenerationsRepository;
  settings: GenerationSettingsService;
  fingerprints: ModelFingerprints;
  events: EventBus;
  /** Whether a document exists (deleted ones included: their history is still theirs). */
  documentExists: (documentId: string) => boolean;
  clock?: () => number;
}

export interface ContinueRequest {
  documentId: string;
  textBeforeCursor: string;
  parentId?: string | null | undefined;
  alternativeOf?: string | undefined;
}

export interface ContinueStarted {
  generationId: string;
  spotId: string;
  seed: number;
  plan: PromptPlan;
}

type Caller = Pick<RequestContext, 'clientId'>;

export class ContinueService {
  private readonly clock: () => number;

  constructor(private readonly options: ContinueServiceOptions) {
    this.clock = options.clock ?? Date.now;
  }

  async plan(documentId: string, textBeforeCursor: string): Promise<PromptPlan> {
    this.requireDocument(documentId);
    const model = await this.readyModel();
    return planOf(await this.assemble(documentId, textBeforeCursor, model));
  }

  async start(request: ContinueRequest, caller?: Caller): Promise<ContinueStarted> {
    const { documentId } = request;
    this.requireDocument(documentId);
    const settings = this.options.settings.getDocument(documentId);
    let parentId = request.parentId ?? null;
    let spotId: string | null = null;
    let seed = settings.params.seed;
    if (request.alternativeOf !== undefined) {
      const original = this.options.generations.find(request.alternativeOf);
      if (!original) throw notFound(request.alternativeOf);
      ({ spotId, parentId } = original);
      // A fixed seed would give the same text again: each alternative steps it on by one.
      const siblings = this.options.generations.bySpot(original.spotId).length;
      if (seed !== undefined) seed = (seed + siblings) % (MAX_SEED + 1);
    }
    const model = await this.readyModel();
    const prompt = await this.assemble(documentId, request.textBeforeCursor, model);
    if (prompt.text.trim() === '') {
      throw localizedError('invalid_request', 'errors:continue.noTextBeforeCursor');
    }
    const started = await this.run(
      {
        kind: 'continue',
        documentId,
        parentId,
        spotId,
        replayOf: null,
        promptText: prompt.text,
        promptTokens: prompt.promptTokens,
        params: settings.params,
        seed,
        model,
      },
      caller,
    );
    return { ...started, plan: planOf(prompt) };
  }

  /**
   * Runs a stored generation again: the same prompt text, params and seed, on the same model
   * (by sha256). When another model is loaded, the recorded file is loaded if it is still there
   * and unchanged; otherwise the replay is refused, since it could not give the same text.
   */
  async replay(id: string, caller?: Caller): Promise<{ generationId: string; seed: number }> {
    const original = this.options.generations.find(id);
    if (!original) throw notFound(id);
    const model = await this.modelWithSha(original.modelPath, original.modelSha256);
    if (!model) {
      throw localizedError('conflict', 'errors:continue.replayModelMissing', {
        model: original.modelName,
        sha: original.modelSha256.slice(0, 12),
        path: original.modelPath,
      });
    }
    const { generationId, seed } = await this.run(
      {
        kind: 'replay',
        documentId: original.documentId,
        parentId: original.parentId,
        spotId: null,
        replayOf: original.id,
        promptText: original.promptText,
        promptTokens: original.promptTokens,
        params: original.params,
        seed: original.seed,
        model,
      },
      caller,
    );
    return { generationId, seed };
  }

  private run(spec: GenerationRunSpec, caller?: Caller): Promise<GenerationRunStarted> {
    return runGeneration({ ...this.options, clock: this.clock }, spec, caller);
  }

  private assemble(
    documentId: string,
    textBeforeCursor: string,
    model: LoadedModelInfo,
  ): Promise<AssembledPrompt> {
    const settings = this.options.settings.getDocument(documentId);
    return assemblePrompt(
      {
        memory: settings.memory,
        authorsNote: settings.authorsNote,
        textBeforeCursor,
        contextSize: model.contextSize,
        maxNewTokens: settings.params.maxTokens,
      },
      async (text) => (await this.options.engine.countTokens(text)).tokens,
    );
  }

  /** The loaded model; with none, the default one is loaded (countTokens does that). */
  private async readyModel(): Promise<LoadedModelInfo> {
    const { engine } = this.options;
    const before = engine.status();
    if (before.state === 'ready' && before.model) return before.model;
    if (before.state === 'loading') {
      throw localizedError('unavailable', 'errors:continue.modelLoading', {
        path: before.loadingPath ?? '',
      });
    }
    try {
      await engine.countTokens('');
    } catch (error) {
      if (error instanceof ApiError && error.code !== 'internal') {
        throw localizedError('unavailable', 'errors:continue.modelNotReady', {
          reason: error.localized ?? error.message,
        });
      }
      throw error;
    }
    const model = engine.status().model;
    if (!model) {
      throw localizedError('unavailable', 'errors:continue.noModel');
    }
    return model;
  }

  /** The loaded model if its file has this sha256, else the recorded file loaded; or null. */
  private async modelWithSha(path: string, sha256: string): Promise<LoadedModelInfo | null> {
    const { engine, fingerprints } = this.options;
    const loaded = engine.status().model;
    if (loaded && (await fingerprints.sha256(loaded.path).catch(() => null)) === sha256) {
      return loaded;
    }
    const recorded = await fingerprints.sha256(path).catch(() => null);
    if (recorded !== sha256) return null;
    return engine.load({ path }).catch(() => null);
  }

  private requireDocument(documentId: string): void {
    if (!this.options.documentExists(documentId)) {
      throw localizedError('not_found', 'errors:documents.purged');
    }
  }
}

function planOf(prompt: AssembledPrompt): PromptPlan {
  return {
    promptTokens: prompt.promptTokens,
    maxNewTokens: prompt.maxNewTokens,
    contextSize: prompt.contextSize,
    droppedTokens: prompt.droppedTokens,
    droppedTokensEstimated: prompt.droppedTokensEstimated,
  };
}

function notFound(id: string): ApiError {
  return localizedError('not_found', 'errors:history.noGeneration', { id });
}
