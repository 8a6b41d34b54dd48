/**
 * Main's side of template rendering: jobs go, one at a time, to a render process of their own
 * (renderHost.ts), so a template can never block main's event loop or grow its memory. Main
 * enforces what the process cannot check itself: each job has a deadline, past which the
 * process is killed (time limit), and a process that dies during a job hit its heap cap
 * (memory limit). The next job starts a fresh process. An idle process is ended after a while.
 */
import type { ApiError } from '../../shared/errors.js';
import { RENDER_LIMITS, type RenderLimits } from './renderLimits.js';
import {
  countedLimitError,
  processLimitError,
  renderFailedError,
  rendererBusyError,
  rendererUnavailableError,
} from './renderFailures.js';
import { forkRenderProcess, type RenderProcess, type SpawnRenderProcess } from './renderProcess.js';
import { isRenderReply, type RenderReply, type TemplateSources } from './renderProtocol.js';

export interface TemplateRendererOptions {
  spawn?: SpawnRenderProcess;
  limits?: Partial<RenderLimits>;
  /** How long an idle render process is kept for the next job. */
  idleMs?: number;
}

/** Jobs waiting behind the one being rendered; more are refused, so waiting stays bounded. */
export const MAX_WAITING_RENDERS = 16;
const DEFAULT_IDLE_MS = 30_000;
/** Starting Node (under tsx, on a busy machine) can take a while; this is only for a hang. */
const START_TIMEOUT_MS = 60_000;

interface Job {
  id: number;
  sources: TemplateSources;
  values: [string, string | number][];
  resolve(parts: TemplateSources): void;
  reject(error: ApiError): void;
}

interface Running {
  process: RenderProcess;
  ready: boolean;
  /** The job in the process now, with its deadline. */
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export class TemplateRenderer {
  readonly limits: Readonly<RenderLimits>;
  private readonly spawn: SpawnRenderProcess;
  private readonly idleMs: number;
  private readonly waiting: Job[] = [];
  private running: Running | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private reportedHeapLimitMb: number | null = null;
  private warnedUncapped = false;
  private disposed = false;

  constructor(options: TemplateRendererOptions = {}) {
    this.limits = Object.freeze({ ...RENDER_LIMITS, ...options.limits });
    this.spawn = options.spawn ?? forkRenderProcess;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  }

  /** Renders the three parts with the values; rejects with an ApiError naming the problem. */
  render(sources: TemplateSources, values: [string, string | number][]): Promise<TemplateSources> {
    if (this.disposed) return Promise.reject(rendererUnavailableError());
    if (this.waiting.length >= MAX_WAITING_RENDERS) return Promise.reject(rendererBusyError());
    return new Promise<TemplateSources>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, sources, values, resolve, reject });
      this.pump();
    });
  }

  /** The heap limit the render process last reported (null before one first started). */
  get heapLimitMb(): number | null {
    return this.reportedHeapLimitMb;
  }

  dispose(): void {
    this.disposed = true;
    this.clearIdle();
    const running = this.stop();
    running?.job?.reject(rendererUnavailableError());
    for (const job of this.waiting.splice(0)) job.reject(rendererUnavailableError());
  }

  private pump(): void {
    if (this.disposed || this.waiting.length === 0) return;
    this.clearIdle();
    const running = this.running ?? this.start();
    if (!running?.ready || running.job !== null) return;
    const job = this.waiting.shift();
    if (!job) return;
    running.job = job;
    running.timer = setTimeout(() => this.overran(running), this.limits.timeMs);
    running.process.postMessage({
      type: 'render',
      id: job.id,
      sources: job.sources,
      values: job.values,
      limits: this.limits,
    });
  }

  private start(): Running | null {
    let child: RenderProcess;
    try {
      child = this.spawn(this.limits.memoryMb);
    } catch (error) {
      console.error('[inkwell] the template renderer could not be started', error);
      this.failWaiting(rendererUnavailableError());
      return null;
    }
    const running: Running = { process: child, ready: false, job: null, timer: null };
    this.running = running;
    // Held until the process is ready: it keeps the event loop alive while a job waits for it.
    running.timer = setTimeout(() => {
      console.error('[inkwell] the template renderer did not start; stopping it');
      this.stop();
      this.failWaiting(rendererUnavailableError());
    }, START_TIMEOUT_MS);
    child.onMessage((message) => {
      if (this.running === running && isRenderReply(message)) this.received(running, message);
    });
    child.onExit((detail) => {
      if (this.running === running) this.died(running, detail);
    });
    return running;
  }

  private received(running: Running, reply: RenderReply): void {
    if (reply.type === 'ready') {
      this.clearTimer(running);
      running.ready = true;
      this.reportedHeapLimitMb = reply.heapLimitMb;
      if (reply.heapLimitMb > this.limits.memoryMb * 4 && !this.warnedUncapped) {
        // The flag was not honoured (a runtime that ignores execArgv): time still bounds a render.
        this.warnedUncapped = true;
        console.warn(
          `[inkwell] the template renderer's heap is not capped (${reply.heapLimitMb} MB)`,
        );
      }
      this.pump();
      return;
    }
    const job = running.job;
    if (!job || job.id !== reply.id) return;
    this.clearTimer(running);
    running.job = null;
    if (reply.type === 'rendered') job.resolve(reply.parts);
    else if (reply.type === 'limit')
      job.reject(countedLimitError(reply.limit, reply.part, this.limits));
    else job.reject(renderFailedError(reply.part, reply.detail));
    this.afterJob();
  }

  /** The deadline passed: the process is busy in the template and is killed mid-render. */
  private overran(running: Running): void {
    const job = running.job;
    this.stop();
    job?.reject(processLimitError('time', this.limits));
    this.afterJob();
  }

  private died(running: Running, detail: string): void {
    this.stop();
    if (running.job) {
      // Rendering is plain JavaScript: a process that dies in a job ran out of heap (or V8
      // refused a list that long), which is the memory limit at work.
      running.job.reject(processLimitError('memory', this.limits));
      this.afterJob();
    } else {
      console.error(`[inkwell] the template renderer ended (${detail})`);
      // It never got ready: starting again would most likely fail the same way.
      if (!running.ready) this.failWaiting(rendererUnavailableError());
    }
  }

  private afterJob(): void {
    if (this.waiting.length > 0) {
      this.pump();
      return;
    }
    if (this.running === null || this.disposed) return;
    this.clearIdle();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.running?.job === null && this.waiting.length === 0) this.stop();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  /** Forgets the running process (its later messages and exit are ignored) and kills it. */
  private stop(): Running | null {
    const running = this.running;
    if (!running) return null;
    this.running = null;
    this.clearTimer(running);
    running.process.kill();
    return running;
  }

  private failWaiting(error: ApiError): void {
    for (const job of this.waiting.splice(0)) job.reject(error);
  }

  private clearTimer(running: Running): void {
    if (running.timer) clearTimeout(running.timer);
    running.timer = null;
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

let shared: TemplateRenderer | undefined;

/** One renderer for callers that do not bring their own (scripts, tests of rendering alone). */
export function sharedTemplateRenderer(): TemplateRenderer {
  shared ??= new TemplateRenderer();
  return shared;
}
