/**
 * Continue writing, and replay: the document's settings and the text before the cursor become
 * the parts of a prompt, which the engine fits where its tokenizer is (one request); each
 * continue or replay is a Generation in the one registry of live ones.
 */
import { ApiError } from '../../shared/errors.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import { MAX_SEED, type LoadedModelInfo } from '../../shared/schemas/engine.js';
import type { EnginePrompt, PromptFit, PromptPlan } from '../../shared/schemas/generations.js';
import type { LoreActivation } from '../../shared/schemas/lorebook.js';
import type { EventBus } from '../core/eventBus.js';
import type { RequestContext } from '../core/requestContext.js';
import type { Engine } from '../engine/engine.js';
import type { ModelFingerprints } from '../models/modelFingerprint.js';
import type { GenerationsRepository } from '../store/generationsRepository.js';
import { Generation, type GenerationSpec, type GenerationStarted } from './generation.js';
import type { GenerationSettingsService } from './generationSettingsService.js';
import type { LiveGenerations } from './liveGenerations.js';
import type { ActiveLore } from './lorebook/lorebookService.js';
import { SentenceWatcher } from './sentenceStop.js';

export interface ContinueServiceOptions {
  engine: Engine;
  /** Loads a recorded model file again for a replay; null when it cannot be loaded. */
  loadModel: (path: string) => Promise<LoadedModelInfo | null>;
  live: LiveGenerations;
  generations: GenerationsRepository;
  settings: GenerationSettingsService;
  fingerprints: ModelFingerprints;
  events: EventBus;
  /** Whether a document exists (deleted ones included: their history is still theirs). */
  documentExists: (documentId: string) => boolean;
  /** The lorebook entries a continue from this text gets (lorebook/lorebookService.ts). */
  lorebook?: { activeFor(documentId: string, textBeforeCursor: string): ActiveLore };
  clock?: () => number;
}

export interface ContinueRequest {
  generationId: string;
  documentId: string;
  textBeforeCursor: string;
  parentId?: string | null | undefined;
  alternativeOf?: string | undefined;
}

type Caller = Pick<RequestContext, 'clientId' | 'replySent'>;

export class ContinueService {
  private readonly clock: () => number;

  constructor(private readonly options: ContinueServiceOptions) {
    this.clock = options.clock ?? Date.now;
  }

  async plan(documentId: string, textBeforeCursor: string): Promise<PromptPlan> {
    return (await this.context(documentId, textBeforeCursor)).fit.plan;
  }

  /** Exactly what a continue from this text would send, and why each lorebook entry is in it. */
  async context(
    documentId: string,
    textBeforeCursor: string,
  ): Promise<{ fit: PromptFit; activations: LoreActivation[] }> {
    this.requireDocument(documentId);
    await this.readyModel();
    const settings = this.options.settings.getDocument(documentId);
    const lore = this.loreFor(documentId, textBeforeCursor);
    const fit = await this.options.engine.plan(
      this.promptOf(documentId, textBeforeCursor, lore),
      settings.params.maxTokens,
    );
    return { fit, activations: lore?.activations ?? [] };
  }

  async start(request: ContinueRequest, caller?: Caller): Promise<GenerationStarted> {
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
    if (`${settings.memory}${settings.authorsNote}${request.textBeforeCursor}`.trim() === '') {
      throw localizedError('invalid_request', 'errors:continue.noTextBeforeCursor');
    }
    const model = await this.readyModel();
    return this.run(
      {
        id: request.generationId,
        kind: 'continue',
        documentId,
        parentId,
        spotId,
        replayOf: null,
        prompt: this.promptOf(documentId, request.textBeforeCursor),
        params: settings.params,
        seed,
        model,
        textEnd: settings.params.stopAt === 'sentence' ? new SentenceWatcher() : null,
      },
      caller,
    );
  }

  /**
   * Runs a stored generation again: the same prompt text, params and seed, on the same model
   * (by sha256). When another model is loaded, the recorded file is loaded if it is still there
   * and unchanged; otherwise the replay is refused, since it could not give the same text.
   */
  async replay(
    request: { id: string; generationId: string },
    caller?: Caller,
  ): Promise<{ generationId: string; seed: number }> {
    const original = this.options.generations.find(request.id);
    if (!original) throw notFound(request.id);
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
        id: request.generationId,
        kind: 'replay',
        documentId: original.documentId,
        parentId: original.parentId,
        spotId: null,
        replayOf: original.id,
        prompt: { kind: 'text', text: original.promptText },
        params: original.params,
        seed: original.seed,
        model,
        textEnd: original.params.stopAt === 'sentence' ? new SentenceWatcher() : null,
      },
      caller,
    );
    return { generationId, seed };
  }

  private run(spec: GenerationSpec, caller?: Caller): Promise<GenerationStarted> {
    const generation = new Generation(
      { ...this.options, clock: this.clock },
      spec,
      caller?.clientId ?? null,
    );
    return this.options.live.start(generation, () =>
      generation.start(caller?.replySent ? { replySent: caller.replySent } : {}),
    );
  }

  private loreFor(documentId: string, textBeforeCursor: string): ActiveLore | null {
    return this.options.lorebook?.activeFor(documentId, textBeforeCursor) ?? null;
  }

  private promptOf(
    documentId: string,
    textBeforeCursor: string,
    lore: ActiveLore | null = this.loreFor(documentId, textBeforeCursor),
  ): EnginePrompt {
    const { memory, authorsNote, params } = this.options.settings.getDocument(documentId);
    return {
      kind: 'parts',
      memory,
      authorsNote,
      noteDepthLines: params.noteDepthUnit === 'lines' ? params.noteDepth : 0,
      ...(params.noteDepthUnit === 'tokens' ? { noteDepthTokens: params.noteDepth } : {}),
      textBeforeCursor,
      ...(lore ? { lore: lore.inserts, loreBudgetTokens: lore.budgetTokens } : {}),
    };
  }

  /** The loaded model; with none, the startup model is loaded. A load in progress is said so. */
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
      return await engine.ensureModel();
    } catch (error) {
      if (error instanceof ApiError && error.code !== 'internal') {
        throw localizedError('unavailable', 'errors:continue.modelNotReady', {
          reason: error.localized ?? error.message,
        });
      }
      throw error;
    }
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
    return this.options.loadModel(path);
  }

  private requireDocument(documentId: string): void {
    if (!this.options.documentExists(documentId)) {
      throw localizedError('not_found', 'errors:documents.purged');
    }
  }
}

function notFound(id: string): ApiError {
  return localizedError('not_found', 'errors:history.noGeneration', { id });
}
