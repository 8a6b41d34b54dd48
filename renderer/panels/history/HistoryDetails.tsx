import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerationRecord, GenerationSummary } from '../../../shared/schemas/generations.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { displayTitle } from '../../ui/displayTitle.js';
import { formatFullTime } from '../../ui/formatTime.js';
import { GenerationFacts } from './GenerationFacts.js';
import { finishLabel, firstLine, kindLabel } from './historyFormat.js';
import { ReplayView } from './ReplayView.js';
import { useReplay } from './useReplay.js';

export interface HistoryDetailsProps {
  record: GenerationRecord;
  reportError: ReportError;
  onInsert: (text: string) => void;
  /** Opens another entry (the parent, the original of a replay, an alternative). */
  onSelect: (id: string) => void;
  onDeleted: (id: string) => void;
}

/** One generation in full: prompt, output, settings, model, timings, relations, and actions. */
export function HistoryDetails(props: HistoryDetailsProps): ReactNode {
  const { record, reportError, onInsert, onSelect, onDeleted } = props;
  const { t } = useTranslation(['generation', 'common']);
  const client = useClient();
  const replay = useReplay(record.id, reportError);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [alternatives, setAlternatives] = useState<GenerationSummary[]>([]);

  useEffect(() => {
    setConfirmingDelete(false);
    let current = true;
    client.call('continue.alternatives', { spotId: record.spotId }).then(
      (siblings) => current && setAlternatives(siblings.filter((entry) => entry.id !== record.id)),
      // Alternatives are extra context; the details stand without them.
      () => current && setAlternatives([]),
    );
    return () => {
      current = false;
    };
  }, [client, record.id, record.spotId]);

  const remove = async (): Promise<void> => {
    try {
      await client.call('history.delete', { id: record.id });
      onDeleted(record.id);
    } catch (error) {
      reportError(error, t('details.deleteFailed'));
    }
  };

  return (
    <section
      className="history-details"
      data-testid="history-details"
      aria-label={t('details.label')}
    >
      <h3>
        {t('details.heading', {
          kind: kindLabel(record.kind),
          time: formatFullTime(record.createdAt),
        })}
      </h3>
      <p className="history-meta">
        {[
          finishLabel(record.finishReason),
          t(record.accepted ? 'history.kept' : 'history.notKept'),
          ...(record.documentTitle === null
            ? []
            : [t('history.inDocument', { title: displayTitle(record.documentTitle) })]),
        ].join(' · ')}
      </p>
      <div className="history-actions">
        <button
          type="button"
          className="primary-button"
          data-testid="history-insert"
          disabled={record.output === ''}
          onClick={() => onInsert(record.output)}
        >
          {t('details.insert')}
        </button>
        <button
          type="button"
          className="quiet-button"
          data-testid="history-replay"
          disabled={replay.running}
          title={t('details.replayHint')}
          onClick={replay.start}
        >
          {t(replay.running ? 'details.replaying' : 'details.replay')}
        </button>
        {confirmingDelete ? (
          <span className="history-confirm" role="group" aria-label={t('details.confirmDelete')}>
            <button
              type="button"
              className="quiet-button danger"
              data-testid="history-delete-confirm"
              autoFocus
              onClick={() => void remove()}
            >
              {t('details.deleteForGood')}
            </button>
            <button
              type="button"
              className="quiet-button"
              onClick={() => setConfirmingDelete(false)}
            >
              {t('details.keep')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="quiet-button danger"
            data-testid="history-delete"
            onClick={() => setConfirmingDelete(true)}
          >
            {t('common:delete')}
          </button>
        )}
      </div>
      <h4>{t('details.output')}</h4>
      <div className="history-text" data-testid="history-output" tabIndex={0}>
        {record.output || <em>{t('history.noText')}</em>}
      </div>
      {replay.progress && <ReplayView original={record} progress={replay.progress} />}
      <details className="history-prompt">
        <summary>{t('details.prompt', { count: record.promptTokens })}</summary>
        <div className="history-text" data-testid="history-prompt">
          {record.promptText}
        </div>
      </details>
      <GenerationFacts record={record} />
      <Relations record={record} alternatives={alternatives} onSelect={onSelect} />
    </section>
  );
}

function Relations(props: {
  record: GenerationRecord;
  alternatives: GenerationSummary[];
  onSelect: (id: string) => void;
}): ReactNode {
  const { record, alternatives, onSelect } = props;
  const { t } = useTranslation('generation');
  const links: { id: string; label: string }[] = [];
  if (record.replayOf) links.push({ id: record.replayOf, label: t('details.replayOf') });
  if (record.parentId) links.push({ id: record.parentId, label: t('details.parent') });
  if (links.length === 0 && alternatives.length === 0) return null;
  return (
    <>
      <h4>{t('details.related')}</h4>
      <ul className="history-relations">
        {links.map((link) => (
          <li key={link.id}>
            <button type="button" className="link-button" onClick={() => onSelect(link.id)}>
              {link.label}
            </button>
          </li>
        ))}
        {alternatives.map((alternative) => (
          <li key={alternative.id}>
            <button type="button" className="link-button" onClick={() => onSelect(alternative.id)}>
              {t('details.alternative', { text: firstLine(alternative.output, 60) })}
            </button>
            {alternative.accepted && <span className="history-badge">{t('history.kept')}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
