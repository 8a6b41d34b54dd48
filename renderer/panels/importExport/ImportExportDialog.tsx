import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import type { ReportError } from '../../ui/errorReporting.js';
import { ExportPane } from './ExportPane.js';
import { ImportPane } from './ImportPane.js';
import { ModalDialog } from '../../ui/ModalDialog.js';
import '../../styles/importExport.css';
import '../../styles/print.css';

export type ImportExportTab = 'import' | 'export';

export interface ImportExportDialogProps {
  editor: LexicalEditor | null;
  /** The open document (what "export again" is remembered for); null when none is open. */
  documentId: string | null;
  documentTitle: string;
  reportError: ReportError;
  /** A file became a new document: open it. */
  onImported: (documentId: string) => void;
  onClose: () => void;
  /** Mount with `key={initialTab}` to switch tabs on an already open dialog. */
  initialTab?: ImportExportTab;
}

const tabs = [
  { id: 'import', label: 'dialog.importTab' },
  { id: 'export', label: 'dialog.exportTab' },
] as const satisfies readonly { id: ImportExportTab; label: string }[];

/** Import files as new documents, export the open one (Markdown, text, HTML, Word, PDF). */
export function ImportExportDialog(props: ImportExportDialogProps): ReactNode {
  const { onClose } = props;
  const { t } = useTranslation(['importExport', 'common']);
  const [tab, setTab] = useState<ImportExportTab>(props.initialTab ?? 'import');

  // Arrow keys move between the tabs (the WAI-ARIA tabs pattern); focus follows the tab.
  const onTabKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'import' ? 'export' : 'import';
    setTab(next);
    document.getElementById(`import-export-tab-${next}`)?.focus();
  };

  return (
    <ModalDialog
      title={t('dialog.title')}
      titleId="import-export-title"
      testId="import-export-dialog"
      className="import-export-dialog"
      onClose={onClose}
    >
      <div
        className="import-export-tabs"
        role="tablist"
        aria-label={t('dialog.tabs')}
        onKeyDown={onTabKeyDown}
      >
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            id={`import-export-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            tabIndex={tab === id ? 0 : -1}
            className="import-export-tab"
            data-testid={`import-export-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {tab === 'import' ? (
        <ImportPane reportError={props.reportError} onImported={props.onImported} />
      ) : (
        <ExportPane
          editor={props.editor}
          documentId={props.documentId}
          documentTitle={props.documentTitle}
          reportError={props.reportError}
        />
      )}
    </ModalDialog>
  );
}
