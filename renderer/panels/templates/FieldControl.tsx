import { useId, type ReactNode } from 'react';
import type { TemplateField } from '../../../shared/schemas/templates.js';
import type { FieldText } from './templateText.js';

export interface FieldControlProps {
  field: TemplateField;
  /** The field's label, help and choice labels in the UI's language (see templateText). */
  words: FieldText;
  text: string;
  /** The form's own objection or the server's, whichever applies; null when fine. */
  problem: string | null;
  /** Problems show only once the writer has touched the field or tried to generate. */
  showProblem: boolean;
  onChange: (text: string) => void;
  onBlur: () => void;
}

/** One labelled control with its help text; the test id sits on the control itself. */
export function FieldControl(props: FieldControlProps): ReactNode {
  const { field, words, text, problem, showProblem, onChange, onBlur } = props;
  const id = useId();
  const shown = showProblem ? problem : null;
  const common = {
    id,
    'data-testid': `template-field-${field.name}`,
    name: field.name,
    value: text,
    required: field.required,
    'aria-invalid': shown !== null,
    'aria-describedby': `${id}-help${shown ? ` ${id}-error` : ''}`,
    onBlur,
  };

  let control: ReactNode;
  if (field.type === 'choice') {
    control = (
      <select {...common} onChange={(event) => onChange(event.target.value)}>
        {field.choices.map((choice) => (
          <option key={choice} value={choice}>
            {words.choiceLabel(choice)}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'longText') {
    control = <textarea {...common} rows={4} onChange={(event) => onChange(event.target.value)} />;
  } else if (field.type === 'number') {
    control = (
      <input
        {...common}
        type="number"
        inputMode={field.integer ? 'numeric' : 'decimal'}
        min={field.min}
        max={field.max}
        step={field.integer ? 1 : 'any'}
        placeholder={field.default === undefined ? '' : String(field.default)}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else {
    control = <input {...common} type="text" onChange={(event) => onChange(event.target.value)} />;
  }

  return (
    <div className="template-field">
      <label htmlFor={id}>
        {words.label}
        {field.required && (
          <span className="template-required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {control}
      {shown && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {shown}
        </p>
      )}
      <p id={`${id}-help`} className="field-help">
        {words.help}
      </p>
    </div>
  );
}
