import type { ReactNode } from 'react';
import { useConnectionState } from '../api/clientContext.js';

/** Shown only while the connection is down; Electron's IPC never is. */
export function ConnectionIndicator(): ReactNode {
  const state = useConnectionState();
  if (state === 'connected') return null;
  return (
    <div className="connection-status" role="status" data-testid="connection-status">
      <span className="connection-dot" aria-hidden="true" />
      Reconnecting… your text is kept here until it can be saved.
    </div>
  );
}
