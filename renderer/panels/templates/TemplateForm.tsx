import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../shared/schemas/templates.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { FieldControl } from './FieldControl.js';
import {
  fieldValues,
  formProblems,
  initialText,
  issuesByField,
  type FormText,
} from './fieldValues.js';
import { GenerationView } from './GenerationView.js';
import { PreviewBox } from './PreviewBox.js';
import { fieldText } from './templateText.js';
import { usePreview } from './usePreview.js';
import { useReopenWhenWritten } from './useReopenWhenWritten.js';
import { useTemplateGeneration } from './useTemplateGeneration.js';

export interface TemplateFormProps {
  template: Template;
  reportError: ReportError;
  onDocumentCreated: (documentId: string) => void;
  /** The values as typed, for "Save as my template" (they become the new defaults). */
  onTextChange?: (text: FormText) => void;
}

/** A control per field, the live preview, and Generate into a new document. */
export function TemplateForm(props: TemplateFormProps): ReactNode {
  const { template, reportError, onDocumentCreated, onTextChange } = props;
  const { t } = useTranslation('templates');
  const client = useClient();
  const [text, setText] = useState<FormText>(() => initialText(template.fields));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [triedToGenerate, setTriedToGenerate] = useState(false);
  const [last, setLast] = useState<{
    generationId: string;
    documentId: string;
    opening: string;
  } | null>(null);
  const generation = useTemplateGeneration(reportError);

  const problems = formProblems(template.fields, text);
  const valid = Object.keys(problems).length === 0;
  const values = useMemo(() => fieldValues(template.fields, text), [template.fields, text]);
  const previewState = usePreview(valid ? { templateId: template.id, fields: values } : null);
  const serverProblems = issuesByField(previewState.error?.issues ?? []);

  const endedId = generation.progress?.end ? generation.progress.generationId : null;
  useReopenWhenWritten(last?.documentId ?? null, endedId, onDocumentCreated);

  const change = (name: string, value: string): void => {
    const next = { ...text, [name]: value };
    setText(next);
    onTextChange?.(next);
  };

  const generate = async (regenerateOf?: string): Promise<void> => {
    setTriedToGenerate(true);
    if (!valid) return;
    const started = await generation.start((generationId) =>
      client.call('templates.generate', {
        generationId,
        templateId: template.id,
        fields: values,
        ...(regenerateOf === undefined ? {} : { regenerateOf }),
      }),
    );
    if (!started) return;
    setLast({
      generationId: started.generationId,
      documentId: started.documentId,
      opening: started.opening,
    });
    // Open it now (the opening is already in it); it is opened again once the output is in.
    onDocumentCreated(started.documentId);
  };

  return (
    <form
      className="template-form"
      data-testid="template-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!generation.running) void generate();
      }}
    >
      {template.fields.length === 0 && <p className="template-note">{t('form.noFields')}</p>}
      {template.fields.map((field) => (
        <FieldControl
          key={field.name}
          field={field}
          words={fieldText(template, field)}
          text={text[field.name] ?? ''}
          problem={problems[field.name] ?? serverProblems[field.name] ?? null}
          showProblem={
            triedToGenerate || touched.has(field.name) || serverProblems[field.name] !== undefined
          }
          onChange={(value) => change(field.name, value)}
          onBlur={() => setTouched((previous) => new Set(previous).add(field.name))}
        />
      ))}
      <PreviewBox state={previewState} shownElsewhere={(path) => /^fields\.[A-Za-z_]/.test(path)} />
      <div className="template-actions">
        <button
          type="submit"
          className="primary-button"
          data-testid="template-generate"
          disabled={generation.running}
        >
          {t('form.generate')}
        </button>
        {triedToGenerate && !valid && (
          <span className="field-error" role="alert">
            {t('form.fixFirst')}
          </span>
        )}
      </div>
      {generation.progress && (
        <GenerationView
          progress={generation.progress}
          opening={last?.opening ?? ''}
          running={generation.running}
          canRegenerate={last !== null}
          onStop={generation.stop}
          onRegenerate={() => void generate(last?.generationId)}
        />
      )}
    </form>
  );
}
