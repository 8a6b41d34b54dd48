import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { base64ToBytes } from './base64.js';
import { isDesktopApp } from './desktopShell.js';
import { joinSentences } from '../../i18n/joinSentences.js';
import { IMPORT_ACCEPT, supportedImports } from './fileFormats.js';
import { importAsNewDocument, type CreateDocument } from './importDocument.js';
import { importFiles } from './importFiles.js';

export interface ImportPaneProps {
  reportError: ReportError;
  onImported: (documentId: string) => void;
}

/**
 * Import: the desktop's native open dialog, or in the browser a file input (kept in the page
 * even on the desktop, as the fallback when main answers 'unavailable').
 */
export function ImportPane({ reportError, onImported }: ImportPaneProps): ReactNode {
  const { t } = useTranslation('importExport');
  const client = useClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const createDocument: CreateDocument = (request) => client.call('documents.create', request);

  const importedSentence = (titles: string[]): string => {
    const [only] = titles;
    if (only === undefined) return '';
    if (titles.length === 1) return t('import.importedTitle', { title: only });
    return t('import.importedDocuments', { count: titles.length });
  };
  const sentences = (parts: string[]): string => joinSentences(parts.filter(Boolean));

  const importChosenFiles = async (files: File[]): Promise<void> => {
    if (files.length === 0) return;
    setBusy(true);
    const names = files.map((file) => file.name).join(t('import.nameSeparator'));
    setStatus(t('import.importingFiles', { names }));
    try {
      const result = await importFiles(files, createDocument);
      const last = result.imported.at(-1);
      setStatus(
        sentences([
          importedSentence(result.imported.map((record) => record.title)),
          ...result.problems,
        ]),
      );
      if (result.problems.length > 0) reportError(new Error(result.problems.join(' ')));
      if (last) onImported(last.id);
    } finally {
      setBusy(false);
    }
  };

  const importThroughDesktop = async (): Promise<void> => {
    setBusy(true);
    try {
      const answer = await client.call('files.openDialog', { purpose: 'import' });
      if (answer.status === 'unavailable') {
        inputRef.current?.click();
        return;
      }
      if (answer.status === 'cancelled') return;
      setStatus(t('import.importingFiles', { names: answer.name }));
      const record = await importAsNewDocument(
        { name: answer.name, format: answer.format, bytes: base64ToBytes(answer.base64).buffer },
        createDocument,
        new DOMParser(),
      );
      setStatus(t('import.importedFile', { fileName: answer.name }));
      onImported(record.id);
    } catch (error) {
      setStatus('');
      reportError(error, t('import.couldNotImport'));
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = (): void => {
    // In the browser the input is clicked at once, while the click still counts as the
    // writer's own (browsers open a file chooser only then).
    if (isDesktopApp()) void importThroughDesktop();
    else inputRef.current?.click();
  };

  return (
    <div className="import-export-pane" role="tabpanel" aria-labelledby="import-export-tab-import">
      <p>{t('import.intro', { supported: supportedImports() })}</p>
      <div className="import-export-actions">
        <button
          type="button"
          className="primary-button"
          data-testid="import-submit"
          data-autofocus
          disabled={busy}
          onClick={chooseFile}
        >
          {busy ? t('import.busy') : t('import.choose')}
        </button>
      </div>
      <input
        ref={inputRef}
        type="file"
        hidden
        tabIndex={-1}
        multiple
        accept={IMPORT_ACCEPT}
        data-testid="import-file-input"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Cleared so that choosing the same file again still counts as a change.
          event.currentTarget.value = '';
          void importChosenFiles(files);
        }}
      />
      <p className="import-export-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
