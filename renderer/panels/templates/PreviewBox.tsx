import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeIssue, localizedText } from '../../ui/describeError.js';
import { tokenSummary } from './previewText.js';
import { issuePart, type PreviewState } from './usePreview.js';

export interface PreviewBoxProps {
  state: PreviewState;
  /** Issue paths shown next to their own control instead of here. */
  shownElsewhere: (path: string) => boolean;
}

/** The prompt exactly as the model receives it, its token count, or where the server objects. */
export function PreviewBox({ state, shownElsewhere }: PreviewBoxProps): ReactNode {
  const { t } = useTranslation('templates');
  const { preview, error, stale } = state;
  const otherIssues = error?.issues.filter((issue) => !shownElsewhere(issue.path)) ?? [];
  return (
    <section
      className={`template-preview ${stale ? 'stale' : ''}`}
      aria-label={t('preview.label')}
      aria-busy={stale}
      data-testid="template-preview"
    >
      <h4 className="template-note">{t('preview.heading')}</h4>
      {error && (
        <div className="template-error" role="alert" data-testid="template-preview-error">
          {otherIssues.length === 0 && error.issues.length > 0
            ? t('preview.fixFields')
            : otherIssues.length === 0
              ? localizedText(error.localized, error.message)
              : otherIssues.map((issue) => (
                  <p key={`${issue.path}:${issue.message}`} className="template-note-line">
                    <strong>{issuePart(issue.path)}</strong>
                    {t('preview.issueSeparator')}
                    {describeIssue(issue)}
                  </p>
                ))}
        </div>
      )}
      {preview ? (
        <>
          <pre data-testid="template-preview-text">{preview.prompt}</pre>
          <p
            className={`template-preview-tokens ${preview.fits && preview.roomForOutput >= preview.maxNewTokens ? '' : 'tight'}`}
            data-testid="template-preview-tokens"
          >
            {tokenSummary(preview)}
          </p>
        </>
      ) : (
        !error && <p className="template-note">{t('preview.rendering')}</p>
      )}
    </section>
  );
}
