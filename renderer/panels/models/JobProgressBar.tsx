import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSummary } from '../../../shared/schemas/models.js';
import { useClient } from '../../api/clientContext.js';
import { formatBytes, formatBytesPerSecond, formatSeconds } from './format.js';

/** One running download or import as a row: phase, bar, sizes, speed, time left, Cancel. */
export function JobProgressBar({ job }: { job: JobSummary }): ReactNode {
  const { t } = useTranslation(['models', 'common']);
  const client = useClient();
  const fraction = job.totalBytes > 0 ? Math.min(1, job.receivedBytes / job.totalBytes) : null;
  // A job main has not named yet (its progress came before the list) goes by its kind.
  const label = job.label || t(`jobs.kinds.${job.kind}`);
  const phase = t(`jobs.phases.${job.phase}`);
  const figures = [
    job.totalBytes > 0
      ? t('jobs.receivedOfTotal', {
          received: formatBytes(job.receivedBytes),
          total: formatBytes(job.totalBytes),
        })
      : formatBytes(job.receivedBytes),
    ...(job.bytesPerSecond > 0 ? [formatBytesPerSecond(job.bytesPerSecond)] : []),
    t('jobs.timeLeft', { time: formatSeconds(job.etaSeconds) }),
  ];
  return (
    <li className="job-progress" data-testid="job-progress" data-job-id={job.jobId}>
      <div className="job-head">
        <span className="job-label">
          {fraction !== null
            ? t('jobs.statusWithPercent', { label, phase, percent: Math.round(fraction * 100) })
            : t('jobs.status', { label, phase })}
        </span>
        <button
          type="button"
          className="quiet-button"
          data-testid="job-cancel"
          onClick={() => void client.call('models.cancelJob', { jobId: job.jobId })}
        >
          {t('common:cancel')}
        </button>
      </div>
      <progress max={1} value={fraction ?? undefined} />
      <div className="job-figures">{figures.join(' · ')}</div>
    </li>
  );
}
