import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteEngineView } from '../../../shared/channels/remote.js';
import { ApiError } from '../../../shared/errors.js';
import type { EngineStatus } from '../../../shared/schemas/engine.js';
import { useClient } from '../../api/clientContext.js';
import { describeError, localizedText } from '../../ui/describeError.js';
import type { ReportError } from '../../ui/errorReporting.js';

/**
 * A remote OpenAI-compatible server as the engine: its address, an optional API key (sent to
 * main once, never shown again), the model (listed from the server), the context size, and the
 * switch between it and the local engine. Main makes every call to the server.
 */
export function RemoteEngineForm(props: {
  engine: EngineStatus | null;
  reportError: ReportError;
}): ReactNode {
  const { engine, reportError } = props;
  const { t } = useTranslation(['models', 'common']);
  const client = useClient();
  const [view, setView] = useState<RemoteEngineView | null>(null);
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [model, setModel] = useState('');
  const [contextSize, setContextSize] = useState('');
  const [models, setModels] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  /** Plain http:// to another computer: the message, and the action to run once confirmed. */
  const [insecure, setInsecure] = useState<{ message: string; confirm: () => void } | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (next: RemoteEngineView): void => {
    setView(next);
    setBaseUrl(next.baseUrl);
    setModel(next.model);
    setContextSize(next.contextSize === null ? '' : String(next.contextSize));
  };

  useEffect(() => {
    // What the writer has typed meanwhile stays: the stored settings fill only empty fields.
    void client.call('remote.get', {}).then(
      (stored) => {
        setView(stored);
        setBaseUrl((typed) => typed || stored.baseUrl);
        setModel((typed) => typed || stored.model);
        setContextSize(
          (typed) => typed || (stored.contextSize === null ? '' : String(stored.contextSize)),
        );
      },
      () => undefined,
    );
  }, [client]);

  // The engine's status (engine.status) tells when a local load took over.
  const remoteInUse = engine?.model?.remote !== undefined || view?.engine === 'remote';

  /** Shows a refusal: the insecure-host question with its confirm action, or the problem. */
  const refused = (error: unknown, confirm: () => void): void => {
    if (error instanceof ApiError && error.localized?.key === 'errors:remote.insecureHost') {
      setInsecure({ message: describeError(error), confirm });
    } else setProblem(describeError(error));
  };

  const listModels = async (allowInsecure = false): Promise<void> => {
    setProblem(null);
    try {
      const listed = await client.call('remote.listModels', {
        baseUrl,
        ...(apiKey !== '' ? { apiKey } : {}),
        ...(allowInsecure ? { allowInsecure } : {}),
      });
      setInsecure(null);
      setModels(listed.models);
      if (!listed.models.includes(model)) setModel(listed.models[0] ?? '');
    } catch (error) {
      refused(error, () => void listModels(true));
    }
  };

  const save = async (allowInsecure = false): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await client.call('remote.save', {
        baseUrl,
        model,
        contextSize: contextSize === '' ? null : Number(contextSize),
        ...(apiKey !== '' ? { apiKey } : {}),
        ...(allowInsecure ? { allowInsecure } : {}),
      });
      setApiKey('');
      setInsecure(null);
      show(saved);
      const status = saved.status;
      if (status?.state !== 'ready' && status?.message) {
        setProblem(localizedText(status.messageLocalized, status.message));
      }
    } catch (error) {
      refused(error, () => void save(true));
    } finally {
      setBusy(false);
    }
  };

  const use = async (which: 'local' | 'remote'): Promise<void> => {
    try {
      show(await client.call('remote.use', { engine: which }));
    } catch (error) {
      reportError(error, t('remote.failedSwitch'));
    }
  };

  const removeKey = async (): Promise<void> => {
    try {
      show(
        await client.call('remote.save', {
          baseUrl: view?.baseUrl ?? baseUrl,
          model,
          contextSize: contextSize === '' ? null : Number(contextSize),
          apiKey: null,
        }),
      );
    } catch (error) {
      setProblem(describeError(error));
    }
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void save();
  };
  const remote = engine?.model?.remote;

  return (
    <section className="remote-engine" data-testid="remote-engine">
      <h3>{t('remote.title')}</h3>
      <p className="hint">{t('remote.intro')}</p>
      <form onSubmit={submit}>
        <label>
          {t('remote.address')}{' '}
          <input
            data-testid="remote-url"
            type="url"
            required
            placeholder={t('remote.addressExample')}
            value={baseUrl}
            onChange={(event) => setBaseUrl(event.target.value)}
          />
        </label>
        <label>
          {t('remote.apiKey')}{' '}
          <input
            data-testid="remote-key"
            type="password"
            autoComplete="off"
            placeholder={view?.hasApiKey ? t('remote.keyKept') : t('remote.keyNone')}
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
          />
        </label>
        {view?.hasApiKey && (
          <button type="button" onClick={() => void removeKey()}>
            {t('remote.removeKey')}
          </button>
        )}
        <p className="hint" data-testid="remote-key-storage">
          {t(view?.keyStorage === 'encrypted' ? 'remote.keyEncrypted' : 'remote.keyFile')}
        </p>
        <label>
          {t('remote.model')}{' '}
          {models.length > 0 ? (
            <select
              data-testid="remote-model"
              value={model}
              onChange={(event) => setModel(event.target.value)}
            >
              {models.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          ) : (
            <input
              data-testid="remote-model"
              placeholder={t('remote.modelFirst')}
              value={model}
              onChange={(event) => setModel(event.target.value)}
            />
          )}
        </label>
        <button
          type="button"
          data-testid="remote-list-models"
          disabled={baseUrl === ''}
          onClick={() => void listModels()}
        >
          {t('remote.listModels')}
        </button>
        <label>
          {t('remote.contextSize')}{' '}
          <input
            type="number"
            min={16}
            placeholder={t('remote.contextFromServer')}
            value={contextSize}
            onChange={(event) => setContextSize(event.target.value)}
          />
        </label>
        <button type="submit" data-testid="remote-save" disabled={busy || baseUrl === ''}>
          {t('remote.saveAndUse')}
        </button>
        {remoteInUse ? (
          <button type="button" data-testid="remote-use-local" onClick={() => void use('local')}>
            {t('remote.useLocal')}
          </button>
        ) : (
          view?.baseUrl && (
            <button type="button" data-testid="remote-use" onClick={() => void use('remote')}>
              {t('remote.useServer')}
            </button>
          )
        )}
      </form>
      {insecure && (
        <div role="alert" className="warning" data-testid="remote-insecure">
          {insecure.message}{' '}
          <button type="button" data-testid="remote-confirm-insecure" onClick={insecure.confirm}>
            {t('remote.confirmInsecure')}
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" className="warning" data-testid="remote-problem">
          {problem}
        </p>
      )}
      {remote && engine?.state === 'ready' && (
        <p data-testid="remote-connected">
          {t('remote.connected', {
            host: remote.host,
            model: remote.model,
            contextSize: engine.model?.contextSize ?? 0,
          })}{' '}
          {t(`remote.context.${remote.contextSource}`)}{' '}
          {remote.tokenizer === 'estimate' && t('remote.estimated')}
        </p>
      )}
    </section>
  );
}
