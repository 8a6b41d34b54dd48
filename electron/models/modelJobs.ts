/**
 * The running model jobs (downloads and checkpoint imports): their summaries, throttled progress
 * events, cancelling, and the end event with the outcome.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { modelsEvents } from '../../shared/channels/models.js';
import { ApiError, type LocalizedMessage, type LocalizedValue } from '../../shared/errors.js';
import {
  englishText,
  localized,
  localizedError,
  reasonOf,
} from '../../shared/i18n/localizedMessage.js';
import type { JobKind, JobPhase, JobSummary } from '../../shared/schemas/models.js';
import { DownloadError, RateMeter } from './modelDownloads.js';

/** Progress events at most this often per job (phase changes always go out). */
const PROGRESS_INTERVAL_MS = 200;

type JobEvents = Pick<typeof modelsEvents, 'models.jobProgress' | 'models.jobEnd'>;
export type JobEventSink = <E extends keyof JobEvents>(
  event: E,
  payload: z.output<JobEvents[E]>,
) => void;

/** What a job's work sees: its id, its cancel signal, and where it reports progress. */
export interface JobContext {
  jobId: string;
  signal: AbortSignal;
  progress(phase: JobPhase, receivedBytes: number, totalBytes: number): void;
}

/** A job's work ends with the model it added, and a warning when that half succeeded. */
export type JobOutcome = { modelId: string; warning?: LocalizedMessage };

interface RunningJob {
  summary: JobSummary;
  controller: AbortController;
  meter: RateMeter;
  lastEmit: number;
  lastEmittedBytes: number;
}

export class ModelJobs {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(private readonly emit: JobEventSink) {}

  list(): JobSummary[] {
    return [...this.jobs.values()].map((job) => ({ ...job.summary }));
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    job?.controller.abort(localizedError('cancelled', 'errors:models.jobCancelled'));
    return { cancelled: job !== undefined };
  }

  /** Stops every running job (app shutdown); their partial files are removed. */
  dispose(): void {
    for (const job of this.jobs.values())
      job.controller.abort(localizedError('cancelled', 'errors:models.appClosing'));
  }

  start(
    kind: JobKind,
    label: string,
    run: (job: JobContext) => Promise<JobOutcome>,
  ): { jobId: string } {
    const jobId = randomUUID();
    const controller = new AbortController();
    const job: RunningJob = {
      controller,
      meter: new RateMeter(),
      lastEmit: 0,
      lastEmittedBytes: 0,
      summary: {
        jobId,
        kind,
        label,
        phase: 'checking',
        receivedBytes: 0,
        totalBytes: 0,
        bytesPerSecond: 0,
        etaSeconds: null,
        startedAt: Date.now(),
      },
    };
    this.jobs.set(jobId, job);
    const context: JobContext = {
      jobId,
      signal: controller.signal,
      progress: (phase, receivedBytes, totalBytes) =>
        this.reportProgress(job, phase, receivedBytes, totalBytes),
    };
    void run(context).then(
      (outcome) =>
        this.endJob(jobId, {
          ok: outcome.warning === undefined,
          modelId: outcome.modelId,
          ...(outcome.warning ? errorFields(outcome.warning) : {}),
        }),
      (error: unknown) => {
        if (controller.signal.aborted) {
          const reason =
            controller.signal.reason instanceof Error
              ? reasonOf(controller.signal.reason)
              : localized('errors:models.jobCancelled');
          this.endJob(jobId, {
            ok: false,
            cancelled: true,
            ...errorFields(localized('errors:models.partialRemoved', { reason })),
          });
          return;
        }
        if (!(error instanceof ApiError || error instanceof DownloadError)) {
          console.error(`[inkwell] model ${kind} failed:`, error);
        }
        this.endJob(jobId, { ok: false, ...errorFields(reasonOf(error)) });
      },
    );
    return { jobId };
  }

  private reportProgress(
    job: RunningJob,
    phase: JobPhase,
    receivedBytes: number,
    totalBytes: number,
  ): void {
    const phaseChanged = phase !== job.summary.phase;
    if (phaseChanged) job.meter = new RateMeter();
    const bytesPerSecond = job.meter.record(receivedBytes);
    const left = totalBytes - receivedBytes;
    job.summary = {
      ...job.summary,
      phase,
      receivedBytes,
      totalBytes,
      bytesPerSecond,
      etaSeconds: bytesPerSecond > 0 && totalBytes > 0 ? Math.max(0, left) / bytesPerSecond : null,
    };
    const now = performance.now();
    // At most every 200 ms, but every whole percent too, so a bar on a fast job still moves.
    const movedPercent =
      totalBytes > 0 && (receivedBytes - job.lastEmittedBytes) / totalBytes >= 0.01;
    const due = now - job.lastEmit >= PROGRESS_INTERVAL_MS || movedPercent;
    if (!phaseChanged && !due && receivedBytes < totalBytes) return;
    job.lastEmit = now;
    job.lastEmittedBytes = receivedBytes;
    const { label: _label, startedAt: _startedAt, ...progress } = job.summary;
    this.emit('models.jobProgress', progress);
  }

  private endJob(
    jobId: string,
    end: {
      ok: boolean;
      error?: string;
      errorLocalized?: LocalizedMessage;
      cancelled?: boolean;
      modelId?: string;
    },
  ): void {
    this.jobs.delete(jobId);
    this.emit('models.jobEnd', { jobId, ...end });
  }
}

/** A job's error for its end event: the English text, and the key when it has one. */
function errorFields(reason: LocalizedValue): { error: string; errorLocalized?: LocalizedMessage } {
  if (typeof reason === 'object') return { error: englishText(reason), errorLocalized: reason };
  return { error: String(reason) };
}
