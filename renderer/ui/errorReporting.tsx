import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { reportText } from './describeError.js';

export { describeError, describeIssue, localizedText, reportText } from './describeError.js';

export type ReportError = (error: unknown, whatFailed?: string) => void;

interface Reported {
  error: unknown;
  whatFailed: string | undefined;
}

interface ErrorState {
  reported: Reported | null;
  report: ReportError;
  dismiss: () => void;
}

const ErrorContext = createContext<ErrorState | null>(null);

export function ErrorProvider({ children }: { children: ReactNode }): ReactNode {
  const [reported, setReported] = useState<Reported | null>(null);
  const report = useCallback<ReportError>((error, whatFailed) => {
    console.error('[inkwell]', whatFailed ?? 'error', error);
    setReported({ error, whatFailed });
  }, []);
  const dismiss = useCallback(() => setReported(null), []);
  const value = useMemo(() => ({ reported, report, dismiss }), [reported, report, dismiss]);
  return <ErrorContext.Provider value={value}>{children}</ErrorContext.Provider>;
}

function useErrorState(): ErrorState {
  const state = useContext(ErrorContext);
  if (!state) throw new Error('useReportError must be used inside <ErrorProvider>.');
  return state;
}

export function useReportError(): ReportError {
  return useErrorState().report;
}

export function ErrorBanner(): ReactNode {
  const { reported, dismiss } = useErrorState();
  // Re-renders when the language changes, so a message already shown follows it.
  const { t } = useTranslation();
  if (!reported) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <span className="error-banner-text">{reportText(reported.error, reported.whatFailed)}</span>
      <button type="button" className="quiet-button" onClick={dismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
