import { useCallback, useEffect, useState } from 'react';
import type { EngineStatus } from '../../../shared/schemas/engine.js';
import type { JobEnd, JobSummary, ModelRecord } from '../../../shared/schemas/models.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { i18n } from '../../i18n/i18n.js';

/**
 * The library, running jobs and engine status, mirrored from main: loaded once, then kept
 * current by main's events (models.changed, jobProgress, jobEnd, engine.status), never polled.
 */
export function useModelsLibrary(reportError: ReportError) {
  const client = useClient();
  const [models, setModels] = useState<ModelRecord[]>([]);
  const [jobs, setJobs] = useState<Map<string, JobSummary>>(new Map());
  const [lastEnd, setLastEnd] = useState<JobEnd | null>(null);
  const [engine, setEngine] = useState<EngineStatus | null>(null);

  const refresh = useCallback(async () => {
    try {
      setModels(await client.call('models.list', {}));
    } catch (error) {
      reportError(error, i18n.t('models:failed.list'));
    }
  }, [client, reportError]);

  useEffect(() => {
    void refresh();
    void client.call('engine.status', {}).then(setEngine, () => undefined);
    void client.call('models.jobs', {}).then(
      (running) => setJobs(new Map(running.map((job) => [job.jobId, job]))),
      () => undefined,
    );
    const offs = [
      client.on('models.changed', () => void refresh()),
      client.on('engine.status', (status) => {
        setEngine(status);
        void refresh();
      }),
      client.on('models.jobProgress', (progress) =>
        setJobs((current) => {
          const next = new Map(current);
          const known = current.get(progress.jobId);
          next.set(progress.jobId, {
            // Empty until main names it: JobProgressBar then shows the job's kind.
            label: known?.label ?? '',
            startedAt: known?.startedAt ?? Date.now(),
            ...progress,
          });
          return next;
        }),
      ),
      client.on('models.jobEnd', (end) => {
        setLastEnd(end);
        setJobs((current) => {
          const next = new Map(current);
          next.delete(end.jobId);
          return next;
        });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [client, refresh]);

  return { models, jobs: [...jobs.values()], lastEnd, engine, refresh };
}
