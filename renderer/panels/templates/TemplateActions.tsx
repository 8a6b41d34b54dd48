import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEMPLATE_NAME_CHARS, type Template } from '../../../shared/schemas/templates.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { downloadFile } from '../../ui/downloadFile.js';
import { savedAsDefinition } from './editorDraft.js';
import { displayedTemplate, templateName } from './templateText.js';

export interface TemplateActionsProps {
  template: Template;
  /** What the writer typed in the form: it becomes the new template's defaults. */
  typed: Record<string, string>;
  reportError: ReportError;
  /** A new or changed user template to show (saved as, duplicated). */
  onOpen: (template: Template) => void;
  onEdit: () => void;
  onDeleted: () => void;
}

/** Save as, edit (user templates), duplicate, export, and delete with a confirmation. */
export function TemplateActions(props: TemplateActionsProps): ReactNode {
  const { template, typed, reportError, onOpen, onEdit, onDeleted } = props;
  const { t } = useTranslation(['templates', 'common']);
  const client = useClient();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState<string>(() =>
    t('actions.defaultName', { name: templateName(template) }),
  );
  const [confirming, setConfirming] = useState(false);

  const act = async (whatFailed: string, action: () => Promise<void>): Promise<void> => {
    try {
      await action();
    } catch (error) {
      reportError(error, whatFailed);
    }
  };
  const saveAs = (): Promise<void> =>
    act(t('actions.couldNotSave'), async () => {
      // A built-in one's copy keeps the labels the writer saw, in their language.
      const saved = await client.call('templates.save', {
        template: savedAsDefinition(displayedTemplate(template), name.trim(), typed),
      });
      setNaming(false);
      onOpen(saved);
    });
  const duplicate = (): Promise<void> =>
    act(t('actions.couldNotDuplicate'), async () =>
      onOpen(
        await client.call('templates.duplicate', {
          id: template.id,
          name: t('actions.copyName', { name: templateName(template) }).slice(0, 80),
        }),
      ),
    );
  const exportFile = (): Promise<void> =>
    act(t('actions.couldNotExport'), async () => {
      const exported = await client.call('templates.export', { id: template.id });
      downloadFile(exported.json, 'application/json', exported.fileName);
    });
  const remove = (): Promise<void> =>
    act(t('actions.couldNotDelete'), async () => {
      await client.call('templates.delete', { id: template.id });
      onDeleted();
    });

  return (
    <div className="template-actions-block">
      <div className="template-actions">
        <button
          type="button"
          className="quiet-button"
          data-testid="template-save-as"
          aria-expanded={naming}
          onClick={() => setNaming((open) => !open)}
        >
          {t('actions.saveAs')}
        </button>
        {!template.builtIn && (
          <button
            type="button"
            className="quiet-button"
            data-testid="template-edit"
            onClick={onEdit}
          >
            {t('actions.edit')}
          </button>
        )}
        <button
          type="button"
          className="quiet-button"
          data-testid="template-duplicate"
          onClick={() => void duplicate()}
        >
          {t('actions.duplicate')}
        </button>
        <button
          type="button"
          className="quiet-button"
          data-testid="template-export"
          title={t('actions.exportTitle')}
          onClick={() => void exportFile()}
        >
          {t('actions.export')}
        </button>
        {!template.builtIn && (
          <button
            type="button"
            className="quiet-button danger"
            data-testid="template-delete"
            onClick={() => setConfirming(true)}
          >
            {t('common:delete')}
          </button>
        )}
      </div>
      {naming && (
        <form
          className="template-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) void saveAs();
          }}
        >
          <label htmlFor="template-save-as-name">{t('actions.nameLabel')}</label>
          <input
            id="template-save-as-name"
            data-testid="template-save-as-name"
            value={name}
            maxLength={MAX_TEMPLATE_NAME_CHARS}
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
          <p className="field-help">{t('actions.nameHelp')}</p>
          <div className="template-actions">
            <button
              type="submit"
              className="primary-button"
              data-testid="template-save-as-confirm"
              disabled={!name.trim()}
            >
              {t('common:save')}
            </button>
            <button type="button" className="quiet-button" onClick={() => setNaming(false)}>
              {t('common:cancel')}
            </button>
          </div>
        </form>
      )}
      {confirming && (
        <div
          className="template-inline-form"
          role="alertdialog"
          aria-label={t('actions.deleteLabel')}
        >
          <p>{t('actions.deleteQuestion', { name: templateName(template) })}</p>
          <div className="template-actions">
            <button
              type="button"
              className="quiet-button danger"
              data-testid="template-delete-confirm"
              autoFocus
              onClick={() => void remove()}
            >
              {t('common:delete')}
            </button>
            <button type="button" className="quiet-button" onClick={() => setConfirming(false)}>
              {t('actions.keep')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
