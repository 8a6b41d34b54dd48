import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import type { ExportFormat } from '../../shared/channels/files.js';
import { useClient } from '../api/clientContext.js';
import { ConflictActions } from '../editor/ConflictActions.js';
import {
  ANOTHER_ALTERNATIVE_COMMAND,
  CONTINUE_COMMAND,
  INSERT_TEXT_COMMAND,
  REFRESH_PLAN_COMMAND,
  STOP_CONTINUE_COMMAND,
  TOGGLE_PROBABILITIES_COMMAND,
} from '../editor/continue/commands.js';
import { InkwellEditor } from '../editor/InkwellEditor.js';
import type { LanguagePreferenceStore } from '../i18n/languagePreference.js';
import { DocumentsSidebar } from '../panels/DocumentsSidebar.js';
import { DocumentTitle } from '../panels/DocumentTitle.js';
import { exportAgain, exportDocument } from '../panels/importExport/exportDocument.js';
import { FileDropOverlay } from '../panels/importExport/FileDropOverlay.js';
import {
  ImportExportDialog,
  type ImportExportTab,
} from '../panels/importExport/ImportExportDialog.js';
import { ShortcutsHelp } from '../panels/ShortcutsHelp.js';
import { AppSettingsDialog } from '../panels/appSettings/AppSettingsDialog.js';
import { UndoToast, type UndoToastState } from '../panels/UndoToast.js';
import { displayTitle } from '../ui/displayTitle.js';
import { ErrorBanner, useReportError } from '../ui/errorReporting.js';
import { focusFirstItem } from '../ui/listNavigation.js';
import { ActionBar } from './ActionBar.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { parseDocumentHash } from './documentHash.js';
import { EmptyState } from './EmptyState.js';
import { canOpen, renderSidePanel, SIDE_PANELS } from './sidePanels.js';
import { useAppCommands } from './useAppCommands.js';
import { useOpenedFiles } from './useOpenedFiles.js';
import { useDocumentActions } from './useDocumentActions.js';
import { useDocumentList } from './useDocumentList.js';
import { useDocumentSession } from './useDocumentSession.js';
import { useFileDrop } from './useFileDrop.js';
import { useGlobalShortcuts, type ShortcutHandlers } from './useGlobalShortcuts.js';
import { useOpenSidePanel } from './useOpenSidePanel.js';
import { useStartup } from './useStartup.js';
import '../styles/continue.css';

