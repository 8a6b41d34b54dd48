import { useState, type ReactNode } from 'react';
import { MAX_TEMPLATE_NAME_CHARS, type Template } from '../../../shared/schemas/templates.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../app/errorReporting.js';
import { downloadFile } from '../../app/downloadFile.js';
import { savedAsDefinition } from './editorDraft.js';

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
  const client = useClient();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(`My ${template.name}`);
  const [confirming, setConfirming] = useState(false);

  const act = async (whatFailed: string, action: () => Promise<void>): Promise<void> => {
    try {
      await action();
    } catch (error) {
      reportError(error, whatFailed);
    }
  };
  const saveAs = (): Promise<void> =>
    act('Could not save the template', async () => {
      const saved = await client.call('templates.save', {
        template: savedAsDefinition(template, name.trim(), typed),
      });
      setNaming(false);
      onOpen(saved);
    });
  const duplicate = (): Promise<void> =>
    act('Could not duplicate the template', async () =>
      onOpen(await client.call('templates.duplicate', { id: template.id })),
    );
  const exportFile = (): Promise<void> =>
    act('Could not export the template', async () => {
      const exported = await client.call('templates.export', { id: template.id });
      downloadFile(exported.json, 'application/json', exported.fileName);
    });
  const remove = (): Promise<void> =>
    act('Could not delete the template', async () => {
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
          Save as my template
        </button>
        {!template.builtIn && (
          <button
            type="button"
            className="quiet-button"
            data-testid="template-edit"
            onClick={onEdit}
          >
            Edit
          </button>
        )}
        <button
          type="button"
          className="quiet-button"
          data-testid="template-duplicate"
          onClick={() => void duplicate()}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="quiet-button"
          data-testid="template-export"
          title="Download this template as a JSON file to share"
          onClick={() => void exportFile()}
        >
          Export
        </button>
        {!template.builtIn && (
          <button
            type="button"
            className="quiet-button danger"
            data-testid="template-delete"
            onClick={() => setConfirming(true)}
          >
            Delete
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
          <label htmlFor="template-save-as-name">Name of your template</label>
          <input
            id="template-save-as-name"
            data-testid="template-save-as-name"
            value={name}
            maxLength={MAX_TEMPLATE_NAME_CHARS}
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
          <p className="field-help">Your values in the form become its defaults.</p>
          <div className="template-actions">
            <button
              type="submit"
              className="primary-button"
              data-testid="template-save-as-confirm"
              disabled={!name.trim()}
            >
              Save
            </button>
            <button type="button" className="quiet-button" onClick={() => setNaming(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {confirming && (
        <div className="template-inline-form" role="alertdialog" aria-label="Delete template">
          <p>Delete “{template.name}”? This cannot be undone.</p>
          <div className="template-actions">
            <button
              type="button"
              className="quiet-button danger"
              data-testid="template-delete-confirm"
              autoFocus
              onClick={() => void remove()}
            >
              Delete
            </button>
            <button type="button" className="quiet-button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
