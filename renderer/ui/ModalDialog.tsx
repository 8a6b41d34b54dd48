import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE =
  'button:not([disabled]), select:not([disabled]), input:not([hidden]), [tabindex="0"]';

/**
 * Tab and Shift+Tab go round inside the dialog. The page behind a modal <dialog> is inert, but
 * the browser still lets Tab leave the last control for its own toolbar.
 */
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

/** A press on the backdrop: the browser gives it to the dialog, outside the dialog's own box. */
function isOnBackdrop(event: MouseEvent<HTMLDialogElement>): boolean {
  if (event.target !== event.currentTarget) return false;
  const box = event.currentTarget.getBoundingClientRect();
  return (
    event.clientX < box.left ||
    event.clientX > box.right ||
    event.clientY < box.top ||
    event.clientY > box.bottom
  );
}

/**
 * A modal dialog over the app: the browser's <dialog>, opened with showModal(), so the page
 * behind it is inert (no clicks, focus or screen reader there) and Escape asks it to close. It
 * has a title and a Close button, a press outside it closes it too, Tab stays inside, and focus
 * returns where it was (usually the text) when it closes. It opens at the first
 * `[data-autofocus]` control inside, else at Close. Closing is the owner's: it unmounts it.
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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement;
    dialog.showModal();
    const autofocus = dialog.querySelector<HTMLElement>('[data-autofocus]:not([disabled])');
    (autofocus ?? closeRef.current)?.focus();
    return () => {
      // Unmounted, the dialog has left the page already; close() matters for React's
      // development re-run of effects, which keeps it on the page.
      dialog.close();
      if (previouslyFocused instanceof HTMLElement) previouslyFocused.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className={props.className ? `dialog ${props.className}` : 'dialog'}
      aria-labelledby={props.titleId}
      data-testid={props.testId}
      onCancel={(event) => {
        // Escape: the owner closes it by unmounting, so the browser need not.
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        if (isOnBackdrop(event)) onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Tab') keepFocusInside(event);
      }}
    >
      <div className="dialog-header">
        <h2 id={props.titleId}>{props.title}</h2>
        <button ref={closeRef} type="button" className="quiet-button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {props.children}
    </dialog>
  );
}
