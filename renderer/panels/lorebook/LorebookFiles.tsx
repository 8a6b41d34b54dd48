import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LOREBOOK_FILE_CHARS } from '../../../shared/channels/lorebook.js';
import type { ResponseOf } from '../../../shared/contract.js';
import { useClient } from '../../api/clientContext.js';
import { localizedText } from '../../ui/describeError.js';
import { downloadFile } from '../../ui/downloadFile.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { Field, helpIdOf } from './formFields.js';
import { LoreSection } from './LoreSection.js';

/** Product names, the same in every language. */
const FORMAT_NAMES = {
  inkwell: 'Inkwell',
  novelai: 'NovelAI',
  kobold: 'KoboldAI / Kobold Lite',
} as const;

/** Import a NovelAI / Kobold / Inkwell lorebook file, with its report; export as Inkwell's or NovelAI's. */
export function LorebookFiles(props: { documentId: string; reportError: ReportError }): ReactNode {
  const { t } = useTranslation('lorebook');
  const client = useClient();
  const id = useId();
  const [target, setTarget] = useState<'document' | 'library'>('document');
  const [report, setReport] = useState<ResponseOf<'lorebook.import'> | null>(null);

  const importFile = async (file: File): Promise<void> => {
    setReport(null);
    if (file.size > MAX_LOREBOOK_FILE_CHARS) {
      props.reportError(new Error(t('files.tooLarge', { mb: 5 })), t('failed.import'));
      return;
    }
    try {
      const text = await file.text();
      setReport(
        await client.call('lorebook.import', {
          documentId: target === 'document' ? props.documentId : null,
          fileName: file.name,
          text,
        }),
      );
    } catch (error) {
      props.reportError(error, t('failed.import'));
    }
  };
  const exportAs = async (format: 'inkwell' | 'novelai'): Promise<void> => {
    try {
      const file = await client.call('lorebook.export', { documentId: props.documentId, format });
      downloadFile(file.text, 'application/json', file.fileName);
    } catch (error) {
      props.reportError(error, t('failed.export'));
    }
  };

  return (
    <LoreSection id={`${id}-heading`} heading={t('files.heading')} className="lore-files">
      <Field id={`${id}-target`} label={t('files.importInto')}>
        <select
          id={`${id}-target`}
          value={target}
          onChange={(event) => setTarget(event.target.value === 'library' ? 'library' : 'document')}
        >
          <option value="document">{t('files.intoDocument')}</option>
          <option value="library">{t('files.intoLibrary')}</option>
        </select>
      </Field>
      <Field id={`${id}-file`} label={t('files.import')} help={t('files.importHelp')}>
        <input
          id={`${id}-file`}
          type="file"
          className="lore-file"
          data-testid="lore-import-file"
          accept=".json,.lorebook,application/json"
          aria-describedby={helpIdOf(`${id}-file`)}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </Field>
      {report && (
        <div
          className={`lore-report${report.notUnderstood.length > 0 ? ' has-notes' : ''}`}
          data-testid="lore-import-report"
          role="status"
        >
          <p className="lore-report-done">
            {t('files.imported', {
              count: report.imported,
              format: FORMAT_NAMES[report.format],
            })}
          </p>
          {report.notUnderstood.length > 0 && (
            <>
              <p>{t('files.notUnderstood')}</p>
              <ul>
                {report.notUnderstood.map((note, index) => (
                  <li key={index}>{localizedText(note.localized, note.message)}</li>
                ))}
              </ul>
            </>
          )}
          <button
            type="button"
            className="quiet-button"
            data-testid="lore-import-report-close"
            onClick={() => setReport(null)}
          >
            {t('files.dismiss')}
          </button>
        </div>
      )}
      <div className="lore-form-actions" role="group" aria-label={t('files.exportGroup')}>
        <button
          type="button"
          className="secondary-button"
          data-testid="lore-export-inkwell"
          onClick={() => void exportAs('inkwell')}
        >
          {t('files.exportInkwell')}
        </button>
        <button
          type="button"
          className="secondary-button"
          data-testid="lore-export-novelai"
          onClick={() => void exportAs('novelai')}
        >
          {t('files.exportNovelAi')}
        </button>
      </div>
    </LoreSection>
  );
}
