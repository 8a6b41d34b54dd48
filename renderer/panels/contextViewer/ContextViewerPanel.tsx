import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LexicalEditor } from 'lexical';
import type { PromptFit } from '../../../shared/schemas/generations.js';
import type { LoreActivation } from '../../../shared/schemas/lorebook.js';
import { ContextBar } from '../../ui/ContextBar.js';
import { contextParts } from '../../ui/contextParts.js';
import { SidePanel } from '../../ui/SidePanel.js';
import { useContextPreview } from './useContextPreview.js';

/**
 * The context viewer: exactly what the next continue at the cursor will send — the prompt with
 * each part coloured, each lorebook entry and why it is there, token counts per part, what was
 * trimmed and the room left for the output. It follows the text (useContextPreview).
 */
export function ContextViewerPanel(props: {
  documentId: string;
  editorRef: RefObject<LexicalEditor | null>;
  onClose: () => void;
}): ReactNode {
  const { t } = useTranslation('lorebook');
  const { view, problem } = useContextPreview(props.documentId, props.editorRef);
  return (
    <SidePanel
      title={t('viewer.title')}
      testId="context-viewer"
      className="context-viewer"
      onClose={props.onClose}
    >
      {problem !== null && (
        <p className="panel-problem" role="alert" data-testid="context-problem">
          {problem}
        </p>
      )}
      {view === null && problem === null && <p>{t('viewer.loading')}</p>}
      {view && <ContextDetails fit={view.fit} activations={view.activations} />}
    </SidePanel>
  );
}

function ContextDetails({
  fit,
  activations,
}: {
  fit: PromptFit;
  activations: LoreActivation[];
}): ReactNode {
  const { t } = useTranslation('lorebook');
  const { plan } = fit;
  const tokens = Object.fromEntries(contextParts(plan).map((part) => [part.part, part.tokens]));
  const loreTokens = new Map((plan.lore ?? []).map((entry) => [entry.id, entry]));
  const noteDepth = plan.noteDepth;
  return (
    <>
      <ContextBar plan={plan} />
      <p data-testid="context-summary">
        {t('viewer.summary', {
          prompt: plan.promptTokens,
          output: plan.maxNewTokens,
          free: tokens.free ?? 0,
          size: plan.contextSize,
        })}
      </p>
      <ul className="context-parts">
        <PartLine part="memory" label={t('parts.memory')} tokens={tokens.memory ?? 0} />
        {activations.map((activation) => {
          const fitted = loreTokens.get(activation.entryId);
          const state =
            activation.reason === 'timedOut'
              ? 'timedOut'
              : fitted?.included
                ? 'included'
                : 'overBudget';
          return (
            <li
              key={activation.entryId}
              data-testid="context-entry"
              data-entry-title={activation.title}
              data-state={state}
            >
              <span className="context-swatch context-part-lore" />
              {activation.title || t('viewer.untitled')}
              {state === 'included' && ` — ${t('viewer.tokens', { count: fitted?.tokens ?? 0 })}`}
              <div className={`context-why${state === 'included' ? '' : ' context-left-out'}`}>
                {whyText(activation, state, t)}
              </div>
            </li>
          );
        })}
        {activations.length === 0 && (
          <li className="context-why" data-testid="context-no-entries">
            {t('viewer.noEntries')}
          </li>
        )}
        <PartLine part="note" label={t('parts.note')} tokens={tokens.note ?? 0}>
          {noteDepth && (tokens.note ?? 0) > 0 && (
            <div className="context-why" data-testid="context-note-depth">
              {t(noteDepth.unit === 'lines' ? 'viewer.noteDepthLines' : 'viewer.noteDepthTokens', {
                count: noteDepth.amount,
              })}
            </div>
          )}
        </PartLine>
        <PartLine part="text" label={t('parts.text')} tokens={tokens.text ?? 0}>
          {plan.droppedTokens > 0 && (
            <div className="context-why" data-testid="context-trimmed">
              {t(plan.droppedTokensEstimated ? 'viewer.trimmedAbout' : 'viewer.trimmed', {
                count: plan.droppedTokens,
              })}
            </div>
          )}
        </PartLine>
        <PartLine part="output" label={t('parts.output')} tokens={plan.maxNewTokens} />
      </ul>
      <h3>{t('viewer.promptHeading')}</h3>
      <PromptText fit={fit} />
    </>
  );
}

function PartLine(props: {
  part: string;
  label: string;
  tokens: number;
  children?: ReactNode;
}): ReactNode {
  const { t } = useTranslation('lorebook');
  return (
    <li data-testid={`context-part-${props.part}`}>
      <span className={`context-swatch context-part-${props.part}`} />
      {props.label} — {t('viewer.tokens', { count: props.tokens })}
      {props.children}
    </li>
  );
}

function whyText(
  activation: LoreActivation,
  state: 'included' | 'overBudget' | 'timedOut',
  t: TFunction<'lorebook'>,
): string {
  if (state === 'timedOut') return t('viewer.whyTimedOut', { key: activation.key ?? '' });
  const why =
    activation.reason === 'alwaysOn'
      ? t('viewer.whyAlwaysOn')
      : t('viewer.whyKey', { key: activation.key ?? '', match: activation.match ?? '' });
  return state === 'overBudget' ? `${why} ${t('viewer.overBudget')}` : why;
}

/** The exact prompt text, each part marked so the panel's styles colour it. */
function PromptText({ fit }: { fit: PromptFit }): ReactNode {
  const segments = fit.segments ?? [
    { part: 'text' as const, start: 0, end: fit.promptText.length },
  ];
  return (
    <pre className="context-prompt" data-testid="context-prompt">
      {segments.map((segment) => (
        <span key={segment.start} data-part={segment.part} data-entry-id={segment.entryId}>
          {fit.promptText.slice(segment.start, segment.end)}
        </span>
      ))}
    </pre>
  );
}
