import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { isUntitled } from '../ui/displayTitle.js';

export interface DocumentTitleProps {
  title: string;
  onRename: (title: string) => Promise<void>;
  /** Where Enter and Escape send the writer afterwards: the text. */
  onDone: () => void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** A new document starts with its title selected, ready to be typed over. */
  focusOnMount?: boolean;
}

/**
 * The title above the text: edited in place, committed on Enter or when it loses focus. A
 * document without a title shows an empty field with "Untitled" (in the UI language) as its
 * placeholder, ready to be typed into.
 */
export function DocumentTitle({
  title,
  onRename,
  onDone,
  inputRef,
  focusOnMount,
}: DocumentTitleProps): ReactNode {
  const { t } = useTranslation(['app', 'common']);
  const shown = isUntitled(title) ? '' : title;
  const [draft, setDraft] = useState(shown);
  const editing = useRef(false);
  // Escape leaves the field too; its blur must not commit the draft it just threw away.
  const discardOnBlur = useRef(false);

  useEffect(() => {
    if (focusOnMount) inputRef.current?.select();
    // Only when this document's editor first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A rename from elsewhere (another window) shows up unless the writer is typing here.
  useEffect(() => {
    if (!editing.current) setDraft(shown);
  }, [shown]);

  const commit = async (): Promise<void> => {
    editing.current = false;
    if (discardOnBlur.current) {
      discardOnBlur.current = false;
      return;
    }
    const next = draft.trim();
    if (next === shown) {
      setDraft(shown);
      return;
    }
    try {
      await onRename(next);
    } catch {
      setDraft(shown);
    }
  };

  return (
    <input
      ref={inputRef}
      className="doc-title-input"
      data-testid="doc-title"
      aria-label={t('documentTitle.label')}
      placeholder={t('common:untitled')}
      value={draft}
      onFocus={() => {
        editing.current = true;
      }}
      onChange={(event) => {
        editing.current = true;
        setDraft(event.target.value);
      }}
      onBlur={() => void commit()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          // Blurring commits; moving on to the text is what a writer wants next.
          event.currentTarget.blur();
          onDone();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          discardOnBlur.current = true;
          setDraft(shown);
          event.currentTarget.blur();
          onDone();
        }
      }}
    />
  );
}
