/**
 * Continue writing, and replay: the document's settings and the text before the cursor become
 * the parts of a prompt, which the engine fits where its tokenizer is (one request); each
 * continue or replay is a Generation in the one registry of live ones.
 */
import { randomUUID } from 'node:crypto';
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
import type { TokenStepsRepository } from '../store/tokenStepsRepository.js';
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
  /** Given, continues and replays record each token's probabilities, and branches their point. */
  tokenSteps?: TokenStepsRepository;
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
  /** A branch from token `tokenIndex` of parentId; textBeforeCursor ends with the prefix. */
  branch?: { tokenIndex: number; prefix: string } | undefined;
  /** Alternatives to write for this spot, the first included (siblings follow it). */
  count?: number | undefined;
}

type Caller = Pick<RequestContext, 'clientId' | 'replySent'>;

export class ContinueService {
  private readonly clock: () => number;
  /**
   * Per caller: the siblings still to be written after its latest continue, and the one being
   * written; a newer continue from the caller cancels them (its writer has moved on).
   */
  private readonly siblingRuns = new Map<
    string | null,
    { cancelled: boolean; current?: Generation }
  >();

  constructor(private readonly options: ContinueServiceOptions) {
    this.clock = options.clock ?? Date.now;
  }

  async plan(documentId: string, textBeforeCursor: string): Promise<PromptPlan> {
    const { fit } = await this.context(documentId, textBeforeCursor, { loadModel: true });
    if (!fit) throw localizedError('unavailable', 'errors:continue.noModel');
    return fit.plan;
  }

  /**
   * Exactly what a continue from this text would send, and why each lorebook entry is in it.
   * Without `loadModel` and with no model ready, only the entries: a look at the context is not
   * worth loading hundreds of megabytes to count tokens (the fit comes once one is loaded).
   */
  async context(
    documentId: string,
    textBeforeCursor: string,
    { loadModel }: { loadModel: boolean },
  ): Promise<{ fit: PromptFit | null; activations: LoreActivation[] }> {
    this.requireDocument(documentId);
    const lore = this.loreFor(documentId, textBeforeCursor);
    if (!loadModel && this.options.engine.status().state !== 'ready') {
      return { fit: null, activations: lore?.activations ?? [] };
    }
    await this.readyModel();
    const settings = this.options.settings.getDocument(documentId);
    const fit = await this.options.engine.plan(
      this.promptOf(documentId, textBeforeCursor, lore),
      settings.params.maxTokens,
    );
    return { fit, activations: lore?.activations ?? [] };
  }

  async start(request: ContinueRequest, caller?: Caller): Promise<GenerationStarted> {
    const callerId = caller?.clientId ?? null;
    const previous = this.siblingRuns.get(callerId);
    if (previous) {
      previous.cancelled = true;
      previous.current?.cancel();
      this.siblingRuns.delete(callerId);
    }
    const { generation, started } = await this.startOne(request, caller);
    const reply = await started;
    const siblings = (request.count ?? 1) - 1;
    if (siblings > 0) {
      const run = { cancelled: false };
      this.siblingRuns.set(callerId, run);
      void this.writeSiblings(generation, request, run, siblings, caller);
    }
    return reply;
  }

  /**
   * The other alternatives of a continue that asked for several: one after another (they share
   * the model), each an alternative of the first, streamed to the same caller and recorded at
   * the same spot; the engine keeps the evaluated prompt, so each reads at most its last chunk.
   */
  private async writeSiblings(
    first: Generation,
    request: ContinueRequest,
    run: { cancelled: boolean; current?: Generation },
    count: number,
    caller?: Caller,
  ): Promise<void> {
    let previous = first;
    for (let written = 0; written < count; written += 1) {
      const end = await previous.ended;
      if (run.cancelled || end.finishReason === 'cancelled' || end.finishReason === 'error') break;
      try {
        const next = await this.startOne(
          {
            generationId: randomUUID(),
            documentId: request.documentId,
            textBeforeCursor: request.textBeforeCursor,
            parentId: request.parentId,
            alternativeOf: first.id,
          },
          caller && { clientId: caller.clientId },
        );
        run.current = next.generation;
        await next.started;
        previous = next.generation;
      } catch {
        // The document went, the model is loading: the alternatives written so far stay.
        break;
      }
    }
    if (this.siblingRuns.get(caller?.clientId ?? null) === run) {
      this.siblingRuns.delete(caller?.clientId ?? null);
    }
  }

  private async startOne(
    request: ContinueRequest,
    caller?: Caller,
  ): Promise<{ generation: Generation; started: Promise<GenerationStarted> }> {
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
    const branch = request.branch ? this.branchPoint(request) : null;
    if (`${settings.memory}${settings.authorsNote}${request.textBeforeCursor}`.trim() === '') {
      throw localizedError('invalid_request', 'errors:continue.noTextBeforeCursor');
    }
    const model = await this.readyModel();
    return this.launch(
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
        branch,
        anchor: request.textBeforeCursor,
      },
      caller,
    );
  }

  /** Where a branch leaves its parent; refused when it does not fit the request. */
  private branchPoint(request: ContinueRequest): {
    parentId: string;
    tokenIndex: number;
    prefix: string;
  } {
    const { branch, parentId } = request;
    if (!branch || !parentId) {
      throw localizedError('invalid_request', 'errors:continue.branchWithoutParent');
    }
    if (!this.options.generations.find(parentId)) throw notFound(parentId);
    if (request.alternativeOf !== undefined || !request.textBeforeCursor.endsWith(branch.prefix)) {
      throw localizedError('invalid_request', 'errors:continue.branchMismatch');
    }
    return { parentId, tokenIndex: branch.tokenIndex, prefix: branch.prefix };
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
    const model =
      original.modelSha256 === ''
        ? await this.sameServer(original.modelPath, original.modelName)
        : await this.modelWithSha(original.modelPath, original.modelSha256);
    if (!model && original.modelSha256 === '') {
      throw localizedError('conflict', 'errors:continue.replayServerMissing', {
        model: original.modelName,
        url: original.modelPath,
      });
    }
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
    return this.launch(spec, caller).started;
  }

  private launch(
    spec: GenerationSpec,
    caller?: Caller,
  ): { generation: Generation; started: Promise<GenerationStarted> } {
    const generation = new Generation(
      { ...this.options, clock: this.clock },
      spec,
      caller?.clientId ?? null,
    );
    const started = this.options.live.start(generation, () =>
      generation.start(caller?.replySent ? { replySent: caller.replySent } : {}),
    );
    return { generation, started };
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

  /** The remote engine's model when it is this server's model (a server has no sha256 to check). */
  private async sameServer(baseUrl: string, model: string): Promise<LoadedModelInfo | null> {
    const { engine } = this.options;
    if (!engine.status().model?.remote && engine.status().state !== 'idle') return null;
    const loaded = await engine.ensureModel().catch(() => null);
    return loaded?.remote && loaded.path === baseUrl && loaded.remote.model === model
      ? loaded
      : null;
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
