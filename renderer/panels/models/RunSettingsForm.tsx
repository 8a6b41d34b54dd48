import { useEffect, useState, type ReactNode } from 'react';
import type { BackendChoice, EngineStatus } from '../../../shared/schemas/engine.js';
import type { MemoryEstimate, RunSettings } from '../../../shared/schemas/models.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../app/errorReporting.js';
import { describeMemory, formatBytes, formatDuration } from './format.js';

const BACKENDS: BackendChoice[] = ['auto', 'cpu', 'cuda', 'vulkan', 'metal'];

/** Backend, GPU layers, context and threads; the memory estimate; what the engine runs on now. */
export function RunSettingsForm(props: {
  modelId: string | null;
  engine: EngineStatus | null;
  reportError: ReportError;
}): ReactNode {
  const { modelId, engine, reportError } = props;
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
      reportError(error, 'Could not measure the memory');
    });
  };
  const save = (next: RunSettings): void => {
    setSettings(next);
    client.call('models.runSettings.save', next).catch((error: unknown) => {
      reportError(error, 'Could not save the run settings');
    });
  };
  const loaded = engine?.model ?? null;

  return (
    <section className="run-settings">
      <h3>Run settings</h3>
      <label>
        Backend{' '}
        <select
          data-testid="backend-select"
          value={settings.backend}
          onChange={(event) => save({ ...settings, backend: event.target.value as BackendChoice })}
        >
          {BACKENDS.map((backend) => (
            <option key={backend} value={backend}>
              {backend === 'cpu' ? 'CPU' : backend === 'auto' ? 'Auto' : backend.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <NumberOrAuto
        label="GPU layers"
        value={settings.gpuLayers}
        onChange={(gpuLayers) => save({ ...settings, gpuLayers })}
      />
      <label>
        Context size{' '}
        <input
          type="number"
          min={16}
          placeholder="model's own"
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
        label="Threads"
        value={settings.threads}
        onChange={(threads) => save({ ...settings, threads: threads === 0 ? 'auto' : threads })}
      />
      {estimate && (
        <p className={estimate.fits ? 'estimate' : 'estimate warning'}>
          Needs about {formatBytes(estimate.ramBytes)} memory
          {estimate.vramBytes > 0 && ` and ${formatBytes(estimate.vramBytes)} GPU memory`};{' '}
          {formatBytes(estimate.freeRamBytes)} free
          {estimate.freeVramBytes !== null &&
            `, ${formatBytes(estimate.freeVramBytes)} GPU memory free`}
          .{estimate.warning && <span role="alert"> {estimate.warning}</span>}
        </p>
      )}
      <div className="engine-now">
        {loaded ? (
          <>
            Running {loaded.fileName} on {loaded.backend.toUpperCase()}
            {loaded.devices.length > 0 && ` (${loaded.devices.join(', ')})`}, {loaded.gpuLayers} GPU
            layers, context {loaded.contextSize}.
            <p data-testid="engine-memory">
              Loaded in {formatDuration(loaded.loadMs)}; {describeMemory(loaded.memory)}.{' '}
              <button type="button" data-testid="engine-measure-memory" onClick={measureMemory}>
                Measure again
              </button>
            </p>
            {loaded.fallbackReason && (
              <p role="alert" data-testid="engine-fallback">
                Running on the CPU: {loaded.fallbackReason}
              </p>
            )}{' '}
            <button
              type="button"
              onClick={() =>
                void client.call('engine.unload', {}).catch((error: unknown) => {
                  reportError(error, 'Could not unload the model');
                })
              }
            >
              Unload
            </button>
          </>
        ) : (
          <>{engine?.state === 'loading' ? 'Loading…' : 'No model loaded.'}</>
        )}
        {engine?.notice && (
          <p role="status" data-testid="engine-notice">
            {engine.notice}
          </p>
        )}
        {engine?.message && <p role="alert">{engine.message}</p>}
      </div>
    </section>
  );
}

function NumberOrAuto(props: {
  label: string;
  value: number | 'auto';
  onChange: (value: number | 'auto') => void;
}): ReactNode {
  const { label, value, onChange } = props;
  return (
    <label>
      {label}{' '}
      <input
        type="number"
        min={0}
        placeholder="auto"
        value={value === 'auto' ? '' : value}
        onChange={(event) =>
          onChange(event.target.value === '' ? 'auto' : Number(event.target.value))
        }
      />
    </label>
  );
}
