import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedText } from '../../ui/describeError.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { SidePanel } from '../../ui/SidePanel.js';
import { JobProgressBar } from './JobProgressBar.js';
import { ModelList } from './ModelList.js';
import { ModelSources } from './ModelSources.js';
import { RemoteEngineForm } from './RemoteEngineForm.js';
import { RunSettingsForm } from './RunSettingsForm.js';
import { useModelsLibrary } from './useModelsLibrary.js';
import '../../styles/models.css';

/**
 * The Models panel, one section after another: the library (with running downloads and imports
 * under it), where models come from, and how they run. Each section is a `panel-section` with
 * its own heading, so a further source of models slots in as one more.
 */
export function ModelsPanel(props: { reportError: ReportError; onClose: () => void }): ReactNode {
  const { reportError, onClose } = props;
  const { t } = useTranslation('models');
  const { models, jobs, lastEnd, engine } = useModelsLibrary(reportError);
  const active = models.find((model) => model.active) ?? null;

  return (
    <SidePanel
      title={t('panel.title')}
      testId="models-panel"
      className="models-panel"
      onClose={onClose}
    >
      <div className="models-body">
        <section className="panel-section" aria-labelledby="models-library-title">
          <h3 id="models-library-title">{t('library.title')}</h3>
          <ModelList models={models} reportError={reportError} />
          {jobs.length > 0 && (
            <ul className="job-list">
              {jobs.map((job) => (
                <JobProgressBar key={job.jobId} job={job} />
              ))}
            </ul>
          )}
          {lastEnd && !lastEnd.ok && (
            <p role="alert" className="panel-problem">
              {localizedText(lastEnd.errorLocalized, lastEnd.error ?? '')}
            </p>
          )}
        </section>
        <ModelSources reportError={reportError} />
        {/* Run settings are the local engine's: while a server runs, they describe nothing. */}
        <RunSettingsForm
          modelId={active?.id ?? null}
          engine={engine?.model?.remote ? null : engine}
          reportError={reportError}
        />
        <RemoteEngineForm engine={engine} reportError={reportError} />
      </div>
    </SidePanel>
  );
}
