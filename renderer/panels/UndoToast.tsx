import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from '../keyboard/appShortcuts.js';

export interface UndoToastState {
  /** Distinguishes toasts with the same text, so each restarts the timer. */
  key: number;
  message: string;
  onUndo: () => void;
  /** The key that undoes it elsewhere, for the tooltip (absent: the documents' undo delete). */
  undoShortcut?: string;
}

const VISIBLE_MS = 12_000;

/**
 * "Deleted “X”. Undo" — with the mouse, Ctrl+Z while it has focus, or its shortcut (Ctrl+Alt+Z
 * anywhere for a document; Ctrl+Z in the tree panel for a branch).
 */
export function UndoToast(props: {
  toast: UndoToastState | null;
  onDismiss: () => void;
}): ReactNode {
  const { toast, onDismiss } = props;
  const { t } = useTranslation();

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);

  if (!toast) return null;
  const undo = (): void => {
    onDismiss();
    toast.onUndo();
  };
  return (
    <div
      className="toast"
      role="status"
      data-testid="toast"
      tabIndex={-1}
      onKeyDown={(event) => {
        const isUndo =
          (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z';
        if (isUndo) {
          event.preventDefault();
          event.stopPropagation();
          undo();
        } else if (event.key === 'Escape') {
          onDismiss();
        }
      }}
    >
      <span>{toast.message}</span>
      <button
        type="button"
        className="toast-button"
        data-testid="toast-undo"
        title={t('withShortcut', {
          label: t('undo'),
          shortcut: toast.undoShortcut ?? shortcutLabel('undoDelete'),
        })}
        onClick={undo}
      >
        {t('undo')}
      </button>
      <button type="button" className="quiet-button" aria-label={t('dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
