import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import type { ReportError } from '../../app/errorReporting.js';
import { ExportPane } from './ExportPane.js';
import { ImportPane } from './ImportPane.js';
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

const FOCUSABLE =
  'button:not([disabled]), select:not([disabled]), input:not([hidden]), [tabindex="0"]';

/** Tab and Shift+Tab go round inside the dialog instead of escaping to the page behind it. */
function keepFocusInside(event: KeyboardEvent<HTMLElement>): void {
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** Import files as new documents, export the open one (Markdown, text, HTML, Word, PDF). */
export function ImportExportDialog(props: ImportExportDialogProps): ReactNode {
  const { onClose } = props;
  const { t } = useTranslation(['importExport', 'common']);
  const [tab, setTab] = useState<ImportExportTab>(props.initialTab ?? 'import');
  const dialogRef = useRef<HTMLDivElement>(null);

  // Focus returns where it was (usually the text) when the dialog closes.
  useEffect(() => {
    const previouslyFocused = document.activeElement;
    return () => {
      if (previouslyFocused instanceof HTMLElement) previouslyFocused.focus();
    };
  }, []);

  // The dialog opens at its tab's main control, so Enter or Space acts at once.
  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('[data-autofocus]:not([disabled])')?.focus();
  }, []);

  // Arrow keys move between the tabs (the WAI-ARIA tabs pattern); focus follows the tab.
  const onTabKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'import' ? 'export' : 'import';
    setTab(next);
    document.getElementById(`import-export-tab-${next}`)?.focus();
  };

  return (
    <div className="overlay" role="presentation" onMouseDown={onClose}>
      <div
        ref={dialogRef}
        className="dialog import-export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-export-title"
        data-testid="import-export-dialog"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          } else if (event.key === 'Tab') {
            keepFocusInside(event);
          }
        }}
      >
        <div className="dialog-header">
          <h2 id="import-export-title">{t('dialog.title')}</h2>
          <button type="button" className="quiet-button" onClick={onClose}>
            {t('common:close')}
          </button>
        </div>
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
      </div>
    </div>
  );
}
