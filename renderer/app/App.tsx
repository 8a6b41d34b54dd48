import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import type { DocumentSummary } from '../../shared/schemas/documents.js';
import { useClient } from '../api/clientContext.js';
import { ConflictActions } from '../editor/ConflictActions.js';
import type { ExportFormat } from '../../shared/channels/files.js';
import {
  ANOTHER_ALTERNATIVE_COMMAND,
  CONTINUE_COMMAND,
  INSERT_TEXT_COMMAND,
  REFRESH_PLAN_COMMAND,
  STOP_CONTINUE_COMMAND,
} from '../editor/continue/commands.js';
import { InkwellEditor } from '../editor/InkwellEditor.js';
import { shortcutLabel, type AppShortcut } from '../keyboard/appShortcuts.js';
import { DocumentTitle } from '../panels/DocumentTitle.js';
import { displayTitle } from '../ui/displayTitle.js';
import type { LanguagePreferenceStore } from '../i18n/languagePreference.js';
import { DocumentsSidebar } from '../panels/DocumentsSidebar.js';
import { focusFirstItem } from '../ui/listNavigation.js';
import { GenerationSettingsPanel } from '../panels/generationSettings/GenerationSettingsPanel.js';
import { HistoryPanel } from '../panels/history/HistoryPanel.js';
import { exportAgain, exportDocument } from '../panels/importExport/exportDocument.js';
import { FileDropOverlay } from '../panels/importExport/FileDropOverlay.js';
import {
  ImportExportDialog,
  type ImportExportTab,
} from '../panels/importExport/ImportExportDialog.js';
import { ModelsPanel } from '../panels/models/ModelsPanel.js';
import { RevisionsPanel } from '../panels/RevisionsPanel.js';
import { ShortcutsHelp } from '../panels/ShortcutsHelp.js';
import { TemplatesPanel } from '../panels/templates/TemplatesPanel.js';
import { UndoToast, type UndoToastState } from '../panels/UndoToast.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { parseDocumentHash } from './documentHash.js';
import { ErrorBanner, useReportError } from '../ui/errorReporting.js';
import { useAppCommands } from './useAppCommands.js';
import { useDocumentList } from './useDocumentList.js';
import { useDocumentSession } from './useDocumentSession.js';
import { useFileDrop } from './useFileDrop.js';
import { useGlobalShortcuts } from './useGlobalShortcuts.js';
import { useStartup } from './useStartup.js';
import '../styles/continue.css';

/** The panels of the right-hand column; one is open at a time. */
type SidePanel = 'revisions' | 'history' | 'generationSettings' | 'models' | 'templates';

/** Each toggle's label and tooltip are `app:sidePanels.<panel>.label` and `.title`. */
interface SidePanelToggle {
  panel: SidePanel;
  testId: string;
  shortcut: AppShortcut;
  /** Revisions and generation settings belong to the open document; the others do not. */
  needsDocument: boolean;
}

const SIDE_PANEL_TOGGLES: readonly SidePanelToggle[] = [
  {
    panel: 'revisions',
    testId: 'revisions-toggle',
    shortcut: 'toggleRevisions',
    needsDocument: true,
  },
  {
    panel: 'history',
    testId: 'toggle-history',
    shortcut: 'toggleHistory',
    needsDocument: false,
  },
  {
    panel: 'generationSettings',
    testId: 'toggle-generation-settings',
    shortcut: 'toggleGenerationSettings',
    needsDocument: true,
  },
  {
    panel: 'models',
    testId: 'toggle-models',
    shortcut: 'toggleModels',
    needsDocument: false,
  },
  {
    panel: 'templates',
    testId: 'toggle-templates',
    shortcut: 'toggleTemplates',
    needsDocument: false,
  },
];

function needsDocument(panel: SidePanel): boolean {
  return SIDE_PANEL_TOGGLES.some((toggle) => toggle.panel === panel && toggle.needsDocument);
}

/** The document after `id` in the list (or the one before it): where to go after deleting. */
function neighbourOf(documents: DocumentSummary[], id: string): DocumentSummary | null {
  const index = documents.findIndex((entry) => entry.id === id);
  if (index < 0) return documents[0] ?? null;
  return documents[index + 1] ?? documents[index - 1] ?? null;
}

