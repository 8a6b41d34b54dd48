import type { ReactNode } from 'react';
import type { JobSummary } from '../../../shared/schemas/models.js';
import { useClient } from '../../api/clientContext.js';
import { formatBytes, formatSeconds } from './format.js';

/** One running download or import: phase, bar, speed, time left and a cancel button. */
export function JobProgressBar({ job }: { job: JobSummary }): ReactNode {
  const client = useClient();
  const fraction = job.totalBytes > 0 ? Math.min(1, job.receivedBytes / job.totalBytes) : null;
  return (
    <div className="job-progress" data-testid="job-progress" data-job-id={job.jobId}>
      <div>
        {job.label}: {job.phase}
        {fraction !== null && ` ${Math.round(fraction * 100)}%`}
      </div>
      <progress max={1} value={fraction ?? undefined} />
      <div className="job-figures">
        {formatBytes(job.receivedBytes)}
        {job.totalBytes > 0 && ` of ${formatBytes(job.totalBytes)}`}
        {job.bytesPerSecond > 0 && ` · ${formatBytes(job.bytesPerSecond)}/s`}
        {` · ${formatSeconds(job.etaSeconds)} left`}
      </div>
      <button
        type="button"
        className="quiet-button"
        data-testid="job-cancel"
        onClick={() => void client.call('models.cancelJob', { jobId: job.jobId })}
      >
        Cancel
      </button>
    </div>
  );
}
