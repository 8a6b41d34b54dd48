import { useState, useSyncExternalStore, type ReactNode } from 'react';
import type { LexicalEditor } from 'lexical';
import type { ExportFormat } from '../../../shared/channels/files.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../app/errorReporting.js';
import { isDesktopApp } from './desktopShell.js';
import {
  describeExportOutcome,
  exportAgain,
  exportDocument,
  type ExportOutcome,
  type ExportTarget,
} from './exportDocument.js';
import { exportFormatOrder, exportFormats } from './fileFormats.js';
import { lastExportOf, subscribeToLastExports, type RememberedExport } from './lastExports.js';

export interface ExportPaneProps {
  editor: LexicalEditor | null;
  documentId: string | null;
  documentTitle: string;
  reportError: ReportError;
}

function formatNamed(value: string): ExportFormat {
  return exportFormatOrder.find((option) => option === value) ?? 'markdown';
}

function againLabel(last: RememberedExport | null): string {
  if (!last) return 'Export again';
  const where = last.destination && last.fileName ? ` to ${last.fileName}` : '';
  return `Export again (${exportFormats[last.format].label}${where})`;
}

/** Export: pick a format, save (desktop) or download (browser); or repeat the last export. */
export function ExportPane(props: ExportPaneProps): ReactNode {
  const { editor, documentId, documentTitle, reportError } = props;
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
    setStatus('Exporting…');
    try {
      setStatus(describeExportOutcome(await exporting(target)));
    } catch (error) {
      setStatus('');
      reportError(error, 'Could not export the document');
    } finally {
      setBusy(false);
    }
  };

  const submitLabel =
    format === 'pdf'
      ? isDesktopApp()
        ? 'Save as PDF…'
        : 'Print…'
      : isDesktopApp()
        ? 'Export…'
        : 'Download';

  return (
    <div className="import-export-pane" role="tabpanel" aria-labelledby="import-export-tab-export">
      {!target && <p>Open a document to export it.</p>}
      <label className="import-export-field">
        <span>Format</span>
        <select
          data-testid="export-format"
          data-autofocus
          value={format}
          disabled={!target || busy}
          onChange={(event) => setFormat(formatNamed(event.currentTarget.value))}
        >
          {exportFormatOrder.map((option) => (
            <option key={option} value={option}>
              {exportFormats[option].label}
            </option>
          ))}
        </select>
      </label>
      {format === 'pdf' && !isDesktopApp() && (
        <p className="import-export-hint">
          The browser&rsquo;s print dialog opens with only your text on the page; choose “Save as
          PDF” there.
        </p>
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
          title="Repeats this document's last export"
          onClick={() => void run(exportAgain)}
        >
          {againLabel(last)}
        </button>
      </div>
      <p className="import-export-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
