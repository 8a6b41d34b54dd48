import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/errors.js';
import { templateKind, type Template } from '../../../shared/schemas/templates.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import {
  definitionFrom,
  draftFrom,
  issueControl,
  issuesByControl,
  type EditorDraft,
} from './editorDraft.js';
import { PreviewBox } from './PreviewBox.js';
import { templateName, kindLabel } from './templateText.js';
import { usePreview } from './usePreview.js';

export interface TemplateEditorProps {
  template: Template;
  reportError: ReportError;
  onSaved: (template: Template) => void;
  onCancel: () => void;
}

/** Name, kind, description, fields (JSON), title, preamble and body, with a live preview. */
export function TemplateEditor(props: TemplateEditorProps): ReactNode {
  const { template, reportError, onSaved, onCancel } = props;
  const { t } = useTranslation(['templates', 'common']);
  const client = useClient();
  const id = useId();
  const [draft, setDraft] = useState<EditorDraft>(() => draftFrom(template));
  const [saveIssues, setSaveIssues] = useState<Record<string, string[]>>({});
  const [saving, setSaving] = useState(false);
  const result = useMemo(() => definitionFrom(draft), [draft]);
  const preview = usePreview(result.ok ? { template: result.definition, fields: {} } : null);
  const previewIssues = issuesByControl(preview.error?.issues ?? []);

  const set = <K extends keyof EditorDraft>(key: K, value: EditorDraft[K]): void => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    setSaveIssues({});
  };
  // The save's objections win (they are about exactly what was sent); else the preview's.
  const problemsFor = (control: string): string[] => {
    if (control === 'fields' && !result.ok) return [result.message];
    return saveIssues[control] ?? previewIssues[control] ?? [];
  };
  const editorControls = ['name', 'kind', 'description', 'fields', 'title', 'preamble', 'body'];

  const save = async (): Promise<void> => {
    if (!result.ok) return;
    setSaving(true);
    try {
      onSaved(
        await client.call('templates.save', { id: template.id, template: result.definition }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.issues?.length)
        setSaveIssues(issuesByControl(error.issues));
      else reportError(error, t('actions.couldNotSave'));
    } finally {
      setSaving(false);
    }
  };

  const row = (control: string, label: string, input: ReactNode, help?: string): ReactNode => {
    const problems = problemsFor(control);
    return (
      <div className="template-field" key={control}>
        <label htmlFor={`${id}-${control}`}>{label}</label>
        {input}
        {problems.map((problem) => (
          <p key={problem} className="field-error" role="alert">
            {problem}
          </p>
        ))}
        {help && <p className="field-help">{help}</p>}
      </div>
    );
  };
  const invalid = (control: string): boolean => problemsFor(control).length > 0;

  return (
    <form
      className="template-editor"
      data-testid="template-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>{t('editor.heading', { name: templateName(template) })}</h3>
      {row(
        'name',
        t('editor.name'),
        <input
          id={`${id}-name`}
          data-testid="template-editor-name"
          value={draft.name}
          aria-invalid={invalid('name')}
          onChange={(event) => set('name', event.target.value)}
        />,
      )}
      {row(
        'kind',
        t('editor.kind'),
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(event) => {
            const parsed = templateKind.safeParse(event.target.value);
            if (parsed.success) set('kind', parsed.data);
          }}
        >
          {templateKind.options.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </select>,
      )}
      {row(
        'description',
        t('editor.description'),
        <input
          id={`${id}-description`}
          value={draft.description}
          onChange={(event) => set('description', event.target.value)}
        />,
      )}
      {row(
        'fields',
        t('editor.fields'),
        <textarea
          id={`${id}-fields`}
          className="template-fields-json"
          data-testid="template-editor-fields"
          rows={8}
          spellCheck={false}
          value={draft.fieldsJson}
          aria-invalid={invalid('fields')}
          onChange={(event) => set('fieldsJson', event.target.value)}
        />,
        t('editor.fieldsHelp'),
      )}
      {row(
        'title',
        t('editor.title'),
        <input
          id={`${id}-title`}
          value={draft.title}
          aria-invalid={invalid('title')}
          onChange={(event) => set('title', event.target.value)}
        />,
        t('editor.titleHelp', { titleVariable: '{{ title }}', nameVariable: '{{ name }}' }),
      )}
      {row(
        'preamble',
        t('editor.preamble'),
        <textarea
          id={`${id}-preamble`}
          className="template-body-input"
          rows={5}
          spellCheck={false}
          value={draft.preamble}
          aria-invalid={invalid('preamble')}
          onChange={(event) => set('preamble', event.target.value)}
        />,
        t('editor.preambleHelp'),
      )}
      {row(
        'body',
        t('editor.body'),
        <textarea
          id={`${id}-body`}
          className="template-body-input"
          data-testid="template-editor-body"
          rows={8}
          spellCheck={false}
          value={draft.body}
          aria-invalid={invalid('body')}
          onChange={(event) => set('body', event.target.value)}
        />,
        t('editor.bodyHelp', { titleVariable: '{{ title }}' }),
      )}
      <PreviewBox
        state={preview}
        shownElsewhere={(path) => editorControls.includes(issueControl(path))}
      />
      <div className="template-actions">
        <button
          type="submit"
          className="primary-button"
          data-testid="template-editor-save"
          disabled={saving || !result.ok}
        >
          {t('common:save')}
        </button>
        <button type="button" className="quiet-button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
