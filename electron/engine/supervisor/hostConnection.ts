/**
 * One running model host, seen from main: starts it, waits for its `ready`, matches replies and
 * stream events to requests, and when the process ends unexpectedly ends every request still in
 * flight with a clear 'unavailable' error. A message that does not follow the protocol is treated
 * as a crash: the host is killed, because a host that says nonsense cannot be trusted with more.
 */
import { ApiError, type ApiErrorShape, type LocalizedMessage } from '../../../shared/errors.js';
import { localized, localizedError } from '../../../shared/i18n/localizedMessage.js';
import type { ResolvedGenerationParams } from '../../../shared/schemas/engine.js';
import type { EnginePrompt, PromptFit } from '../../../shared/schemas/generations.js';
import type { TokenStep } from '../../../shared/schemas/tokenSteps.js';
import type { HostExit, ModelHostProcess, SpawnModelHost } from './hostTransport.js';
import {
  emptyTimings,
  parseHostMessage,
  replyDataSchemas,
  type DoneMessage,
  type HostMessage,
  type HostRequest,
  type ProgressMessage,
  type RepliedRequestType,
  type ReplyData,
} from '../protocol.js';

export type CompletionOutcome = Omit<DoneMessage, 'type' | 'id'>;
export type ChunkListener = (text: string, tokens: number) => void;
export type ProgressListener = (step: ProgressMessage['step'], progress: number | null) => void;

/** A request as callers write it: the connection adds the id. */
type RequestBody<T extends RepliedRequestType> = Omit<Extract<HostRequest, { type: T }>, 'id'> & {
  type: T;
};

interface PendingReply {
  type: RepliedRequestType;
  resolve: (data: unknown) => void;
  reject: (error: ApiError) => void;
  onProgress?: ProgressListener;
}

/** What a completion reports as it runs: how its prompt was fitted, then its chunks. */
export interface CompletionListeners {
  onFitted: (fit: PromptFit) => void;
  onChunk: ChunkListener;
  /** Asks for token steps with the chunks (probabilities and top alternatives). */
  onSteps?: (steps: TokenStep[]) => void;
}

interface PendingCompletion extends CompletionListeners {
  resolve: (outcome: CompletionOutcome) => void;
  text: string;
  tokens: number;
}

/** How the host ended, by its i18n key ("exit code 3"), for "stopped unexpectedly (…)". */
export function describeExit(exit: HostExit): LocalizedMessage {
  if (exit.signal) return localized('errors:engine.exit.signal', { signal: exit.signal });
  if (exit.code !== null) return localized('errors:engine.exit.code', { code: exit.code });
  return localized('errors:engine.exit.notStarted');
}

export function crashError(detail: LocalizedMessage): ApiError {
  return localizedError('unavailable', 'errors:engine.crashed', { detail });
}

const HAD_STOPPED = localized('errors:engine.exit.hadStopped');

export class HostConnection {
  private readonly replies = new Map<string, PendingReply>();
  private readonly completions = new Map<string, PendingCompletion>();
  private readonly exitListeners: ((detail: LocalizedMessage, expected: boolean) => void)[] = [];
  private nextId = 1;
  private exitExpected = false;
  private violation: string | null = null;
  private exitDetail: LocalizedMessage | null = null;
  readonly exited: Promise<void>;

  private constructor(private readonly process: ModelHostProcess) {
    this.exited = new Promise((resolve) => process.onExit((exit) => resolve(this.ended(exit))));
  }

  /** Starts a host and resolves once it said `ready`; rejects if it dies or stays silent. */
  static start(spawn: SpawnModelHost, readyTimeoutMs: number): Promise<HostConnection> {
    return new Promise((resolve, reject) => {
      let process: ModelHostProcess;
      try {
        process = spawn();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return reject(crashError(localized('errors:engine.exit.startFailed', { reason })));
      }
      const connection = new HostConnection(process);
      const timer = setTimeout(() => {
        const seconds = Math.round(readyTimeoutMs / 1000);
        reject(crashError(localized('errors:engine.exit.startTimeout', { seconds })));
        connection.process.kill();
      }, readyTimeoutMs);
      connection.onExit((detail) => {
        clearTimeout(timer);
        reject(crashError(detail));
      });
      connection.process.onMessage((raw) => {
        const parsed = parseHostMessage(raw);
        if (!parsed.ok) return connection.protocolViolation(parsed.problem);
        if (parsed.message.type === 'ready') {
          clearTimeout(timer);
          resolve(connection);
        } else connection.receive(parsed.message);
      });
    });
  }

