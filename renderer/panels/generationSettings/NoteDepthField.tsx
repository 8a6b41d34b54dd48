import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NOTE_DEPTH } from '../../../shared/schemas/generations.js';
import { NumberField } from './NumberField.js';

/** Where the author's note goes: so many lines, or at least so many tokens, before the end. */
export function NoteDepthField(props: {
  unit: 'lines' | 'tokens';
  depth: number;
  serverError: string | null;
  onChange: (unit: 'lines' | 'tokens', depth: number) => void;
}): ReactNode {
  const { t } = useTranslation('generation');
  const id = useId();
  return (
    <>
      <NumberField
        label={t('noteDepth.label')}
        help={t('noteDepth.help')}
        testId="note-depth"
        value={props.depth}
        min={0}
        max={MAX_NOTE_DEPTH}
        step={1}
        integer
        serverError={props.serverError}
        onChange={(depth) => props.onChange(props.unit, depth)}
      />
      <div className="settings-field">
        <label htmlFor={`${id}-unit`}>{t('noteDepth.unit')}</label>
        <select
          id={`${id}-unit`}
          data-testid="note-depth-unit"
          value={props.unit}
          onChange={(event) =>
            props.onChange(event.target.value === 'tokens' ? 'tokens' : 'lines', props.depth)
          }
        >
          <option value="lines">{t('noteDepth.lines')}</option>
          <option value="tokens">{t('noteDepth.tokens')}</option>
        </select>
      </div>
    </>
  );
}
