import type { ReactNode } from 'react';

/** The button at a section's heading that opens a form (its opener gets the focus back). */
export interface SectionAction {
  label: string;
  testId: string;
  opener: string;
  onClick: () => void;
}

/** A section of the lorebook panel: a heading, the action it offers, and its content. */
export function LoreSection(props: {
  id: string;
  heading: string;
  action?: SectionAction;
  className?: string;
  children: ReactNode;
}): ReactNode {
  const { action } = props;
  const heading = <h3 id={props.id}>{props.heading}</h3>;
  return (
    <section
      className={props.className ? `panel-section ${props.className}` : 'panel-section'}
      aria-labelledby={props.id}
    >
      {action ? (
        <div className="lore-section-head">
          {heading}
          <button
            type="button"
            className="secondary-button"
            data-testid={action.testId}
            data-opener={action.opener}
            onClick={action.onClick}
          >
            {action.label}
          </button>
        </div>
      ) : (
        heading
      )}
      {props.children}
    </section>
  );
}
