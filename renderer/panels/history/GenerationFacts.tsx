import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerationRecord } from '../../../shared/schemas/generations.js';
import { describeError } from '../../ui/describeError.js';
import { paramRows, shortSha, timingRows, type LabelledValue } from './historyFormat.js';

/** What a generation ran with and how it went: settings and seed, model, timings, error. */
export function GenerationFacts(props: { record: GenerationRecord }): ReactNode {
  const { record } = props;
  const { t } = useTranslation('generation');
  return (
    <>
      {record.error && (
        <p className="history-error" role="alert">
          {describeError(record.error)}
        </p>
      )}
      <h4>{t('facts.settings')}</h4>
      <FactList rows={paramRows(record.params, record.seed)} testId="history-params" />
      <h4>{t('facts.model')}</h4>
      {record.modelSha256 === '' ? (
        // A remote server's model: its address and name are the record (no file to hash).
        <p className="history-model" data-testid="history-server">
          {record.modelName} <code>{record.modelPath}</code>
          <br />
          {t('replay.serverMayDiffer', { url: record.modelPath })}
        </p>
      ) : (
        <p className="history-model">
          {record.modelName} {/* sha256 names the hash, the same in every language. */}
          <code
            title={`sha256 ${record.modelSha256}`}
          >{`sha256 ${shortSha(record.modelSha256)}`}</code>
        </p>
      )}
      {record.timings && (
        <>
          <h4>{t('facts.timings')}</h4>
          <FactList rows={timingRows(record.timings)} testId="history-timings" />
        </>
      )}
    </>
  );
}

function FactList(props: { rows: LabelledValue[]; testId: string }): ReactNode {
  return (
    <dl className="history-facts" data-testid={props.testId}>
      {props.rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
