import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CuratedModel } from '../../../shared/schemas/models.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { formatBytes } from './format.js';

/** The curated catalog's ids and the keys of their descriptions in the models namespace. */
const CURATED_DESCRIPTIONS = {
  distilgpt2: 'curated.distilgpt2',
  gpt2: 'curated.gpt2',
  'gpt2-medium': 'curated.gpt2Medium',
  'gpt2-large': 'curated.gpt2Large',
  'gpt2-xl': 'curated.gpt2Xl',
} as const;

function isCuratedId(id: string): id is keyof typeof CURATED_DESCRIPTIONS {
  return Object.hasOwn(CURATED_DESCRIPTIONS, id);
}

/**
 * Where models come from: a GGUF file (by path; in the desktop app also by main's file dialog or
 * by dropping it on the window), a Hugging Face GPT-2 folder to convert, or a download (curated
 * or any URL).
 */
export function ModelSources({ reportError }: { reportError: ReportError }): ReactNode {
  const { t } = useTranslation('models');
  const client = useClient();
  const [addPath, setAddPath] = useState('');
  const [folder, setFolder] = useState('');
  const [type, setType] = useState<'q8_0' | 'f16'>('q8_0');
  const [source, setSource] = useState('');
  const [catalog, setCatalog] = useState<CuratedModel[]>([]);
  // The desktop app's preload provides the bridge; a browser has neither dialog nor file paths.
  const desktop = window.inkwell !== undefined;

  useEffect(() => {
    void client.call('models.catalog', {}).then(setCatalog, () => undefined);
  }, [client]);

  const run = async (what: string, action: () => Promise<unknown>): Promise<void> => {
    try {
      await action();
    } catch (error) {
      reportError(error, what);
    }
  };

  const chooseFile = (): Promise<void> =>
    run(t('failed.add'), async () => {
      const answer = await client.call('models.addFromDialog', {});
      if (answer.status === 'unavailable') {
        throw new Error(t('add.noDialog'));
      }
    });

  const startDownload = (): Promise<void> => {
    const text = source.trim();
    return run(t('failed.startDownload'), () =>
      client.call('models.download', text.startsWith('hf:') ? { hf: text } : { url: text }),
    );
  };

  const submitted =
    (action: () => void) =>
    (event: FormEvent<HTMLFormElement>): void => {
      event.preventDefault();
      action();
    };

  return (
    <>
      <section className="panel-section model-sources" aria-labelledby="models-add-title">
        <h3 id="models-add-title">{t('add.title')}</h3>
        {desktop && (
          <p className="models-note model-add-desktop">
            <button
              type="button"
              className="secondary-button"
              data-testid="model-add-choose"
              onClick={() => void chooseFile()}
            >
              {t('add.chooseFile')}
            </button>{' '}
            {t('add.orDropOrType')}
          </p>
        )}
        <form
          className="models-form"
          onSubmit={submitted(() => {
            if (addPath.trim() === '') return;
            void run(t('failed.add'), () => client.call('models.add', { path: addPath.trim() }));
          })}
        >
          <label className="models-field">
            <span>{t('add.pathLabel')}</span>
            <input
              data-testid="model-add-path"
              placeholder={t('add.pathPlaceholder')}
              spellCheck={false}
              value={addPath}
              onChange={(event) => setAddPath(event.target.value)}
            />
          </label>
          <div className="models-form-actions">
            <button
              type="submit"
              className="primary-button"
              data-testid="model-add-submit"
              disabled={addPath.trim() === ''}
            >
              {t('add.submit')}
            </button>
          </div>
        </form>
      </section>

      <section className="panel-section" aria-labelledby="models-import-title">
        <h3 id="models-import-title">{t('importCheckpoint.title')}</h3>
        <form
          className="models-form"
          onSubmit={submitted(() => {
            if (folder.trim() === '') return;
            void run(t('failed.startImport'), () =>
              client.call('models.importCheckpoint', { folder: folder.trim(), type }),
            );
          })}
        >
          <label className="models-field">
            <span>{t('importCheckpoint.folderLabel')}</span>
            <input
              data-testid="import-folder-path"
              placeholder={t('importCheckpoint.folderPlaceholder')}
              spellCheck={false}
              value={folder}
              onChange={(event) => setFolder(event.target.value)}
            />
          </label>
          <label className="models-field">
            <span>{t('importCheckpoint.typeLabel')}</span>
            <select
              data-testid="import-type"
              value={type}
              onChange={(event) => setType(event.target.value === 'f16' ? 'f16' : 'q8_0')}
            >
              <option value="q8_0">{t('importCheckpoint.typeQ8')}</option>
              <option value="f16">{t('importCheckpoint.typeF16')}</option>
            </select>
          </label>
          <div className="models-form-actions">
            <button
              type="submit"
              className="primary-button"
              data-testid="import-submit"
              disabled={folder.trim() === ''}
            >
              {t('importCheckpoint.submit')}
            </button>
          </div>
        </form>
      </section>

      <section className="panel-section" aria-labelledby="models-download-title">
        <h3 id="models-download-title">{t('download.title')}</h3>
        <ul className="model-catalog">
          {catalog.map((entry) => (
            <li key={entry.id} className="catalog-row" data-testid="catalog-item">
              <div className="catalog-text">
                <strong>{entry.name}</strong>
                <span className="catalog-description">
                  {isCuratedId(entry.id) ? t(CURATED_DESCRIPTIONS[entry.id]) : entry.description}
                </span>
                <span className="catalog-sizes">
                  {t('download.sizes', {
                    download: formatBytes(entry.downloadBytes),
                    disk: formatBytes(entry.diskBytes),
                    ram: formatBytes(entry.ramBytes),
                  })}
                </span>
              </div>
              <button
                type="button"
                className="secondary-button"
                onClick={() =>
                  void run(t('failed.startDownload'), () =>
                    client.call('models.download', { curatedId: entry.id }),
                  )
                }
              >
                {t('download.submit')}
              </button>
            </li>
          ))}
        </ul>
        <form
          className="models-form"
          onSubmit={submitted(() => {
            if (source.trim() !== '') void startDownload();
          })}
        >
          <label className="models-field">
            <span>{t('download.urlLabel')}</span>
            <input
              data-testid="download-url"
              placeholder={t('download.urlPlaceholder')}
              spellCheck={false}
              value={source}
              onChange={(event) => setSource(event.target.value)}
            />
          </label>
          <div className="models-form-actions">
            <button
              type="submit"
              className="secondary-button"
              data-testid="download-submit"
              disabled={source.trim() === ''}
            >
              {t('download.submit')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
