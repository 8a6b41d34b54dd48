import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/sidePanel.css';

export interface SidePanelProps {
  /** The heading, which also names the panel for assistive technology. */
  title: string;
  testId: string;
  /** The panel's own class, for its styles; the frame's are on `side-panel`. */
  className: string;
  onClose: () => void;
  /** The panel element, for a panel that has to give it the focus back (see SidePanel). */
  panelRef?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/**
 * The frame of a panel in the window's right-hand column: its heading and a Close button, and
 * Escape inside it closes it, unless a control inside has used the key already (a form that
 * Escape cancels calls preventDefault). The panel takes the focus when it opens so that Escape
 * works at once; a panel that wants the focus on one of its controls (a search box) moves it
 * there in its own effect, which React runs after this one.
 */
export function SidePanel(props: SidePanelProps): ReactNode {
  const { title, testId, className, onClose, panelRef, children } = props;
  const { t } = useTranslation('common');
  const ownRef = useRef<HTMLElement>(null);
  const asideRef = panelRef ?? ownRef;

  useEffect(() => asideRef.current?.focus(), [asideRef]);

  return (
    <aside
      ref={asideRef}
      tabIndex={-1}
      className={`side-panel ${className}`}
      aria-label={title}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="panel-header">
        <h2>{title}</h2>
        <button type="button" className="quiet-button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {children}
    </aside>
  );
}
