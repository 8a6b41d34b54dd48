import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import type { ExportFormat } from '../../../shared/channels/files.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { isDesktopApp } from './desktopShell.js';
import {
  describeExportOutcome,
  exportAgain,
  exportDocument,
  type ExportOutcome,
  type ExportTarget,
} from './exportDocument.js';
import { exportFormatLabel, exportFormatOrder } from './fileFormats.js';
import { lastExportOf, subscribeToLastExports } from './lastExports.js';

export interface ExportPaneProps {
  editor: LexicalEditor | null;
  documentId: string | null;
  documentTitle: string;
  reportError: ReportError;
}

function formatNamed(value: string): ExportFormat {
  return exportFormatOrder.find((option) => option === value) ?? 'markdown';
}

/** Export: pick a format, save (desktop) or download (browser); or repeat the last export. */
export function ExportPane(props: ExportPaneProps): ReactNode {
  const { editor, documentId, documentTitle, reportError } = props;
  const { t } = useTranslation('importExport');
  const client = useClient();
  const last = useSyncExternalStore(subscribeToLastExports, () =>
    documentId ? lastExportOf(documentId) : null,
  );
  const [format, setFormat] = useState<ExportFormat>(() => last?.format ?? 'markdown');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const target: ExportTarget | null =
    editor && documentId ? { client, editor, documentId, documentTitle } : null;

  const run = async (exporting: (target: ExportTarget) => Promise<ExportOutcome>) => {
    if (!target) return;
    setBusy(true);
    setStatus(t('export.busy'));
    try {
      setStatus(describeExportOutcome(await exporting(target)));
    } catch (error) {
      setStatus('');
      reportError(error, t('export.couldNotExport'));
    } finally {
      setBusy(false);
    }
  };

  const submitLabel =
    format === 'pdf'
      ? isDesktopApp()
        ? t('export.saveAsPdf')
        : t('export.print')
      : isDesktopApp()
        ? t('export.save')
        : t('export.download');
  const againLabel = !last
    ? t('export.again')
    : last.destination && last.fileName
      ? t('export.againTo', { format: exportFormatLabel(last.format), fileName: last.fileName })
      : t('export.againAs', { format: exportFormatLabel(last.format) });

  return (
    <div className="import-export-pane" role="tabpanel" aria-labelledby="import-export-tab-export">
      {!target && <p>{t('export.noDocument')}</p>}
      <label className="import-export-field">
        <span>{t('export.format')}</span>
        <select
          data-testid="export-format"
          data-autofocus
          value={format}
          disabled={!target || busy}
          onChange={(event) => setFormat(formatNamed(event.currentTarget.value))}
        >
          {exportFormatOrder.map((option) => (
            <option key={option} value={option}>
              {exportFormatLabel(option)}
            </option>
          ))}
        </select>
      </label>
      {format === 'pdf' && !isDesktopApp() && (
        <p className="import-export-hint">{t('export.printHint')}</p>
      )}
      <div className="import-export-actions">
        <button
          type="button"
          className="primary-button"
          data-testid="export-submit"
          disabled={!target || busy}
          onClick={() => void run((chosen) => exportDocument(chosen, format))}
        >
          {submitLabel}
        </button>
        <button
          type="button"
          className="quiet-button"
          data-testid="export-again"
          disabled={!target || busy || !last}
          title={t('export.againTitle')}
          onClick={() => void run(exportAgain)}
        >
          {againLabel}
        </button>
      </div>
      <p className="import-export-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
