import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from '../keyboard/appShortcuts.js';
import type { OpenDocument } from './useDocumentSession.js';
import { canOpen, SIDE_PANELS, type SidePanelId } from './sidePanels.js';

export interface ActionBarProps {
  current: OpenDocument | null;
  openPanel: SidePanelId | null;
  onTogglePanel: (id: SidePanelId) => void;
  importExportOpen: boolean;
  onToggleImportExport: () => void;
  onDelete: () => void;
  onShowShortcuts: () => void;
}

/** The buttons above the text: a toggle per side panel, import/export, delete, the shortcuts. */
export function ActionBar(props: ActionBarProps): ReactNode {
  const { current, openPanel, onTogglePanel } = props;
  const { t } = useTranslation(['app', 'common']);
  return (
    <div className="doc-actions">
      {SIDE_PANELS.map((panel) => (
        <button
          key={panel.id}
          type="button"
          className="quiet-button"
          data-testid={panel.toggleTestId}
          aria-pressed={openPanel === panel.id}
          disabled={!canOpen(panel, current)}
          title={t('common:withShortcut', {
            label: t(`sidePanels.${panel.id}.title`),
            shortcut: shortcutLabel(panel.shortcut),
          })}
          onClick={() => onTogglePanel(panel.id)}
        >
          {t(`sidePanels.${panel.id}.label`)}
        </button>
      ))}
      <button
        type="button"
        className="quiet-button"
        data-testid="toggle-import-export"
        aria-pressed={props.importExportOpen}
        title={t('actions.importExportTitle', {
          importShortcut: shortcutLabel('importFile'),
          exportShortcut: shortcutLabel('exportFile'),
        })}
        onClick={props.onToggleImportExport}
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
        onClick={props.onDelete}
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
        onClick={props.onShowShortcuts}
      >
        ?
      </button>
    </div>
  );
}
