import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEMPLATE_JSON_CHARS, type Template } from '../../../shared/schemas/templates.js';
import { useClient } from '../../api/clientContext.js';
import { describeError } from '../../ui/describeError.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { SidePanel } from '../../ui/SidePanel.js';
import '../../styles/generationPanels.css';
import '../../styles/templates.css';
import { initialText, type FormText } from './fieldValues.js';
import { TemplateActions } from './TemplateActions.js';
import { TemplateEditor } from './TemplateEditor.js';
import { TemplateForm } from './TemplateForm.js';
import { TemplateGallery } from './TemplateGallery.js';
import { templateDescription, templateName } from './templateText.js';
import { useTemplateList } from './useTemplateList.js';

export interface TemplatesPanelProps {
  reportError: ReportError;
  onClose: () => void;
  /** Opens a document the panel made (called again once the generated text is in it). */
  onDocumentCreated: (documentId: string) => void;
}

type View = { mode: 'gallery' } | { mode: 'form' | 'editor'; template: Template };

/** Templates: choose one, fill its fields, see the prompt, generate a new document from it. */
export function TemplatesPanel(props: TemplatesPanelProps): ReactNode {
  const { reportError, onClose, onDocumentCreated } = props;
  const { t } = useTranslation(['templates', 'common']);
  const client = useClient();
  const { templates } = useTemplateList(reportError);
  const [view, setView] = useState<View>({ mode: 'gallery' });
  const [typed, setTyped] = useState<FormText>({});
  const [importNote, setImportNote] = useState<string | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // Focus moves into the panel, so Escape closes it and typing searches at once.
  useEffect(() => searchRef.current?.focus(), []);

  const showForm = (template: Template): void => {
    setTyped(initialText(template.fields));
    setView({ mode: 'form', template });
    // The gallery's search box is gone; keep the focus inside the panel for Escape.
    panelRef.current?.focus();
  };
  const choose = async (id: string): Promise<void> => {
    try {
      showForm(await client.call('templates.get', { id }));
    } catch (error) {
      reportError(error, t('panel.couldNotOpen'));
    }
  };
  const importFile = async (file: File): Promise<void> => {
    setImportNote(null);
    if (file.size > MAX_TEMPLATE_JSON_CHARS * 4) {
      setImportNote(t('panel.importTooLarge', { fileName: file.name }));
      return;
    }
    try {
      const imported = await client.call('templates.import', { json: await file.text() });
      setImportNote(t('panel.imported', { name: templateName(imported) }));
      showForm(imported);
    } catch (error) {
      // The server says what is wrong with the file (and where); nothing was saved.
      setImportNote(error instanceof Error ? describeError(error) : t('panel.notATemplate'));
    }
  };

  return (
    <SidePanel
      title={t('panel.title')}
      testId="templates-panel"
      className="templates-panel"
      panelRef={panelRef}
      onClose={onClose}
    >
      <div className="templates-body">
        {view.mode === 'gallery' ? (
          <>
            <div className="templates-toolbar">
              <label className="quiet-button" title={t('panel.importTitle')}>
                {t('panel.import')}
                <input
                  type="file"
                  accept=".json,application/json"
                  className="visually-hidden"
                  data-testid="template-import-input"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    if (file) void importFile(file);
                  }}
                />
              </label>
              {importNote && (
                <span className="template-note" role="status" data-testid="template-import-note">
                  {importNote}
                </span>
              )}
            </div>
            <TemplateGallery
              templates={templates}
              searchRef={searchRef}
              onChoose={(id) => void choose(id)}
            />
          </>
        ) : (
          <>
            <div className="templates-toolbar">
              <button
                type="button"
                className="link-button"
                data-testid="template-back"
                onClick={() => setView({ mode: 'gallery' })}
              >
                {t('panel.back')}
              </button>
            </div>
            <h3 className="template-title">
              {templateName(view.template)}
              {!view.template.builtIn && <span className="template-badge">{t('panel.mine')}</span>}
            </h3>
            {view.template.description && (
              <p className="template-note">{templateDescription(view.template)}</p>
            )}
            {view.mode === 'form' ? (
              <>
                <TemplateActions
                  key={view.template.id}
                  template={view.template}
                  typed={typed}
                  reportError={reportError}
                  onOpen={(template) => setView({ mode: 'editor', template })}
                  onEdit={() => setView({ mode: 'editor', template: view.template })}
                  onDeleted={() => setView({ mode: 'gallery' })}
                />
                <TemplateForm
                  key={`${view.template.id}:${view.template.updatedAt ?? 0}`}
                  template={view.template}
                  reportError={reportError}
                  onDocumentCreated={onDocumentCreated}
                  onTextChange={setTyped}
                />
              </>
            ) : (
              <TemplateEditor
                key={view.template.id}
                template={view.template}
                reportError={reportError}
                onSaved={showForm}
                onCancel={() => showForm(view.template)}
              />
            )}
          </>
        )}
      </div>
    </SidePanel>
  );
}
