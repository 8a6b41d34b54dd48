/** The popover of one token: its top alternatives with their probabilities, keyboard first. */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, visibleToken } from './heatMap.js';
import { KEEPS_SUGGESTION_ATTRIBUTE } from './probabilityShortcuts.js';

interface PopoverProps {
  rect: DOMRect | null;
  tokenText: string;
  position: number;
  count: number;
  alternatives: readonly { text: string; p: number }[];
  writtenText: string;
  option: number;
  notice: string | null;
  onOption: (option: number) => void;
  onToken: (delta: 1 | -1) => void;
  onChoose: (text: string) => void;
  onClose: () => void;
}

/** The top alternatives of one token, as a listbox that takes the focus (keyboard first). */
export function TokenPopover(props: PopoverProps): ReactNode {
  const { t, i18n } = useTranslation('editor');
  const list = useRef<HTMLUListElement>(null);
  const { alternatives, option } = props;
  useEffect(() => list.current?.focus(), []);
  const optionId = (index: number): string => `token-alternative-${index}`;
  const onKeyDown = (event: KeyboardEvent): void => {
    const handled = (): void => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      handled();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      props.onOption((option + step + alternatives.length) % alternatives.length);
    } else if (event.key === 'Home' || event.key === 'End') {
      handled();
      props.onOption(event.key === 'Home' ? 0 : alternatives.length - 1);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      handled();
      props.onToken(event.key === 'ArrowRight' ? 1 : -1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      handled();
      const chosen = alternatives[option];
      if (chosen) props.onChoose(chosen.text);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      handled();
      props.onClose();
    }
  };
  const top = (props.rect?.bottom ?? 80) + 6;
  const left = Math.max(8, Math.min(props.rect?.left ?? 80, window.innerWidth - 280));
  const label = t('probabilities.popoverLabel', {
    token: visibleToken(props.tokenText),
    index: props.position + 1,
    count: props.count,
  });
  return (
    <div
      className="token-popover"
      style={{ top, left }}
      {...{ [KEEPS_SUGGESTION_ATTRIBUTE]: '' }}
      data-testid="token-popover"
    >
      <p className="token-popover-title" aria-hidden="true">
        {visibleToken(props.tokenText)}
      </p>
      <ul
        ref={list}
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-activedescendant={optionId(option)}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          const to = event.relatedTarget;
          if (!(to instanceof Node) || !event.currentTarget.parentElement?.contains(to)) {
            props.onClose();
          }
        }}
      >
        {alternatives.map((alternative, index) => {
          const written = alternative.text === props.writtenText;
          const percent = formatPercent(alternative.p, i18n.language);
          return (
            <li
              key={`${index}-${alternative.text}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === option}
              className={`token-option${index === option ? ' is-active' : ''}`}
              aria-label={
                t('probabilities.option', { token: visibleToken(alternative.text), percent }) +
                (written ? ` (${t('probabilities.chosen')})` : '')
              }
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => props.onChoose(alternative.text)}
            >
              <span className="token-option-text">{visibleToken(alternative.text)}</span>
              <span className="token-option-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(alternative.p * 100)}%` }} />
              </span>
              <span className="token-option-percent">{percent}</span>
              {written ? (
                <span className="token-option-written">{t('probabilities.chosen')}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {alternatives.length <= 1 ? (
        <p className="token-popover-hint">{t('probabilities.noAlternatives')}</p>
      ) : null}
      {props.notice ? (
        <p className="token-popover-notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p className="token-popover-hint" aria-hidden="true">
        {t('probabilities.popoverHint')}
      </p>
    </div>
  );
}
