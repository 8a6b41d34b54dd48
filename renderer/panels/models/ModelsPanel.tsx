import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelDetails } from '../../../shared/schemas/models.js';
import { useClient } from '../../api/clientContext.js';
import { localizedText } from '../../ui/describeError.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { SidePanel } from '../../ui/SidePanel.js';
import { formatBytes, formatDate, formatParameters } from './format.js';
import { JobProgressBar } from './JobProgressBar.js';
import { ModelSources } from './ModelSources.js';
import { RemoteEngineForm } from './RemoteEngineForm.js';
import { RunSettingsForm } from './RunSettingsForm.js';
import { useModelsLibrary } from './useModelsLibrary.js';

/** The Models panel: the library, one model's details, where models come from, run settings. */
export function ModelsPanel(props: { reportError: ReportError; onClose: () => void }): ReactNode {
  const { reportError, onClose } = props;
  const { t } = useTranslation(['models', 'common']);
  const client = useClient();
  const { models, jobs, lastEnd, engine } = useModelsLibrary(reportError);
  const [details, setDetails] = useState<ModelDetails | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const active = models.find((model) => model.active) ?? null;

  const select = async (id: string): Promise<void> => {
    setBusyId(id);
    try {
      await client.call('models.select', { id });
    } catch (error) {
      reportError(error, t('failed.load'));
    } finally {
      setBusyId(null);
    }
  };
  const showDetails = async (id: string): Promise<void> => {
    try {
      setDetails(await client.call('models.details', { id }));
    } catch (error) {
      reportError(error, t('failed.read'));
    }
  };

  return (
    <SidePanel
      title={t('panel.title')}
      testId="models-panel"
      className="models-panel"
      onClose={onClose}
    >
      <div className="models-body">
        <ul className="model-list">
          {models.map((model) => (
            <li
              key={model.id}
              data-testid="model-item"
              data-model-id={model.id}
              aria-current={model.active ? 'true' : undefined}
            >
              <strong>{model.name}</strong>
              {model.active && <span className="badge"> {t('item.active')}</span>}
              {model.missing && <span className="badge warning"> {t('item.missing')}</span>}
              <div className="model-facts">
                {t('item.facts', {
                  source: t(`sources.${model.source}`),
                  architecture: model.architecture,
                  size: formatBytes(model.fileSize),
                  quantization: model.quantization,
                  contextLength: model.contextLength,
                  parameters: formatParameters(model.parameterCount),
                  lastUsed: formatDate(model.lastUsedAt),
                })}
              </div>
              <button
                type="button"
                data-testid="model-select"
                disabled={model.active || model.missing || busyId !== null}
                onClick={() => void select(model.id)}
              >
                {busyId === model.id
                  ? t('item.loading')
                  : model.active
                    ? t('item.loaded')
                    : t('item.load')}
              </button>
              <button type="button" onClick={() => void showDetails(model.id)}>
                {t('item.details')}
              </button>
            </li>
          ))}
        </ul>
        {details && (
          <section data-testid="model-details" className="model-details">
            <h3>{details.model.name}</h3>
            <div>
              {t('item.sha256')} <code>{details.model.sha256}</code>
            </div>
            <div>{details.model.path}</div>
            <dl>
              {details.metadata.map((entry) => (
                <div key={entry.key}>
                  <dt>{entry.key}</dt>
                  <dd>{entry.value}</dd>
                </div>
              ))}
            </dl>
            {details.modelCard && <pre className="model-card">{details.modelCard}</pre>}
            <button type="button" onClick={() => setDetails(null)}>
              {t('item.hideDetails')}
            </button>
          </section>
        )}
        {jobs.map((job) => (
          <JobProgressBar key={job.jobId} job={job} />
        ))}
        {lastEnd && !lastEnd.ok && (
          <p role="alert" className="job-failed">
            {localizedText(lastEnd.errorLocalized, lastEnd.error ?? '')}
          </p>
        )}
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
