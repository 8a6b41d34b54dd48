/** The lorebook form's fields: a labelled control with its plain-language help under it. */
import type { ReactNode } from 'react';

/** The id of a field's help, for its control's aria-describedby. */
export const helpIdOf = (id: string): string => `${id}-help`;

export function Field(props: {
  id: string;
  label: string;
  help?: string;
  children: ReactNode;
}): ReactNode {
  return (
    <div className="lore-field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.help !== undefined && (
        <p id={helpIdOf(props.id)} className="lore-help">
          {props.help}
        </p>
      )}
    </div>
  );
}

/** A whole number; what is not one (an emptied field) leaves the value as it was. */
export function NumberField(props: {
  id: string;
  label: string;
  help?: string;
  testId: string;
  min: number;
  max: number;
  value: number;
  disabled?: boolean;
  onChange: (value: number) => void;
}): ReactNode {
  return (
    <Field id={props.id} label={props.label} help={props.help}>
      <input
        id={props.id}
        type="number"
        className="lore-number"
        data-testid={props.testId}
        min={props.min}
        max={props.max}
        disabled={props.disabled}
        aria-describedby={props.help === undefined ? undefined : helpIdOf(props.id)}
        value={props.value}
        onChange={(event) => {
          const parsed = Number.parseInt(event.target.value, 10);
          props.onChange(Number.isFinite(parsed) ? parsed : props.value);
        }}
      />
    </Field>
  );
}

export function Check(props: {
  label: string;
  testId: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}): ReactNode {
  return (
    <label className="lore-check">
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      {props.label}
    </label>
  );
}
