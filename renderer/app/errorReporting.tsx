import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../../shared/errors.js';

export type ReportError = (error: unknown, whatFailed?: string) => void;

interface ErrorState {
  message: string | null;
  report: ReportError;
  dismiss: () => void;
}

const ErrorContext = createContext<ErrorState | null>(null);

/** Words for the writer: the server's message when there is one, never a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something unexpected went wrong.';
}

export function ErrorProvider({ children }: { children: ReactNode }): ReactNode {
  const [message, setMessage] = useState<string | null>(null);
  const report = useCallback<ReportError>((error, whatFailed) => {
    console.error('[inkwell]', whatFailed ?? 'error', error);
    const description = describeError(error);
    setMessage(whatFailed ? `${whatFailed}: ${description}` : description);
  }, []);
  const dismiss = useCallback(() => setMessage(null), []);
  const value = useMemo(() => ({ message, report, dismiss }), [message, report, dismiss]);
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
  const { message, dismiss } = useErrorState();
  if (!message) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <span className="error-banner-text">{message}</span>
      <button type="button" className="quiet-button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
