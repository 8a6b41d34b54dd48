import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelDetails, ModelRecord } from '../../../shared/schemas/models.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { formatBytes, formatDate, formatParameters } from './format.js';

/**
 * The library: one card per model, its facts, Load as the primary action (or "Loaded" for the
 * one in use) and its details (hash, path, GGUF metadata, model card) shown under it on request.
 */
export function ModelList(props: { models: ModelRecord[]; reportError: ReportError }): ReactNode {
  const { models, reportError } = props;
  const { t } = useTranslation('models');
  const client = useClient();
  const [details, setDetails] = useState<ModelDetails | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

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
  const toggleDetails = async (id: string): Promise<void> => {
    if (details?.model.id === id) return setDetails(null);
    try {
      setDetails(await client.call('models.details', { id }));
    } catch (error) {
      reportError(error, t('failed.read'));
    }
  };

  return (
    <ul className="model-list">
      {models.map((model) => (
        <li
          key={model.id}
          className="model-card"
          data-testid="model-item"
          data-model-id={model.id}
          aria-current={model.active ? 'true' : undefined}
        >
          <div className="model-card-head">
            <strong className="model-name">{model.name}</strong>
            {model.active && <span className="model-badge active">{t('item.active')}</span>}
            {model.missing && <span className="model-badge warning">{t('item.missing')}</span>}
          </div>
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
          <div className="model-actions">
            <button
              type="button"
              className={model.active ? 'secondary-button' : 'primary-button'}
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
            <button
              type="button"
              className="quiet-button"
              aria-expanded={details?.model.id === model.id}
              onClick={() => void toggleDetails(model.id)}
            >
              {details?.model.id === model.id ? t('item.hideDetails') : t('item.details')}
            </button>
          </div>
          {details?.model.id === model.id && (
            <section data-testid="model-details" className="model-details">
              <div className="model-details-line">
                {t('item.sha256')} <code>{details.model.sha256}</code>
              </div>
              <div className="model-details-line">
                <code>{details.model.path}</code>
              </div>
              <dl className="model-metadata">
                {details.metadata.map((entry) => (
                  <div key={entry.key}>
                    <dt>{entry.key}</dt>
                    <dd>{entry.value}</dd>
                  </div>
                ))}
              </dl>
              {details.modelCard && <pre className="model-card-text">{details.modelCard}</pre>}
            </section>
          )}
        </li>
      ))}
    </ul>
  );
}
