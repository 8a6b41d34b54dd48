import { memo, useId, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LexicalEditor } from 'lexical';
import type { PromptFit } from '../../../shared/schemas/generations.js';
import type { LoreActivation } from '../../../shared/schemas/lorebook.js';
import { ContextBar } from '../../ui/ContextBar.js';
import { contextParts } from '../../ui/contextParts.js';
import { SidePanel } from '../../ui/SidePanel.js';
import { PromptText } from './PromptText.js';
import type { ContextView, ContinueStores } from '../../editor/continue/continueState.js';
import { useContextPreview } from './useContextPreview.js';
import '../../styles/contextViewer.css';

/**
 * The context viewer: exactly what the next continue at the cursor will send — the prompt with
 * each part coloured, each lorebook entry and why it is there, token counts per part, what was
 * trimmed and the room left for the output. It shows what the continue plugin follows (nextContext.ts), which never
 * loads a model by itself: without one, it shows the entries and offers to count.
 */
export function ContextViewerPanel(props: {
  stores: Pick<ContinueStores, 'nextContext'>;
  editorRef: RefObject<LexicalEditor | null>;
  onClose: () => void;
}): ReactNode {
  const { t } = useTranslation('lorebook');
  const { view, problem, countWithModel, counting } = useContextPreview(
    props.stores,
    props.editorRef,
  );
  return (
    <SidePanel
      title={t('viewer.title')}
      testId="context-viewer"
      className="context-viewer"
      onClose={props.onClose}
    >
      <div className="context-body">
        {problem !== null && (
          <p className="panel-problem" role="alert" data-testid="context-problem">
            {problem}
          </p>
        )}
        {view === null && problem === null && (
          <p className="sidebar-note" role="status">
            {t('viewer.loading')}
          </p>
        )}
        {view && view.fit === null && (
          <section className="context-needs-model" data-testid="context-needs-model">
            <p>{t('viewer.needsModel')}</p>
            <button
              type="button"
              className="secondary-button"
              data-testid="context-count"
              disabled={counting}
              onClick={countWithModel}
            >
              {counting ? t('viewer.counting') : t('viewer.count')}
            </button>
          </section>
        )}
        {view && <ContextDetails view={view} />}
      </div>
    </SidePanel>
  );
}

/** Drawn again only when an answer differs from the last one (nextContext.ts). */
const ContextDetails = memo(function ContextDetails({ view }: { view: ContextView }): ReactNode {
  const { t } = useTranslation('lorebook');
  const id = useId();
  const { fit, activations } = view;
  const plan = fit?.plan ?? null;
  const tokens = plan
    ? Object.fromEntries(contextParts(plan).map((part) => [part.part, part.tokens]))
    : {};
  const count = (part: string): number | null => (plan ? (tokens[part] ?? 0) : null);
  const noteDepth = plan?.noteDepth;
  return (
    <>
      {plan && (
        <section className="panel-section" aria-labelledby={`${id}-used`}>
          <h3 id={`${id}-used`}>{t('viewer.usedHeading')}</h3>
          <ContextBar plan={plan} />
          <p
            className="context-summary"
            data-testid="context-summary"
            data-prompt-tokens={plan.promptTokens}
          >
            {t('viewer.summary', {
              prompt: plan.promptTokens,
              output: plan.maxNewTokens,
              free: tokens.free ?? 0,
              size: plan.contextSize,
            })}
          </p>
        </section>
      )}
      <section className="panel-section" aria-labelledby={`${id}-parts`}>
        <h3 id={`${id}-parts`}>{t('viewer.partsHeading')}</h3>
        <ul className="context-parts">
          <PartLine part="memory" label={t('parts.memory')} tokens={count('memory')} />
          <li className="context-lore" data-testid="context-part-lore">
            <span className="context-part-name">
              <span className="context-swatch context-part-lore" aria-hidden="true" />
              {t('parts.lore')}
            </span>
            <ActiveEntries activations={activations} fit={fit} />
          </li>
          <PartLine part="note" label={t('parts.note')} tokens={count('note')}>
            {noteDepth && (tokens.note ?? 0) > 0 && (
              <div className="context-why" data-testid="context-note-depth">
                {t(
                  noteDepth.unit === 'lines' ? 'viewer.noteDepthLines' : 'viewer.noteDepthTokens',
                  { count: noteDepth.amount },
                )}
              </div>
            )}
          </PartLine>
          <PartLine part="text" label={t('parts.text')} tokens={count('text')}>
            {plan && plan.droppedTokens > 0 && (
              <div className="context-why" data-testid="context-trimmed">
                {t(plan.droppedTokensEstimated ? 'viewer.trimmedAbout' : 'viewer.trimmed', {
                  count: plan.droppedTokens,
                })}
              </div>
            )}
          </PartLine>
          {plan && <PartLine part="output" label={t('parts.output')} tokens={plan.maxNewTokens} />}
        </ul>
      </section>
      {fit && (
        <section className="panel-section" aria-labelledby={`${id}-prompt`}>
          <h3 id={`${id}-prompt`}>{t('viewer.promptHeading')}</h3>
          <PromptText fit={fit} />
        </section>
      )}
    </>
  );
});

function ActiveEntries(props: { activations: LoreActivation[]; fit: PromptFit | null }): ReactNode {
  const { t } = useTranslation('lorebook');
  const { activations, fit } = props;
  if (activations.length === 0) {
    return (
      <p className="context-why context-quiet" data-testid="context-no-entries">
        {t('viewer.noEntries')}
      </p>
    );
  }
  const fitted = new Map((fit?.plan.lore ?? []).map((entry) => [entry.id, entry]));
  return (
    <ul className="context-entries">
      {activations.map((activation) => {
        const entry = fitted.get(activation.entryId);
        const state =
          activation.reason === 'timedOut'
            ? 'timedOut'
            : fit === null
              ? 'active'
              : entry?.included
                ? 'included'
                : 'overBudget';
        return (
          <li
            key={activation.entryId}
            className="context-entry"
            data-testid="context-entry"
            data-entry-title={activation.title}
            data-state={state}
          >
            <span className="context-entry-title">{activation.title || t('viewer.untitled')}</span>
            {state === 'included' && (
              <span className="context-count">
                {t('viewer.tokens', { count: entry?.tokens ?? 0 })}
              </span>
            )}
            <div
              className={`context-why${state === 'overBudget' || state === 'timedOut' ? ' context-left-out' : ''}`}
            >
              {whyText(activation, state, t)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function PartLine(props: {
  part: string;
  label: string;
  /** Null while no model counts. */
  tokens: number | null;
  children?: ReactNode;
}): ReactNode {
  const { t } = useTranslation('lorebook');
  return (
    <li data-testid={`context-part-${props.part}`}>
      <span className="context-part-name">
        <span className={`context-swatch context-part-${props.part}`} aria-hidden="true" />
        {props.label}
      </span>
      {props.tokens !== null && (
        <span className="context-count">{t('viewer.tokens', { count: props.tokens })}</span>
      )}
      {props.children}
    </li>
  );
}

function whyText(
  activation: LoreActivation,
  state: 'included' | 'active' | 'overBudget' | 'timedOut',
  t: TFunction<'lorebook'>,
): string {
  if (state === 'timedOut') return t('viewer.whyTimedOut', { key: activation.key ?? '' });
  const why =
    activation.reason === 'alwaysOn'
      ? t('viewer.whyAlwaysOn')
      : t('viewer.whyKey', { key: activation.key ?? '', match: activation.match ?? '' });
  return state === 'overBudget' ? `${why} ${t('viewer.overBudget')}` : why;
}
