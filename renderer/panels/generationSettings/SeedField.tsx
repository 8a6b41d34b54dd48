import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SEED } from '../../../shared/schemas/engine.js';
import { parseSeedInput, randomSeed } from './settingsForm.js';

export interface SeedFieldProps {
  /** undefined: a new random seed for every continuation. */
  seed: number | undefined;
  serverError: string | null;
  onChange: (seed: number | undefined) => void;
}

/** Random or fixed seed; a fixed one gives the same text again for the same text and settings. */
export function SeedField(props: SeedFieldProps): ReactNode {
  const { seed, serverError, onChange } = props;
  const { t } = useTranslation('generation');
  const id = useId();
  const [text, setText] = useState(seed === undefined ? '' : String(seed));
  const [shownSeed, setShownSeed] = useState(seed);
  if (seed !== shownSeed) {
    setShownSeed(seed);
    if (seed !== undefined && parseSeedInput(text) !== seed) setText(String(seed));
  }
  const fixed = seed !== undefined;
  const localError =
    fixed && parseSeedInput(text) === null ? t('seed.invalid', { max: MAX_SEED }) : null;
  const error = localError ?? serverError;

  return (
    <div className="settings-field">
      <label htmlFor={`${id}-mode`}>{t('seed.label')}</label>
      <div className="inline-row">
        <select
          id={`${id}-mode`}
          data-testid="param-seed-mode"
          value={fixed ? 'fixed' : 'random'}
          aria-describedby={`${id}-help`}
          onChange={(event) => {
            if (event.target.value === 'random') {
              onChange(undefined);
              return;
            }
            const next = parseSeedInput(text) ?? randomSeed();
            setText(String(next));
            setShownSeed(next);
            onChange(next);
          }}
        >
          <option value="random">{t('seed.random')}</option>
          <option value="fixed">{t('seed.fixed')}</option>
        </select>
        {fixed && (
          <input
            type="number"
            inputMode="numeric"
            data-testid="param-seed"
            aria-label={t('seed.number')}
            min={0}
            max={MAX_SEED}
            step={1}
            value={text}
            aria-invalid={error !== null}
            onChange={(event) => {
              setText(event.target.value);
              const next = parseSeedInput(event.target.value);
              if (next !== null) {
                setShownSeed(next);
                onChange(next);
              }
            }}
          />
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p id={`${id}-help`} className="field-help">
        {t('seed.help')}
      </p>
    </div>
  );
}
