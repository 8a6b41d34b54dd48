import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumberInput } from './settingsForm.js';

export interface NumberFieldProps {
  label: string;
  help: string;
  testId: string;
  value: number;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  /** The server's objection to the saved value, if any. */
  serverError: string | null;
  onChange: (value: number) => void;
}

/**
 * A labelled number with its help text. What is typed is kept as text, so a half-typed "0."
 * is not rewritten; only a real number reaches onChange.
 */
export function NumberField(props: NumberFieldProps): ReactNode {
  const { label, help, testId, value, min, max, step, integer, serverError, onChange } = props;
  const { t } = useTranslation('generation');
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shownValue, setShownValue] = useState(value);
  // A new value from outside (a preset was picked): show it, unless the text already says so.
  if (value !== shownValue) {
    setShownValue(value);
    if (parseNumberInput(text, integer) !== value) setText(String(value));
  }
  const parsed = parseNumberInput(text, integer);
  const localError =
    parsed === null ? t(integer ? 'settings.enterWholeNumber' : 'settings.enterNumber') : null;
  // What is typed is already a number of the right kind, so the server can only object to the
  // range; say the range in plain words and keep its exact message as a tooltip.
  const rangeError = serverError === null ? null : t('settings.useRange', { min, max });
  const error = localError ?? rangeError;

  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        data-testid={testId}
        min={min}
        max={max}
        step={step}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        onChange={(event) => {
          setText(event.target.value);
          const next = parseNumberInput(event.target.value, integer);
          if (next !== null) {
            setShownValue(next);
            onChange(next);
          }
        }}
      />
      {error && (
        <p
          id={`${id}-error`}
          className="field-error"
          role="alert"
          title={localError === null ? (serverError ?? undefined) : undefined}
        >
          {error}
        </p>
      )}
      <p id={`${id}-help`} className="field-help">
        {help}
      </p>
    </div>
  );
}
