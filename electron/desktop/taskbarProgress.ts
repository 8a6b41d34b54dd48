/**
 * The taskbar's (Windows, Linux) and the Dock's (macOS) progress for what takes minutes:
 * downloads and conversions in the models library. Fed the backend's events; answers the value for
 * BrowserWindow.setProgressBar: a fraction of all the bytes in flight, more than 1 for "busy,
 * amount unknown", below 0 for none.
 */
import type { JobEnd, JobProgress } from '../../shared/schemas/models.js';

export const NO_PROGRESS = -1;
export const UNKNOWN_AMOUNT = 2;

export type ProgressEvent =
  | { event: 'models.jobProgress'; payload: JobProgress }
  | { event: 'models.jobEnd'; payload: JobEnd };

export class TaskbarProgress {
  private readonly jobs = new Map<string, { received: number; total: number }>();

  /** Takes one event; answers the new value, or null when the bar stays as it is. */
  update(change: ProgressEvent): number | null {
    const before = this.value();
    switch (change.event) {
      case 'models.jobProgress':
        this.jobs.set(change.payload.jobId, {
          received: change.payload.receivedBytes,
          total: change.payload.totalBytes,
        });
        break;
      case 'models.jobEnd':
        this.jobs.delete(change.payload.jobId);
        break;
    }
    const after = this.value();
    return after === before ? null : after;
  }

  value(): number {
    const jobs = [...this.jobs.values()];
    const known = jobs.filter((job) => job.total > 0);
    if (known.length > 0 && known.length === jobs.length) {
      const received = known.reduce((sum, job) => sum + Math.min(job.received, job.total), 0);
      const total = known.reduce((sum, job) => sum + job.total, 0);
      // Rounded to a thousandth: a download reports often, the bar needs no more.
      return Math.round((received / total) * 1000) / 1000;
    }
    if (jobs.length > 0) return UNKNOWN_AMOUNT;
    return NO_PROGRESS;
  }
}