  get alive(): boolean {
    return this.exitDetail === null;
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  onExit(listener: (detail: LocalizedMessage, expected: boolean) => void): void {
    if (this.exitDetail !== null) listener(this.exitDetail, this.exitExpected);
    else this.exitListeners.push(listener);
  }

  request<T extends RepliedRequestType>(
    request: RequestBody<T>,
    onProgress?: ProgressListener,
  ): Promise<ReplyData<T>> {
    if (!this.alive) return Promise.reject(crashError(this.exitDetail ?? HAD_STOPPED));
    const id = String(this.nextId++);
    return new Promise<ReplyData<T>>((resolve, reject) => {
      this.replies.set(id, {
        type: request.type,
        resolve: (data) => resolve(data as ReplyData<T>),
        reject,
        ...(onProgress ? { onProgress } : {}),
      });
      this.process.postMessage({ ...request, id } as HostRequest);
    });
  }

  /** Resolves with the host's `done`; never rejects (a crash ends it with finishReason 'error'). */
  complete(
    prompt: EnginePrompt,
    params: ResolvedGenerationParams,
    listeners: CompletionListeners,
  ): { id: string; outcome: Promise<CompletionOutcome> } {
    const id = String(this.nextId++);
    const outcome = new Promise<CompletionOutcome>((resolve) => {
      if (!this.alive) {
        const error = crashError(this.exitDetail ?? HAD_STOPPED).toJSON();
        return resolve({ finishReason: 'error', text: '', error, timings: emptyTimings });
      }
      this.completions.set(id, { ...listeners, resolve, text: '', tokens: 0 });
      const probabilities = listeners.onSteps !== undefined;
      this.process.postMessage({ type: 'complete', id, prompt, params, probabilities });
    });
    return { id, outcome };
  }

  cancel(targetId: string): void {
    if (this.alive)
      this.process.postMessage({ type: 'cancel', id: String(this.nextId++), targetId });
  }

  typing(targetId: string): void {
    if (this.alive)
      this.process.postMessage({ type: 'typing', id: String(this.nextId++), targetId });
  }

  /** Asks the host to exit, waits up to `timeoutMs`, then kills it. */
  async shutdown(timeoutMs: number): Promise<void> {
    if (!this.alive) return;
    this.exitExpected = true;
    this.process.postMessage({ type: 'exit' });
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([this.exited, gaveUp]);
    clearTimeout(timer);
    if (result === 'timeout') {
      this.process.kill();
      await this.exited;
    }
  }

  /** Kills the host at once; in-flight requests end as after a crash. */
  kill(): void {
    this.process.kill();
  }

  private receive(message: HostMessage): void {
    switch (message.type) {
      case 'ready':
        return;
      case 'progress':
        this.replies.get(message.id)?.onProgress?.(message.step, message.progress);
        return;
      case 'reply': {
        const pending = this.replies.get(message.id);
        if (!pending) return;
        this.replies.delete(message.id);
        if (!message.ok) return pending.reject(ApiError.from(message.error));
        const data = replyDataSchemas[pending.type].safeParse(message.data);
        if (!data.success) {
          pending.reject(crashError(localized('errors:engine.exit.badReply')));
          return this.protocolViolation(`malformed data in the reply to ${pending.type}`);
        }
        return pending.resolve(data.data);
      }
      case 'fitted':
        this.completions.get(message.id)?.onFitted(message.fit);
        return;
      case 'chunk': {
        const pending = this.completions.get(message.id);
        if (!pending) return;
        pending.text += message.text;
        pending.tokens += message.tokens;
        if (message.steps !== undefined && message.steps.length > 0) {
          pending.onSteps?.(message.steps);
        }
        pending.onChunk(message.text, message.tokens);
        return;
      }
      case 'done': {
        const pending = this.completions.get(message.id);
        if (!pending) return;
        this.completions.delete(message.id);
        const { type: _type, id: _id, ...outcome } = message;
        pending.resolve(outcome);
        return;
      }
    }
  }

  private protocolViolation(problem: string): void {
    if (this.violation !== null) return;
    this.violation = problem;
    console.error(`[inkwell] model host: ${problem}; stopping it.`);
    this.process.kill();
  }

  private ended(exit: HostExit): void {
    const detail =
      this.violation !== null ? localized('errors:engine.exit.badMessage') : describeExit(exit);
    this.exitDetail = detail;
    const error = this.exitExpected
      ? localizedError('unavailable', 'errors:engine.shutDown')
      : crashError(detail);
    for (const pending of this.replies.values()) pending.reject(error);
    this.replies.clear();
    for (const pending of this.completions.values()) {
      pending.resolve({
        finishReason: 'error',
        text: pending.text,
        error: error.toJSON() as ApiErrorShape,
        timings: { ...emptyTimings, outputTokens: pending.tokens },
      });
    }
    this.completions.clear();
    for (const listener of this.exitListeners) listener(detail, this.exitExpected);
  }
}
