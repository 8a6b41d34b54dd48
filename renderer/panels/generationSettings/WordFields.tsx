import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WORDS, MAX_WORD_CHARS } from '../../../shared/schemas/engine.js';
import { parseNumberInput } from './settingsForm.js';

export interface WordBiasEntry {
  word: string;
  bias: number;
}

/**
 * Words the model must never write, and words made likelier or less likely (−10 to +10): entered
 * as words, turned into token biases for every common form of each by the engine.
 */
export function WordFields(props: {
  bannedWords: string[];
  wordBiases: WordBiasEntry[];
  penalizeNewLine: boolean;
  serverError: string | null;
  onBannedChange: (words: string[]) => void;
  onBiasesChange: (biases: WordBiasEntry[]) => void;
  onPenalizeNewLineChange: (on: boolean) => void;
}): ReactNode {
  const { t } = useTranslation('generation');
  const id = useId();
  const [banDraft, setBanDraft] = useState('');
  const [biasWord, setBiasWord] = useState('');
  const [biasText, setBiasText] = useState('2');
  const { bannedWords, wordBiases } = props;
  const biasValue = parseNumberInput(biasText, false);
  const biasValid = biasValue !== null && biasValue >= -10 && biasValue <= 10 && biasValue !== 0;

  const addBan = (): void => {
    const word = banDraft.trim();
    if (word === '' || bannedWords.includes(word) || bannedWords.length >= MAX_WORDS) return;
    setBanDraft('');
    props.onBannedChange([...bannedWords, word]);
  };
  const addBias = (): void => {
    const word = biasWord.trim();
    if (word === '' || !biasValid || wordBiases.length >= MAX_WORDS) return;
    setBiasWord('');
    props.onBiasesChange([
      ...wordBiases.filter((entry) => entry.word !== word),
      { word, bias: biasValue },
    ]);
  };

  return (
    <>
      <label className="settings-field checkbox-row">
        <input
          type="checkbox"
          data-testid="param-penalize-newline"
          checked={props.penalizeNewLine}
          onChange={(event) => props.onPenalizeNewLineChange(event.target.checked)}
        />
        {t('words.penalizeNewLine')}
      </label>
      <p className="field-help">{t('words.penalizeNewLineHelp')}</p>
      <div className="settings-field">
        <label htmlFor={`${id}-ban`}>{t('words.banned')}</label>
        {bannedWords.length > 0 && (
          <ul className="stop-strings" aria-label={t('words.banned')}>
            {bannedWords.map((word) => (
              <li key={word} className="stop-string" data-testid="banned-word">
                <code>{word}</code>
                <button
                  type="button"
                  className="quiet-button"
                  aria-label={t('words.remove', { word })}
                  onClick={() =>
                    props.onBannedChange(bannedWords.filter((other) => other !== word))
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="inline-row">
          <input
            id={`${id}-ban`}
            type="text"
            data-testid="banned-word-input"
            maxLength={MAX_WORD_CHARS}
            value={banDraft}
            onChange={(event) => setBanDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                addBan();
              }
            }}
          />
          <button
            type="button"
            className="quiet-button"
            data-testid="banned-word-add"
            disabled={banDraft.trim() === ''}
            onClick={addBan}
          >
            {t('stop.add')}
          </button>
        </div>
        <p className="field-help">{t('words.bannedHelp', { max: MAX_WORDS })}</p>
      </div>
      <div className="settings-field">
        <label htmlFor={`${id}-bias-word`}>{t('words.biases')}</label>
        {wordBiases.length > 0 && (
          <ul className="stop-strings" aria-label={t('words.biases')}>
            {wordBiases.map((entry) => (
              <li key={entry.word} className="stop-string" data-testid="word-bias">
                <code>
                  {entry.word} {entry.bias > 0 ? `+${entry.bias}` : entry.bias}
                </code>
                <button
                  type="button"
                  className="quiet-button"
                  aria-label={t('words.remove', { word: entry.word })}
                  onClick={() =>
                    props.onBiasesChange(wordBiases.filter((other) => other.word !== entry.word))
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="inline-row">
          <input
            id={`${id}-bias-word`}
            type="text"
            data-testid="word-bias-word"
            maxLength={MAX_WORD_CHARS}
            value={biasWord}
            onChange={(event) => setBiasWord(event.target.value)}
          />
          <input
            type="number"
            aria-label={t('words.biasValue')}
            data-testid="word-bias-value"
            min={-10}
            max={10}
            step={0.5}
            value={biasText}
            aria-invalid={!biasValid}
            onChange={(event) => setBiasText(event.target.value)}
          />
          <button
            type="button"
            className="quiet-button"
            data-testid="word-bias-add"
            disabled={biasWord.trim() === '' || !biasValid}
            onClick={addBias}
          >
            {t('stop.add')}
          </button>
        </div>
        {props.serverError && (
          <p className="field-error" role="alert">
            {props.serverError}
          </p>
        )}
        <p className="field-help">{t('words.biasesHelp')}</p>
      </div>
    </>
  );
}
