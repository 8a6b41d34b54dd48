import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_STOP_STRINGS, MAX_STOP_STRING_CHARS } from '../../../shared/schemas/engine.js';
import type { StopAt } from '../../../shared/schemas/generations.js';
import { displayStopString, parseStopStringInput } from './settingsForm.js';

export interface StopFieldsProps {
  stopAt: StopAt;
  stop: string[];
  serverError: string | null;
  onStopAtChange: (stopAt: StopAt) => void;
  onStopChange: (stop: string[]) => void;
}

/** Where a continuation ends early: a sentence or paragraph end, or strings of the writer's. */
export function StopFields(props: StopFieldsProps): ReactNode {
  const { stopAt, stop, serverError, onStopAtChange, onStopChange } = props;
  const { t } = useTranslation('generation');
  const id = useId();
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const full = stop.length >= MAX_STOP_STRINGS;

  const add = (): void => {
    const value = parseStopStringInput(draft);
    if (value === '') return;
    if (stop.includes(value)) {
      setDraftError(t('stop.duplicate'));
      return;
    }
    if (value.length > MAX_STOP_STRING_CHARS) {
      setDraftError(t('stop.tooLong', { max: MAX_STOP_STRING_CHARS }));
      return;
    }
    setDraftError(null);
    setDraft('');
    onStopChange([...stop, value]);
  };

  const error = draftError ?? serverError;
  return (
    <>
      <div className="settings-field">
        <label htmlFor={`${id}-stop-at`}>{t('stop.stopAt')}</label>
        <select
          id={`${id}-stop-at`}
          data-testid="param-stop-at"
          value={stopAt}
          aria-describedby={`${id}-stop-at-help`}
          onChange={(event) => onStopAtChange(event.target.value as StopAt)}
        >
          <option value="none">{t('stop.stopAtNone')}</option>
          <option value="sentence">{t('stop.stopAtSentence')}</option>
          <option value="paragraph">{t('stop.stopAtParagraph')}</option>
        </select>
        <p id={`${id}-stop-at-help`} className="field-help">
          {t('stop.stopAtHelp')}
        </p>
      </div>
      <div className="settings-field">
        <label htmlFor={`${id}-stop`}>{t('stop.custom')}</label>
        {stop.length > 0 && (
          <ul className="stop-strings" aria-label={t('stop.list')}>
            {stop.map((entry) => (
              <li key={entry} className="stop-string" data-testid="stop-string">
                <code>{displayStopString(entry)}</code>
                <button
                  type="button"
                  className="quiet-button"
                  aria-label={t('stop.remove', { stop: displayStopString(entry) })}
                  onClick={() => onStopChange(stop.filter((other) => other !== entry))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="inline-row">
          <input
            id={`${id}-stop`}
            type="text"
            data-testid="stop-string-input"
            value={draft}
            disabled={full}
            placeholder={full ? t('stop.full', { max: MAX_STOP_STRINGS }) : t('stop.placeholder')}
            aria-invalid={error !== null}
            aria-describedby={`${id}-stop-help${error ? ` ${id}-stop-error` : ''}`}
            onChange={(event) => {
              setDraft(event.target.value);
              setDraftError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button
            type="button"
            className="quiet-button"
            data-testid="stop-string-add"
            disabled={full || draft === ''}
            onClick={add}
          >
            {t('stop.add')}
          </button>
        </div>
        {error && (
          <p id={`${id}-stop-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
        <p id={`${id}-stop-help`} className="field-help">
          {t('stop.help', { max: MAX_STOP_STRINGS })}
        </p>
      </div>
    </>
  );
}
