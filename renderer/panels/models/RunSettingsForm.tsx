import { useEffect, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BackendChoice, EngineStatus } from '../../../shared/schemas/engine.js';
import type { MemoryEstimate, RunSettings } from '../../../shared/schemas/models.js';
import { useClient } from '../../api/clientContext.js';
import { localizedText } from '../../ui/describeError.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { joinSentences } from '../../i18n/joinSentences.js';
import { describeMemory, formatBytes, formatDuration } from './format.js';

const BACKENDS: BackendChoice[] = ['auto', 'cpu', 'cuda', 'vulkan', 'metal'];

/** Backend, GPU layers, context and threads; the memory estimate; what the engine runs on now. */
export function RunSettingsForm(props: {
  modelId: string | null;
  engine: EngineStatus | null;
  reportError: ReportError;
}): ReactNode {
  const { modelId, engine, reportError } = props;
  const { t } = useTranslation(['models', 'common']);
  const client = useClient();
  const [settings, setSettings] = useState<RunSettings | null>(null);
  const [estimate, setEstimate] = useState<MemoryEstimate | null>(null);

  useEffect(() => {
    void client.call('models.runSettings.get', {}).then(setSettings, () => undefined);
  }, [client]);

  useEffect(() => {
    if (!modelId || !settings) return;
    let current = true;
    client.call('models.estimate', { id: modelId, settings }).then(
      (result) => current && setEstimate(result),
      () => current && setEstimate(null),
    );
    return () => {
      current = false;
    };
  }, [client, modelId, settings]);

  // Memory is measured when the panel opens, so it shows what the model costs now; the answer
  // arrives as an engine.status event like every other status change.
  useEffect(() => {
    void client.call('engine.measureMemory', {}).catch(() => undefined);
  }, [client]);

  if (!settings) return null;
  const measureMemory = (): void => {
    client.call('engine.measureMemory', {}).catch((error: unknown) => {
      reportError(error, t('failed.measureMemory'));
    });
  };
  const save = (next: RunSettings): void => {
    setSettings(next);
    client.call('models.runSettings.save', next).catch((error: unknown) => {
      reportError(error, t('failed.saveRunSettings'));
    });
  };
  const loaded = engine?.model ?? null;

  return (
    <>
      <section className="panel-section run-settings" aria-labelledby="models-run-title">
        <h3 id="models-run-title">{t('runSettings.title')}</h3>
        <div className="run-settings-grid">
          <label className="models-field">
            <span>{t('runSettings.backend')}</span>
            <select
              data-testid="backend-select"
              value={settings.backend}
              onChange={(event) =>
                save({ ...settings, backend: event.target.value as BackendChoice })
              }
            >
              {BACKENDS.map((backend) => (
                <option key={backend} value={backend}>
                  {t(`backends.${backend}`)}
                </option>
              ))}
            </select>
          </label>
          <NumberOrAuto
            label={t('runSettings.gpuLayers')}
            value={settings.gpuLayers}
            onChange={(gpuLayers) => save({ ...settings, gpuLayers })}
          />
          <label className="models-field">
            <span>{t('runSettings.contextSize')}</span>
            <input
              type="number"
              min={16}
              placeholder={t('runSettings.contextSizePlaceholder')}
              value={settings.contextSize ?? ''}
              onChange={(event) =>
                save({
                  ...settings,
                  contextSize: event.target.value === '' ? null : Number(event.target.value),
                })
              }
            />
          </label>
          <NumberOrAuto
            label={t('runSettings.threads')}
            value={settings.threads}
            onChange={(threads) => save({ ...settings, threads: threads === 0 ? 'auto' : threads })}
          />
        </div>
        {estimate && (
          <p className={estimate.fits ? 'models-note estimate' : 'models-note estimate warning'}>
            {describeEstimate(estimate, t)}
            {estimate.warning && (
              <span role="alert">
                {' '}
                {estimate.warnings
                  ? joinSentences(estimate.warnings.map((warning) => localizedText(warning, '')))
                  : estimate.warning}
              </span>
            )}
          </p>
        )}
      </section>
      <section className="panel-section engine-now" aria-labelledby="models-engine-title">
        <h3 id="models-engine-title">{t('engine.title')}</h3>
        <div className="engine-card">
          {loaded ? (
            <>
              <p className="engine-running">
                {loaded.devices.length > 0
                  ? t('engine.runningOnDevices', {
                      fileName: loaded.fileName,
                      backend: t(`backends.${loaded.backend}`),
                      devices: loaded.devices.join(t('engine.deviceSeparator')),
                      gpuLayers: loaded.gpuLayers,
                      contextSize: loaded.contextSize,
                    })
                  : t('engine.running', {
                      fileName: loaded.fileName,
                      backend: t(`backends.${loaded.backend}`),
                      gpuLayers: loaded.gpuLayers,
                      contextSize: loaded.contextSize,
                    })}
              </p>
              <p className="models-note" data-testid="engine-memory">
                {t('engine.loadedIn', {
                  duration: formatDuration(loaded.loadMs),
                  memory: describeMemory(loaded.memory),
                })}{' '}
                <button
                  type="button"
                  className="link-button"
                  data-testid="engine-measure-memory"
                  onClick={measureMemory}
                >
                  {t('engine.measureAgain')}
                </button>
              </p>
              {loaded.engineBuild && (
                <p className="models-note" data-testid="engine-build">
                  {t(`engine.build.${loaded.engineBuild}`)}
                </p>
              )}
              {loaded.fallbackReason && (
                <p role="alert" className="panel-problem" data-testid="engine-fallback">
                  {t('engine.fallback', {
                    reason: localizedText(loaded.fallbackReasonLocalized, loaded.fallbackReason),
                  })}
                </p>
              )}
              <div className="models-form-actions">
                <button
                  type="button"
                  className="secondary-button"
                  onClick={() =>
                    void client.call('engine.unload', {}).catch((error: unknown) => {
                      reportError(error, t('failed.unload'));
                    })
                  }
                >
                  {t('engine.unload')}
                </button>
              </div>
            </>
          ) : (
            <p className="models-empty">
              {engine?.state === 'loading' ? t('common:loading') : t('engine.noModel')}
            </p>
          )}
          {engine?.notice && (
            <p role="status" className="models-note" data-testid="engine-notice">
              {localizedText(engine.noticeLocalized, engine.notice)}
            </p>
          )}
          {engine?.message && (
            <p role="alert" className="panel-problem">
              {localizedText(engine.messageLocalized, engine.message)}
            </p>
          )}
        </div>
      </section>
    </>
  );
}

