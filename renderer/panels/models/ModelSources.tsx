import { useEffect, useState, type ReactNode } from 'react';
import type { CuratedModel } from '../../../shared/schemas/models.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../app/errorReporting.js';
import { formatBytes } from './format.js';

/**
 * Where models come from: a GGUF file (by path; in the desktop app also by main's file dialog or
 * by dropping it on the window), a Hugging Face GPT-2 folder to convert, or a download (curated
 * or any URL).
 */
export function ModelSources({ reportError }: { reportError: ReportError }): ReactNode {
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
    run('Could not add the model', async () => {
      const answer = await client.call('models.addFromDialog', {});
      if (answer.status === 'unavailable') {
        throw new Error('There is no file dialog here; type the file’s path instead.');
      }
    });

  const startDownload = (): Promise<void> => {
    const text = source.trim();
    return run('Could not start the download', () =>
      client.call('models.download', text.startsWith('hf:') ? { hf: text } : { url: text }),
    );
  };

  return (
    <section className="model-sources">
      <h3>Add a GGUF file</h3>
      {desktop && (
        <p className="model-add-desktop">
          <button type="button" data-testid="model-add-choose" onClick={() => void chooseFile()}>
            Choose file…
          </button>{' '}
          or drop a .gguf file on the window, or type its path:
        </p>
      )}
      <input
        data-testid="model-add-path"
        placeholder="/path/to/model.gguf"
        value={addPath}
        onChange={(event) => setAddPath(event.target.value)}
      />
      <button
        type="button"
        data-testid="model-add-submit"
        disabled={addPath.trim() === ''}
        onClick={() =>
          void run('Could not add the model', () =>
            client.call('models.add', { path: addPath.trim() }),
          )
        }
      >
        Add
      </button>

      <h3>Import a GPT-2 folder</h3>
      <input
        data-testid="import-folder-path"
        placeholder="folder with config.json, model.safetensors, vocab.json, merges.txt"
        value={folder}
        onChange={(event) => setFolder(event.target.value)}
      />
      <select
        data-testid="import-type"
        value={type}
        onChange={(event) => setType(event.target.value === 'f16' ? 'f16' : 'q8_0')}
      >
        <option value="q8_0">q8_0 (smaller, fast)</option>
        <option value="f16">f16 (exact, twice the size)</option>
      </select>
      <button
        type="button"
        data-testid="import-submit"
        disabled={folder.trim() === ''}
        onClick={() =>
          void run('Could not start the import', () =>
            client.call('models.importCheckpoint', { folder: folder.trim(), type }),
          )
        }
      >
        Import
      </button>

      <h3>Download</h3>
      <ul className="model-catalog">
        {catalog.map((entry) => (
          <li key={entry.id}>
            <strong>{entry.name}</strong> — {entry.description} Download ≈
            {formatBytes(entry.downloadBytes)}, on disk ≈{formatBytes(entry.diskBytes)}, needs ≈
            {formatBytes(entry.ramBytes)} memory.{' '}
            <button
              type="button"
              onClick={() =>
                void run('Could not start the download', () =>
                  client.call('models.download', { curatedId: entry.id }),
                )
              }
            >
              Download
            </button>
          </li>
        ))}
      </ul>
      <input
        data-testid="download-url"
        placeholder="https://…/model.gguf or hf:owner/repo/file.gguf"
        value={source}
        onChange={(event) => setSource(event.target.value)}
      />
      <button
        type="button"
        data-testid="download-submit"
        disabled={source.trim() === ''}
        onClick={() => void startDownload()}
      >
        Download
      </button>
    </section>
  );
}
