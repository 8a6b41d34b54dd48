import { Component, type ErrorInfo, type ReactNode } from 'react';

interface EditorErrorBoundaryProps {
  /** Told once when something inside threw while rendering; the boundary then shows nothing. */
  onError: (error: Error) => void;
  children: ReactNode;
}

interface EditorErrorBoundaryState {
  failed: boolean;
}

/**
 * Keeps an error thrown while the editor renders (a document that overflows the stack, say)
 * inside the editor: without it React unmounts the whole app and the window goes blank, on
 * every reload while that document is the one reopened. The parent shows the plain text.
 * (A class because React's error boundaries can only be classes.)
 */
export class EditorErrorBoundary extends Component<
  EditorErrorBoundaryProps,
  EditorErrorBoundaryState
> {
  override state: EditorErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): EditorErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    this.props.onError(error instanceof Error ? error : new Error(String(error)));
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