function NumberOrAuto(props: {
  label: string;
  value: number | 'auto';
  onChange: (value: number | 'auto') => void;
}): ReactNode {
  const { label, value, onChange } = props;
  const { t } = useTranslation('models');
  return (
    <label className="models-field">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        placeholder={t('runSettings.auto')}
        value={value === 'auto' ? '' : value}
        onChange={(event) =>
          onChange(event.target.value === '' ? 'auto' : Number(event.target.value))
        }
      />
    </label>
  );
}

/** The estimate as one sentence: with GPU memory when it needs some, with free VRAM when known. */
function describeEstimate(estimate: MemoryEstimate, t: TFunction<'models'>): string {
  const ram = formatBytes(estimate.ramBytes);
  const freeRam = formatBytes(estimate.freeRamBytes);
  const vram = estimate.vramBytes > 0 ? formatBytes(estimate.vramBytes) : null;
  const freeVram = estimate.freeVramBytes !== null ? formatBytes(estimate.freeVramBytes) : null;
  if (vram !== null && freeVram !== null)
    return t('estimate.ramAndVramFreeVram', { ram, vram, freeRam, freeVram });
  if (vram !== null) return t('estimate.ramAndVram', { ram, vram, freeRam });
  if (freeVram !== null) return t('estimate.ramFreeVram', { ram, freeRam, freeVram });
  return t('estimate.ram', { ram, freeRam });
}
