/**
 * The engine everything above the Engine interface uses: the local model host, or a remote
 * server when the writer has switched to one. Switching is the only thing it does; each engine
 * keeps its own state, so going back to the local engine finds its model still loaded.
 */
import type {
  EngineStatus,
  LoadedModelInfo,
  ResolvedGenerationParams,
  TokenCount,
} from '../../shared/schemas/engine.js';
import type { EnginePrompt, PromptFit } from '../../shared/schemas/generations.js';
import type {
  CompletionListeners,
  Engine,
  EngineCapabilities,
  EngineCompletion,
} from './engine.js';

export type EngineKind = 'local' | 'remote';

export class ActiveEngine implements Engine {
  private remote: Engine | null = null;

  /** `announce` pushes the status of the engine now in use (engine.status). */
  constructor(
    private readonly local: Engine,
    private readonly announce: (status: EngineStatus) => void,
  ) {}

  get kind(): EngineKind {
    return this.remote ? 'remote' : 'local';
  }

  /** Uses this remote engine from the next request on. */
  useRemote(remote: Engine): void {
    this.remote = remote;
    this.announce(remote.status());
  }

  useLocal(): void {
    if (!this.remote) return;
    this.remote = null;
    this.announce(this.local.status());
  }

  private get current(): Engine {
    return this.remote ?? this.local;
  }

  /** What the engine in use can give (token probabilities), asked at each completion. */
  get capabilities(): EngineCapabilities | undefined {
    return this.current.capabilities;
  }

  status(): EngineStatus {
    return this.current.status();
  }

  ensureModel(): Promise<LoadedModelInfo> {
    return this.current.ensureModel();
  }

  plan(prompt: EnginePrompt, maxNewTokens: number): Promise<PromptFit> {
    return this.current.plan(prompt, maxNewTokens);
  }

  countTokens(text: string): Promise<TokenCount> {
    return this.current.countTokens(text);
  }

  complete(
    prompt: EnginePrompt,
    params: ResolvedGenerationParams,
    listeners: CompletionListeners,
  ): EngineCompletion {
    return this.current.complete(prompt, params, listeners);
  }
}
