import type { ReactNode, RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { AppCommandName } from '../../shared/channels/app.js';
import type { AppShortcut } from '../keyboard/appShortcuts.js';
import { ContextViewerPanel } from '../panels/contextViewer/ContextViewerPanel.js';
import { GenerationSettingsPanel } from '../panels/generationSettings/GenerationSettingsPanel.js';
import { HistoryPanel } from '../panels/history/HistoryPanel.js';
import { LorebookPanel } from '../panels/lorebook/LorebookPanel.js';
import { ModelsPanel } from '../panels/models/ModelsPanel.js';
import { RevisionsPanel } from '../panels/RevisionsPanel.js';
import { TemplatesPanel } from '../panels/templates/TemplatesPanel.js';
import { TreePanel } from '../panels/tree/TreePanel.js';
import type { ReportError } from '../ui/errorReporting.js';
import type { OpenDocument } from './useDocumentSession.js';

/** Each toggle's label and tooltip are `app:sidePanels.<id>.label` and `.title`. */
export type SidePanelId =
  | 'revisions'
  | 'history'
  | 'tree'
  | 'generationSettings'
  | 'models'
  | 'templates'
  | 'lorebook'
  | 'contextViewer';

/** What App hands the open side panel. */
export interface SidePanelContext {
  /** The document in the editor, if any. */
  current: OpenDocument | null;
  editorRef: RefObject<LexicalEditor | null>;
  reportError: ReportError;
  /** Closes the panel and gives the text the focus back. */
  close: () => void;
  /** Puts text at the editor's cursor (as ordinary, undoable text). */
  insertAtCursor: (text: string) => void;
  /** Settings changed how much of the context the next continue uses. */
  refreshPlan: () => void;
  /** Opens a document a panel made. */
  openDocument: (id: string) => void;
}

/** A panel about the open document: shown, and its toggle enabled, only while there is one. */
interface DocumentPanel {
  needsDocument: true;
  render: (context: SidePanelContext, document: OpenDocument) => ReactNode;
}

/** A panel about the whole app: open with or without a document. */
interface AppPanel {
  needsDocument: false;
  render: (context: SidePanelContext) => ReactNode;
}

export type SidePanelDefinition = {
  id: SidePanelId;
  /** The toggle button's test id. */
  toggleTestId: string;
  /** The window-wide shortcut that opens and closes it. */
  shortcut: AppShortcut;
  /** The desktop menu's command (View) that does the same. */
  menuCommand: AppCommandName;
} & (DocumentPanel | AppPanel);

/**
 * The panels of the window's right-hand column, in the order of their toggles; one is open at a
 * time. A panel about the open document is keyed by it, so it starts afresh for the next one.
 */
export const SIDE_PANELS: readonly SidePanelDefinition[] = [
  {
    id: 'revisions',
    toggleTestId: 'revisions-toggle',
    shortcut: 'toggleRevisions',
    menuCommand: 'toggle-revisions',
    needsDocument: true,
    render: (context, document) => (
      <RevisionsPanel
        key={document.id}
        documentId={document.id}
        saver={document.saver}
        editorRef={context.editorRef}
        reportError={context.reportError}
        onClose={context.close}
      />
    ),
  },
  {
    id: 'history',
    toggleTestId: 'toggle-history',
    shortcut: 'toggleHistory',
    menuCommand: 'toggle-history',
    needsDocument: false,
    // Its "this document" scope follows the open document, so it is keyed by it as well.
    render: (context) => (
      <HistoryPanel
        key={context.current?.id ?? 'none'}
        documentId={context.current?.id ?? null}
        reportError={context.reportError}
        onClose={context.close}
        onInsert={context.insertAtCursor}
      />
    ),
  },
  {
    id: 'tree',
    toggleTestId: 'toggle-tree',
    shortcut: 'toggleTree',
    menuCommand: 'toggle-tree',
    needsDocument: true,
    render: (context, document) => (
      <TreePanel
        key={document.id}
        documentId={document.id}
        editorRef={context.editorRef}
        reportError={context.reportError}
        onClose={context.close}
      />
    ),
  },
  {
    id: 'generationSettings',
    toggleTestId: 'toggle-generation-settings',
    shortcut: 'toggleGenerationSettings',
    menuCommand: 'toggle-generation-settings',
    needsDocument: true,
    render: (context, document) => (
      <GenerationSettingsPanel
        key={document.id}
        documentId={document.id}
        reportError={context.reportError}
        onClose={context.close}
        onSettingsChange={context.refreshPlan}
      />
    ),
  },
  {
    id: 'lorebook',
    toggleTestId: 'toggle-lorebook',
    shortcut: 'toggleLorebook',
    menuCommand: 'toggle-lorebook',
    needsDocument: true,
    render: (context, document) => (
      <LorebookPanel
        key={document.id}
        documentId={document.id}
        reportError={context.reportError}
        onClose={context.close}
      />
    ),
  },
  {
    id: 'contextViewer',
    toggleTestId: 'toggle-context-viewer',
    shortcut: 'toggleContextViewer',
    menuCommand: 'toggle-context-viewer',
    needsDocument: true,
    render: (context, document) => (
      <ContextViewerPanel
        key={document.id}
        stores={document.continueStores}
        editorRef={context.editorRef}
        onClose={context.close}
      />
    ),
  },
  {
    id: 'models',
    toggleTestId: 'toggle-models',
    shortcut: 'toggleModels',
    menuCommand: 'toggle-models',
    needsDocument: false,
    render: (context) => <ModelsPanel reportError={context.reportError} onClose={context.close} />,
  },
  {
    id: 'templates',
    toggleTestId: 'toggle-templates',
    shortcut: 'toggleTemplates',
    menuCommand: 'toggle-templates',
    needsDocument: false,
    render: (context) => (
      <TemplatesPanel
        reportError={context.reportError}
        onClose={context.close}
        onDocumentCreated={context.openDocument}
      />
    ),
  },
];

/** Whether the panel can be open now: a panel about the open document needs one. */
export function canOpen(panel: SidePanelDefinition, current: OpenDocument | null): boolean {
  return !panel.needsDocument || current !== null;
}

/** The open panel's element; null when none is open or it cannot be shown now. */
export function renderSidePanel(id: SidePanelId | null, context: SidePanelContext): ReactNode {
  const panel = SIDE_PANELS.find((entry) => entry.id === id);
  if (!panel) return null;
  if (!panel.needsDocument) return panel.render(context);
  return context.current ? panel.render(context, context.current) : null;
}