export function App({ languages }: { languages: LanguagePreferenceStore }): ReactNode {
  const { t } = useTranslation(['app', 'common']);
  const client = useClient();
  const reportError = useReportError();
  const { documents, refresh } = useDocumentList(reportError);
  const session = useDocumentSession(reportError);
  const { current, open, close, setTitle } = session;
  const [sidePanel, setSidePanel] = useState<SidePanel | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [importExportTab, setImportExportTab] = useState<ImportExportTab | null>(null);
  const [toast, setToast] = useState<UndoToastState | null>(null);
  // The document just made with "New": its title gets the focus once its editor is on screen.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  const focusEditor = useCallback(() => editorRef.current?.focus(), []);
  const toggleSidePanel = useCallback(
    (panel: SidePanel) => setSidePanel((open) => (open === panel ? null : panel)),
    [],
  );
  const closeSidePanel = useCallback(() => {
    setSidePanel(null);
    focusEditor();
  }, [focusEditor]);
  const insertAtCursor = useCallback((text: string) => {
    editorRef.current?.dispatchCommand(INSERT_TEXT_COMMAND, text);
  }, []);
  // New settings (max tokens, memory) change how much of the context the next continue uses.
  const refreshPlan = useCallback(() => {
    editorRef.current?.dispatchCommand(REFRESH_PLAN_COMMAND, undefined);
  }, []);

  const createDocument = useCallback(async () => {
    try {
      const record = await client.call('documents.create', {});
      setCreatedId(record.id);
      await open(record);
      void refresh().catch(() => undefined);
    } catch (error) {
      reportError(error, t('failed.create'));
    }
  }, [client, open, refresh, reportError, t]);

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

  const renameCurrent = useCallback(
    async (title: string) => {
      if (!current) return;
      try {
        const summary = await client.call('documents.rename', { id: current.id, title });
        current.saver.followMetadataChange(summary.version);
        setTitle(summary.id, summary.title);
        void refresh().catch(() => undefined);
      } catch (error) {
        reportError(error, t('failed.rename'));
        throw error;
      }
    },
    [client, current, refresh, reportError, setTitle, t],
  );

  const restoreDeleted = useCallback(
    async (id: string) => {
      try {
        await client.call('documents.restore', { id });
        await open(id);
        void refresh().catch(() => undefined);
      } catch (error) {
        reportError(error, t('failed.restoreDeleted'));
      }
    },
    [client, open, refresh, reportError, t],
  );

  const deleteCurrent = useCallback(async () => {
    if (!current) return;
    const { id, title } = current;
    try {
      await current.saver.flush();
      await client.call('documents.delete', { id });
      setToast({
        key: Date.now(),
        message: t('deleted', { title: displayTitle(title) }),
        onUndo: () => void restoreDeleted(id),
      });
      setSidePanel((open) => (open === 'revisions' ? null : open));
      const next = neighbourOf(documents, id);
      if (next) await open(next.id);
      else await close();
      void refresh().catch(() => undefined);
    } catch (error) {
      reportError(error, t('failed.delete'));
    }
  }, [client, close, current, documents, open, refresh, reportError, restoreDeleted, t]);

  const dismissToast = useCallback(() => setToast(null), []);

  /** Opens a document made elsewhere (an import, a template) and shows it in the list. */
  const openCreated = useCallback(
    async (id: string) => {
      await open(id);
      void refresh().catch(() => undefined);
    },
    [open, refresh],
  );
  const openImported = useCallback(
    async (id: string) => {
      setImportExportTab(null);
      await openCreated(id);
    },
    [openCreated],
  );
  const draggingFiles = useFileDrop({ reportError, onImported: (id) => void openImported(id) });

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

  // The desktop menu's commands (and main's "flush before quitting").
  useAppCommands(client, {
    'new-document': () => void createDocument(),
    import: () => setImportExportTab('import'),
    export: () => setImportExportTab('export'),
    'export-again': () => void exportCurrent('again'),
    'export-pdf': () => void exportCurrent('pdf'),
    continue: () => dispatchToEditor(CONTINUE_COMMAND),
    regenerate: () => dispatchToEditor(ANOTHER_ALTERNATIVE_COMMAND),
    stop: () => dispatchToEditor(STOP_CONTINUE_COMMAND),
    'show-shortcuts': () => setHelpOpen(true),
    flush: () => current?.saver.flush() ?? true,
  });

  useGlobalShortcuts({
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
    toggleRevisions: () => toggleSidePanel('revisions'),
    toggleHistory: () => toggleSidePanel('history'),
    toggleGenerationSettings: () => {
      if (current) toggleSidePanel('generationSettings');
    },
    toggleModels: () => toggleSidePanel('models'),
    toggleTemplates: () => toggleSidePanel('templates'),
    importFile: () => setImportExportTab('import'),
    exportFile: () => {
      if (current) setImportExportTab('export');
    },
    exportAgain: () => void exportCurrent('again'),
    saveNow: () => void current?.saver.flush(),
    showShortcuts: () => setHelpOpen((open) => !open),
  });

  const sideColumnShown = sidePanel !== null && (current !== null || !needsDocument(sidePanel));

  return (
    <div className={`app ${sideColumnShown ? 'with-side-panel' : ''}`}>
      <div className="banners">
        <ErrorBanner />
        <ConnectionIndicator />
      </div>
      <DocumentsSidebar
        documents={documents}
        currentId={current?.id ?? null}
        onOpen={(id) => void open(id)}
        onCreate={() => void createDocument()}
        reportError={reportError}
        searchRef={searchRef}
        listRef={listRef}
        languages={languages}
      />
      <main className="editor-pane">
        <div className="doc-actions">
          {SIDE_PANEL_TOGGLES.map((toggle) => (
            <button
              key={toggle.panel}
              type="button"
              className="quiet-button"
              data-testid={toggle.testId}
              aria-pressed={sidePanel === toggle.panel}
              disabled={toggle.needsDocument && !current}
              title={t('common:withShortcut', {
                label: t(`sidePanels.${toggle.panel}.title`),
                shortcut: shortcutLabel(toggle.shortcut),
              })}
              onClick={() => toggleSidePanel(toggle.panel)}
            >
              {t(`sidePanels.${toggle.panel}.label`)}
            </button>
          ))}
          <button
            type="button"
            className="quiet-button"
            data-testid="toggle-import-export"
            aria-pressed={importExportTab !== null}
            title={t('actions.importExportTitle', {
              importShortcut: shortcutLabel('importFile'),
              exportShortcut: shortcutLabel('exportFile'),
            })}
            onClick={() => setImportExportTab((tab) => (tab ? null : 'import'))}
          >
            {t('actions.importExport')}
          </button>
          <button
            type="button"
            className="quiet-button danger"
            data-testid="delete-document"
            disabled={!current}
            title={t('common:withShortcut', {
              label: t('common:delete'),
              shortcut: shortcutLabel('deleteDocument'),
            })}
            onClick={() => void deleteCurrent()}
          >
            {t('common:delete')}
          </button>
          <button
            type="button"
            className="quiet-button"
            aria-label={t('actions.shortcuts')}
            title={t('common:withShortcut', {
              label: t('actions.shortcuts'),
              shortcut: shortcutLabel('showShortcuts'),
            })}
            onClick={() => setHelpOpen(true)}
          >
            ?
          </button>
        </div>
        {current ? (
          <InkwellEditor
            key={`${current.id}:${current.loadKey}`}
            initialContent={current.initialContent}
            initialText={current.initialText}
            saver={current.saver}
            editorRef={editorRef}
            onError={(error) => reportError(error, t('failed.editor'))}
            header={
              <DocumentTitle
                title={current.title}
                onRename={renameCurrent}
                onDone={focusEditor}
                inputRef={titleRef}
                focusOnMount={createdId === current.id}
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
          <div className="empty-state">
            <p>{t('emptyState.noDocument')}</p>
            <p>
              <Trans
                ns="app"
                i18nKey="emptyState.howToStart"
                tOptions={{ shortcut: shortcutLabel('newDocument') }}
                components={{ kbd: <kbd /> }}
              />
            </p>
          </div>
        )}
      </main>
      {sidePanel === 'revisions' && current && (
        <RevisionsPanel
          key={current.id}
          documentId={current.id}
          saver={current.saver}
          editorRef={editorRef}
          reportError={reportError}
          onClose={closeSidePanel}
        />
      )}
      {sidePanel === 'history' && (
        <HistoryPanel
          key={current?.id ?? 'none'}
          documentId={current?.id ?? null}
          reportError={reportError}
          onClose={closeSidePanel}
          onInsert={insertAtCursor}
        />
      )}
      {sidePanel === 'generationSettings' && current && (
        <GenerationSettingsPanel
          key={current.id}
          documentId={current.id}
          reportError={reportError}
          onClose={closeSidePanel}
          onSettingsChange={refreshPlan}
        />
      )}
      {sidePanel === 'models' && <ModelsPanel reportError={reportError} onClose={closeSidePanel} />}
      {sidePanel === 'templates' && (
        <TemplatesPanel
          reportError={reportError}
          onClose={closeSidePanel}
          onDocumentCreated={(id) => void openCreated(id)}
        />
      )}
      <UndoToast toast={toast} onDismiss={dismissToast} />
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      {importExportTab && (
        <ImportExportDialog
          key={importExportTab}
          editor={current ? editorRef.current : null}
          documentId={current?.id ?? null}
          documentTitle={current?.title ?? ''}
          reportError={reportError}
          onImported={(id) => void openImported(id)}
          onClose={() => setImportExportTab(null)}
          initialTab={importExportTab}
        />
      )}
      <FileDropOverlay visible={draggingFiles} />
    </div>
  );
}