export function App({ languages }: { languages: LanguagePreferenceStore }): ReactNode {
  const { t } = useTranslation('app');
  const client = useClient();
  const reportError = useReportError();
  const { documents, refresh } = useDocumentList(reportError);
  const session = useDocumentSession(reportError);
  const { current, open } = session;
  const [helpOpen, setHelpOpen] = useState(false);
  const [appSettingsOpen, setAppSettingsOpen] = useState(false);
  const [importExportTab, setImportExportTab] = useState<ImportExportTab | null>(null);
  const [toast, setToast] = useState<UndoToastState | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  const focusEditor = useCallback(() => editorRef.current?.focus(), []);
  const sidePanel = useOpenSidePanel(focusEditor);
  const { closeIfOpen } = sidePanel;
  const documentActions = useDocumentActions({
    session,
    documents,
    reportError,
    onDeleted: ({ title, undo }) => {
      setToast({
        key: Date.now(),
        message: t('deleted', { title: displayTitle(title) }),
        onUndo: undo,
      });
      // The revisions listed were the deleted document's.
      closeIfOpen('revisions');
    },
  });
  const { create: createDocument, deleteCurrent } = documentActions;

  const insertAtCursor = useCallback((text: string) => {
    editorRef.current?.dispatchCommand(INSERT_TEXT_COMMAND, text);
  }, []);
  // New settings (max tokens, memory) change how much of the context the next continue uses.
  const refreshPlan = useCallback(() => {
    editorRef.current?.dispatchCommand(REFRESH_PLAN_COMMAND, undefined);
  }, []);
  const openDocument = useCallback((id: string) => void open(id), [open]);

  useStartup({ refresh, open, createDocument, reportError });

  // Back/forward or an edited address bar: follow the hash.
  useEffect(() => {
    const onHashChange = (): void => {
      const id = parseDocumentHash(location.hash);
      if (id && id !== current?.id) void open(id);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [current?.id, open]);

  const dismissToast = useCallback(() => setToast(null), []);

  /** A file became a new document (imported in the dialog or dropped on the window). */
  const openImported = useCallback(
    (id: string) => {
      setImportExportTab(null);
      void open(id);
    },
    [open],
  );
  const draggingFiles = useFileDrop({ reportError, onImported: openImported });
  const takeOpenedFiles = useOpenedFiles({ reportError, onImported: openImported });

  const exportCurrent = useCallback(
    async (format: ExportFormat | 'again') => {
      const editor = editorRef.current;
      if (!current || !editor) return;
      const target = { client, editor, documentId: current.id, documentTitle: current.title };
      try {
        const outcome =
          format === 'again' ? await exportAgain(target) : await exportDocument(target, format);
        if (outcome.status === 'nothing-to-repeat') setImportExportTab('export');
      } catch (error) {
        reportError(error, t('failed.export'));
      }
    },
    [client, current, reportError, t],
  );
  const dispatchToEditor = useCallback((command: typeof CONTINUE_COMMAND) => {
    editorRef.current?.dispatchCommand(command, undefined);
  }, []);

  // Each panel's shortcut does what its toggle does, and only when the toggle is enabled.
  const togglePanel = (panel: (typeof SIDE_PANELS)[number]) => () => {
    if (canOpen(panel, current)) sidePanel.toggle(panel.id);
  };
  const panelShortcuts: ShortcutHandlers = Object.fromEntries(
    SIDE_PANELS.map((panel) => [panel.shortcut, togglePanel(panel)]),
  );

  // The desktop menu's commands (and main's "flush before quitting").
  useAppCommands(client, {
    ...Object.fromEntries(SIDE_PANELS.map((panel) => [panel.menuCommand, togglePanel(panel)])),
    'new-document': () => void createDocument(),
    import: () => setImportExportTab('import'),
    export: () => setImportExportTab('export'),
    'export-again': () => void exportCurrent('again'),
    'export-pdf': () => void exportCurrent('pdf'),
    continue: () => dispatchToEditor(CONTINUE_COMMAND),
    regenerate: () => dispatchToEditor(ANOTHER_ALTERNATIVE_COMMAND),
    stop: () => dispatchToEditor(STOP_CONTINUE_COMMAND),
    'toggle-probabilities': () => dispatchToEditor(TOGGLE_PROBABILITIES_COMMAND),
    'show-shortcuts': () => setHelpOpen(true),
    'show-app-settings': () => setAppSettingsOpen(true),
    'open-file': () => void takeOpenedFiles(),
    flush: () => current?.saver.flush() ?? true,
  });

  useGlobalShortcuts({
    ...panelShortcuts,
    newDocument: () => void createDocument(),
    focusSearch: () => searchRef.current?.focus(),
    focusList: () => focusFirstItem(listRef.current),
    focusEditor,
    renameDocument: () => titleRef.current?.select(),
    deleteDocument: () => void deleteCurrent(),
    undoDelete: () => {
      if (!toast) return;
      setToast(null);
      toast.onUndo();
    },
    importFile: () => setImportExportTab('import'),
    exportFile: () => {
      if (current) setImportExportTab('export');
    },
    exportAgain: () => void exportCurrent('again'),
    saveNow: () => void current?.saver.flush(),
    showShortcuts: () => setHelpOpen((open) => !open),
    appSettings: () => setAppSettingsOpen((open) => !open),
  });

  const openSidePanel = renderSidePanel(sidePanel.openId, {
    current,
    editorRef,
    reportError,
    close: sidePanel.close,
    insertAtCursor,
    refreshPlan,
    openDocument,
  });

  return (
    <div className={`app ${openSidePanel ? 'with-side-panel' : ''}`}>
      <div className="banners">
        <ErrorBanner />
        <ConnectionIndicator />
      </div>
      <DocumentsSidebar
        documents={documents}
        currentId={current?.id ?? null}
        onOpen={openDocument}
        onCreate={() => void createDocument()}
        reportError={reportError}
        searchRef={searchRef}
        listRef={listRef}
        languages={languages}
      />
      <main className="editor-pane">
        <ActionBar
          current={current}
          openPanel={sidePanel.openId}
          onTogglePanel={sidePanel.toggle}
          importExportOpen={importExportTab !== null}
          onToggleImportExport={() => setImportExportTab((tab) => (tab ? null : 'import'))}
          onDelete={() => void deleteCurrent()}
          onShowShortcuts={() => setHelpOpen(true)}
        />
        {current ? (
          <InkwellEditor
            key={`${current.id}:${current.loadKey}`}
            initialContent={current.initialContent}
            initialText={current.initialText}
            saver={current.saver}
            editorRef={editorRef}
            continueStores={current.continueStores}
            onError={(error) => reportError(error, t('failed.editor'))}
            header={
              <DocumentTitle
                title={current.title}
                onRename={documentActions.renameCurrent}
                onDone={focusEditor}
                inputRef={titleRef}
                focusOnMount={documentActions.createdId === current.id}
              />
            }
            statusExtra={
              <ConflictActions
                saver={current.saver}
                editorRef={editorRef}
                reportError={reportError}
              />
            }
          />
        ) : (
          <EmptyState />
        )}
      </main>
      {openSidePanel}
      <UndoToast toast={toast} onDismiss={dismissToast} />
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      {appSettingsOpen && (
        <AppSettingsDialog
          languages={languages}
          reportError={reportError}
          onClose={() => setAppSettingsOpen(false)}
        />
      )}
      {importExportTab && (
        <ImportExportDialog
          key={importExportTab}
          editor={current ? editorRef.current : null}
          documentId={current?.id ?? null}
          documentTitle={current?.title ?? ''}
          reportError={reportError}
          onImported={openImported}
          onClose={() => setImportExportTab(null)}
          initialTab={importExportTab}
        />
      )}
      <FileDropOverlay visible={draggingFiles} />
    </div>
  );
}
