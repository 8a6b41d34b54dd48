import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE =
  'button:not([disabled]), select:not([disabled]), input:not([hidden]), [tabindex="0"]';

/** Tab and Shift+Tab go round inside the dialog instead of escaping to the page behind it. */
function keepFocusInside(event: KeyboardEvent<HTMLElement>): void {
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog over the app: a title and a Close button, Escape or a click outside closes it,
 * Tab stays inside, and focus returns where it was (usually the text) when it closes. It opens
 * at the first `[data-autofocus]` control inside, else at Close.
 */
export function ModalDialog(props: {
  title: ReactNode;
  titleId: string;
  testId: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}): ReactNode {
  const { t } = useTranslation('common');
  const { onClose } = props;
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previouslyFocused = document.activeElement;
    const autofocus = dialogRef.current?.querySelector<HTMLElement>(
      '[data-autofocus]:not([disabled])',
    );
    (autofocus ?? closeRef.current)?.focus();
    return () => {
      if (previouslyFocused instanceof HTMLElement) previouslyFocused.focus();
    };
  }, []);

  return (
    <div className="overlay" role="presentation" onMouseDown={onClose}>
      <div
        ref={dialogRef}
        className={props.className ? `dialog ${props.className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={props.titleId}
        data-testid={props.testId}
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          } else if (event.key === 'Tab') {
            keepFocusInside(event);
          }
        }}
      >
        <div className="dialog-header">
          <h2 id={props.titleId}>{props.title}</h2>
          <button ref={closeRef} type="button" className="quiet-button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
        {props.children}
      </div>
    </div>
  );
}
